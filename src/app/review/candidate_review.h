// Reviewing vectorized candidates (thửa đề xuất): the review reasons of a
// candidate as ids and as words in the UI language, and accepting (it becomes
// an ordinary parcel) or rejecting (it is removed) — each one undoable step.
#pragma once

#include "digitize/parcel_edits.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace vnland::model {
struct Parcel;
}

namespace vnland::app {

class Document;

/// True for an unreviewed candidate (flag "candidate").
bool isCandidate(const model::Parcel &p);
/// The review reasons of a candidate (flag ids after "candidate": no_label, area_mismatch …).
QStringList reviewReasons(const model::Parcel &p);
/// A reason id in the UI language ("no label read" / "không đọc được nhãn"); unknown ids as they are.
QString reasonText(const QString &id);
/// The reasons of @p p as one line in the UI language ("" when none).
QString reasonsText(const model::Parcel &p);

/// Accepts the candidates among @p ids: the candidate flag and its review reasons
/// go, attributes and geometry stay (one undo step).
EditOutcome acceptCandidates(Document &doc, const std::vector<int64_t> &ids);
/// Rejects the candidates among @p ids: they are removed from the project, not
/// kept as history — they were never approved parcels (one undo step).
EditOutcome rejectCandidates(Document &doc, const std::vector<int64_t> &ids);

} // namespace vnland::app
