// Topological vertex editing: move, insert, delete in every parcel sharing the vertex.
#include "edit/edit_ops.h"

#include <stdexcept>

namespace vnland::edit {

VertexEditResult moveVertex(const ParcelGeoms &, XY, XY, double)
{
    throw std::logic_error("not implemented");
}

VertexEditResult insertVertex(const ParcelGeoms &, XY, double)
{
    throw std::logic_error("not implemented");
}

VertexEditResult deleteVertex(const ParcelGeoms &, XY, double)
{
    throw std::logic_error("not implemented");
}

} // namespace vnland::edit
