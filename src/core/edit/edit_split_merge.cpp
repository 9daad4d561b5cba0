// Split a parcel by a line, merge parcels.
#include "edit/edit_ops.h"

#include <stdexcept>

namespace vnland::edit {

SplitResult splitByLine(const MultiPoly &, const std::vector<XY> &)
{
    throw std::logic_error("not implemented");
}

MergeResult merge(const std::vector<MultiPoly> &, const std::vector<XY> &)
{
    throw std::logic_error("not implemented");
}

} // namespace vnland::edit
