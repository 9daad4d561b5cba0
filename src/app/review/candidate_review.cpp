#include "review/candidate_review.h"

#include "document/document.h"
#include "report/report_data.h"
#include "vectorize/vectorize_store.h"

#include <QCoreApplication>

namespace vnland::app {

namespace {

/// The review reasons the vectorizer writes after its candidate flag.
const char *const kReasons[] = {"no_label",      "several_labels", "unknown_code",     "code_uncertain",
                                "number_unread", "area_unread",    "area_mismatch",    "duplicate_number",
                                "small_face",    "thin_face",      "low_confidence"};

bool isReason(const QString &flag)
{
    for (const char *r : kReasons)
        if (flag == QLatin1String(r))
            return true;
    return false;
}

QStringList flagList(const model::Parcel &p)
{
    QStringList out;
    for (const QString &f : QString::fromStdString(p.flags).split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << f.trimmed();
    return out;
}

} // namespace

bool isCandidate(const model::Parcel &p) { return report::hasFlag(p.flags, vectorize::kCandidateFlag); }

QStringList reviewReasons(const model::Parcel &p)
{
    QStringList out;
    if (!isCandidate(p))
        return out;
    for (const QString &f : flagList(p))
        if (isReason(f) && !out.contains(f))
            out << f;
    return out;
}

QString reasonText(const QString &id)
{
    static const struct {
        const char *id;
        const char *text;
    } texts[] = {
        {"no_label", QT_TRANSLATE_NOOP("vnland::app::CandidateReview", "no label found")},
        {"several_labels", QT_TRANSLATE_NOOP("vnland::app::CandidateReview", "several labels")},
        {"unknown_code", QT_TRANSLATE_NOOP("vnland::app::CandidateReview", "land-use code not in the code list")},
        {"code_uncertain", QT_TRANSLATE_NOOP("vnland::app::CandidateReview", "land-use code uncertain")},
        {"number_unread", QT_TRANSLATE_NOOP("vnland::app::CandidateReview", "parcel number not read")},
        {"area_unread", QT_TRANSLATE_NOOP("vnland::app::CandidateReview", "area not read")},
        {"area_mismatch", QT_TRANSLATE_NOOP("vnland::app::CandidateReview", "printed area differs from the polygon")},
        {"duplicate_number", QT_TRANSLATE_NOOP("vnland::app::CandidateReview", "parcel number used twice")},
        {"small_face", QT_TRANSLATE_NOOP("vnland::app::CandidateReview", "very small")},
        {"thin_face", QT_TRANSLATE_NOOP("vnland::app::CandidateReview", "very thin")},
        {"low_confidence", QT_TRANSLATE_NOOP("vnland::app::CandidateReview", "label read with low confidence")},
    };
    for (const auto &t : texts)
        if (id == QLatin1String(t.id))
            return QCoreApplication::translate("vnland::app::CandidateReview", t.text);
    return id;
}

QString reasonsText(const model::Parcel &p)
{
    QStringList words;
    for (const QString &r : reviewReasons(p))
        words << reasonText(r);
    return words.join(QStringLiteral("; "));
}

namespace {

EditOutcome review(Document &doc, const std::vector<int64_t> &ids, bool accept)
{
    EditOutcome out;
    ChangeSet changes;
    for (int64_t id : ids) {
        ParcelChange c;
        c.id = id;
        c.before = doc.record(id);
        if (!c.before.live() || !isCandidate(c.before.parcel))
            continue;
        if (accept) {
            c.after = c.before;
            QStringList keep;
            for (const QString &f : flagList(c.before.parcel))
                if (f != QLatin1String(vectorize::kCandidateFlag) && !isReason(f))
                    keep << f;
            c.after.parcel.flags = keep.join(QLatin1Char(',')).toStdString();
        }   // reject: after = no such row
        changes.push_back(std::move(c));
    }
    if (changes.empty()) {
        out.error = QCoreApplication::translate("vnland::app::CandidateReview", "No unreviewed candidate selected");
        return out;
    }
    const int n = int(changes.size());
    QString error;
    if (!doc.applyChanges(accept ? QCoreApplication::translate("vnland::app::CandidateReview", "Accept %n candidate(s)", nullptr, n)
                                 : QCoreApplication::translate("vnland::app::CandidateReview", "Reject %n candidate(s)", nullptr, n), std::move(changes),
                          &error)) {
        out.error = error.isEmpty() ? QCoreApplication::translate("vnland::app::CandidateReview", "Nothing changed") : error;
        return out;
    }
    out.ok = true;
    return out;
}

} // namespace

EditOutcome acceptCandidates(Document &doc, const std::vector<int64_t> &ids) { return review(doc, ids, true); }

EditOutcome rejectCandidates(Document &doc, const std::vector<int64_t> &ids) { return review(doc, ids, false); }

} // namespace vnland::app
