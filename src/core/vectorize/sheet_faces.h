// The enclosed areas of a vectorized scan, for the editor's Fill parcel tool
// (tô thửa: click inside an area of the scan → its polygon and its label).
// Built once per scan layer from vectorizeScan() on a worker thread, then
// queried on the GUI thread: plain data, no GEOS handles (a GEOS geometry
// must die on the thread that made it).
#pragma once

#include "edit/edit_geometry.h"
#include "vectorize/vectorize.h"

#include <array>
#include <cstddef>
#include <vector>

namespace vnland::vectorize {

class SheetFaces {
public:
    SheetFaces() = default;
    /// The faces of @p result (its candidates: a coverage inside the sheet frame),
    /// read from a sheet at 1:@p scale.
    explicit SheetFaces(VectorizeResult result, int scale = 1000);

    size_t size() const { return m_faces.size(); }
    int epsg() const { return m_epsg; }
    int scale() const { return m_scale; }
    /// How far a face's vertex may move to meet a neighbour: 0.2 mm on paper, in metres.
    double snapTolerance() const { return 0.0002 * m_scale; }
    /// Index of the face containing (x, y) in the project CRS (x east, y north), or -1
    /// (outside the frame, or on the linework itself between two faces).
    int faceAt(double x, double y) const;
    /// The highest thửa number read on the sheet (0 when none).
    int highestNumber() const { return m_highestNumber; }
    const Candidate &candidate(size_t i) const { return m_candidates[i]; }
    const edit::MultiPoly &polygon(size_t i) const { return m_faces[i]; }

private:
    int m_epsg = 0;
    int m_scale = 1000;
    int m_highestNumber = 0;
    std::vector<Candidate> m_candidates;
    std::vector<edit::MultiPoly> m_faces;
    std::vector<std::array<double, 4>> m_bbox;   // minX minY maxX maxY
};

/// Even-odd point-in-polygon test on every ring of @p mp (holes excluded).
bool contains(const edit::MultiPoly &mp, double x, double y);

} // namespace vnland::vectorize
