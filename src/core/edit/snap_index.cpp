// Bucket-grid snapping index.
#include "edit/snap_index.h"

#include <stdexcept>

namespace vnland::edit {

struct SnapIndex::Impl {
};

SnapIndex::SnapIndex(double) : m_d(std::make_unique<Impl>()) {}
SnapIndex::~SnapIndex() = default;
SnapIndex::SnapIndex(SnapIndex &&) noexcept = default;
SnapIndex &SnapIndex::operator=(SnapIndex &&) noexcept = default;
void SnapIndex::build(const ParcelGeoms &) { throw std::logic_error("not implemented"); }
void SnapIndex::update(int64_t, const MultiPoly &) { throw std::logic_error("not implemented"); }
void SnapIndex::remove(int64_t) { throw std::logic_error("not implemented"); }
void SnapIndex::clearParcels() { throw std::logic_error("not implemented"); }
void SnapIndex::addPoint(XY, PointKind, int64_t) { throw std::logic_error("not implemented"); }
void SnapIndex::clearPoints() { throw std::logic_error("not implemented"); }
void SnapIndex::addLine(const std::vector<XY> &, bool, int64_t) { throw std::logic_error("not implemented"); }
void SnapIndex::clearLines() { throw std::logic_error("not implemented"); }
SnapResult SnapIndex::snap(XY, double, SnapFlags, int64_t) const { throw std::logic_error("not implemented"); }
std::vector<VertexRef> SnapIndex::verticesAt(XY, double) const { throw std::logic_error("not implemented"); }
std::vector<SegmentRef> SnapIndex::segmentsAt(XY, double) const { throw std::logic_error("not implemented"); }
std::vector<int64_t> SnapIndex::parcelsInBox(double, double, double, double) const { throw std::logic_error("not implemented"); }
const MultiPoly *SnapIndex::parcel(int64_t) const { throw std::logic_error("not implemented"); }
size_t SnapIndex::parcelCount() const { throw std::logic_error("not implemented"); }
double SnapIndex::cellSize() const { throw std::logic_error("not implemented"); }

} // namespace vnland::edit
