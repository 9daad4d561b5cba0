// Avoid overlap: clip a new or reshaped parcel by its neighbours.
#include "edit/edit_ops.h"

#include <stdexcept>

namespace vnland::edit {

ClipResult clipByNeighbours(const MultiPoly &, const ParcelGeoms &, double, const ClipOptions &)
{
    throw std::logic_error("not implemented");
}

} // namespace vnland::edit
