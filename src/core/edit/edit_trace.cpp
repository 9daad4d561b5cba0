// Tracing along existing boundaries: Dijkstra on the noded boundary graph.
#include "edit/edit_ops.h"

#include <stdexcept>

namespace vnland::edit {

TraceResult trace(const std::vector<MultiPoly> &, XY, XY, double)
{
    throw std::logic_error("not implemented");
}

} // namespace vnland::edit
