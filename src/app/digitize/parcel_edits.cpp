// Digitizing edits: core edit operations -> parcel records -> one undo command.
#include "digitize/parcel_edits.h"

#include "document/document.h"

#include "edit/edit_ops.h"
#include "store/database.h"
#include "store/project.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace vnland::app {
namespace {

QString tr(const char *text, int n = -1) { return QCoreApplication::translate("vnland::app", text, nullptr, n); }

std::string nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString(); }

edit::ParcelGeoms gather(const Document &doc, double x0, double y0, double x1, double y1,
                         const std::set<int64_t> &exclude = {})
{
    edit::ParcelGeoms out;
    for (int64_t id : doc.snapIndex().parcelsInBox(x0, y0, x1, y1))
        if (!exclude.count(id))
            if (const edit::MultiPoly *g = doc.snapIndex().parcel(id))
                out.emplace_back(id, *g);
    return out;
}

void bounds(const edit::MultiPoly &mp, double &x0, double &y0, double &x1, double &y1)
{
    x0 = y0 = 1e300;
    x1 = y1 = -1e300;
    for (const auto &poly : mp)
        for (const auto &ring : poly.rings)
            for (const auto &p : ring) {
                x0 = std::min(x0, p.x);
                y0 = std::min(y0, p.y);
                x1 = std::max(x1, p.x);
                y1 = std::max(y1, p.y);
            }
}

void setGeometry(ParcelRecord &r, const edit::MultiPoly &mp)
{
    r.parcel.wkb = edit::toWkb(mp);
    r.parcel.measuredArea = edit::area(mp);
    for (auto &u : r.uses)
        if (u.isMain && u.code == r.parcel.landuseCode)
            u.area = r.parcel.measuredArea;
}

ParcelRecord retired(ParcelRecord r)
{
    r.parcel.endTime = nowUtc();
    return r;
}

/// A new parcel inheriting the attributes of @p from (split, merge).
ParcelRecord derived(const ParcelRecord &from, const edit::MultiPoly &mp, int number)
{
    ParcelRecord r;
    r.exists = true;
    model::Parcel &p = r.parcel;
    const model::Parcel &o = from.parcel;
    p.objectKind = o.objectKind;
    p.communeCode = o.communeCode;
    p.toSo = o.toSo;
    p.thuaSo = number;
    p.toSoCu = o.toSo ? std::to_string(*o.toSo) : std::string();
    p.thuaSoCu = o.thuaSo ? std::to_string(*o.thuaSo) : std::string();
    p.landuseCode = o.landuseCode;
    p.legalLanduseCode = o.legalLanduseCode;
    p.userTypeCode = o.userTypeCode;
    p.ownerName = o.ownerName;
    p.address = o.address;
    setGeometry(r, mp);
    if (!p.landuseCode.empty())
        r.uses.push_back({p.landuseCode, p.measuredArea, 1});
    return r;
}

QString idList(Document &doc, const std::vector<int64_t> &ids)
{
    QStringList out;
    for (int64_t id : ids) {
        const int row = doc.rowOfId(id);
        if (row >= 0 && doc.parcel(row).thuaSo)
            out << tr("%1/%2").arg(doc.parcel(row).toSo.value_or(0)).arg(*doc.parcel(row).thuaSo);
        else
            out << QStringLiteral("#%1").arg(id);
    }
    return out.join(QStringLiteral(", "));
}

void addNeighbourUpdates(Document &doc, const edit::ParcelGeoms &updates, ChangeSet &changes)
{
    for (const auto &[id, mp] : updates) {
        auto it = std::find_if(changes.begin(), changes.end(), [id = id](const ParcelChange &c) { return c.id == id; });
        if (it != changes.end()) {
            setGeometry(it->after, mp);
            continue;
        }
        ParcelChange c;
        c.id = id;
        c.before = doc.record(id);
        c.after = c.before;
        setGeometry(c.after, mp);
        changes.push_back(std::move(c));
    }
}

void clipNotices(Document &doc, const edit::ClipResult &cr, EditOutcome &out)
{
    if (!cr.clippedBy.empty() && cr.removedArea > 1e-4)
        out.notices << tr("Clipped by %n neighbour(s) (%1): %2 m² removed to avoid an overlap", int(cr.clippedBy.size()))
                           .arg(idList(doc, cr.clippedBy))
                           .arg(cr.removedArea, 0, 'f', 2);
    if (!cr.invalidNeighbours.empty())
        out.notices << tr("Warning: neighbour parcel(s) %1 are invalid; they were repaired for the clip only — check them")
                           .arg(idList(doc, cr.invalidNeighbours));
}

EditOutcome push(Document &doc, const QString &text, ChangeSet changes, EditOutcome out)
{
    QString error;
    if (!doc.applyChanges(text, std::move(changes), &error)) {
        out.ok = false;
        out.error = error.isEmpty() ? tr("Nothing changed") : error;
        out.created.clear();
        return out;
    }
    out.ok = true;
    return out;
}

EditOutcome failed(const QString &why)
{
    EditOutcome o;
    o.error = why;
    return o;
}

/// Refuses a vertex edit that leaves a parcel invalid.
bool refuseInvalid(Document &doc, const edit::VertexEditResult &r, EditOutcome &out)
{
    if (r.invalid.empty())
        return false;
    out.error = tr("Refused: parcel %1 would become invalid (%2)")
                    .arg(idList(doc, r.invalid), QString::fromStdString(r.invalidReasons.empty() ? std::string() : r.invalidReasons[0]));
    return true;
}

ChangeSet changesOf(Document &doc, const edit::ParcelGeoms &changed)
{
    ChangeSet changes;
    addNeighbourUpdates(doc, changed, changes);
    return changes;
}

} // namespace

std::optional<SheetRef> sheetAt(Document &doc, const QPointF &p)
{
    store::Statement st(doc.project().db(),
                        "SELECT commune_code, to_so FROM map_sheet WHERE frame IS NOT NULL AND"
                        " Contains(frame, MakePoint(?, ?, ?)) ORDER BY scale, to_so LIMIT 1");
    st.bind(1, p.x()).bind(2, p.y()).bind(3, doc.epsg());
    if (!st.step())
        return std::nullopt;
    return SheetRef{st.text(0), st.integer(1)};
}

int nextNumberOnSheet(Document &doc, const SheetRef &sheet)
{
    store::Statement st(doc.project().db(),
                        "SELECT thua_so FROM parcel WHERE commune_code IS ? AND to_so = ? AND thua_so IS NOT NULL");
    if (sheet.communeCode.empty())
        st.bind(1, nullptr);
    else
        st.bind(1, sheet.communeCode);
    st.bind(2, sheet.toSo);
    std::vector<int> numbers;
    while (st.step())
        numbers.push_back(st.integer(0));
    return edit::nextParcelNumber(numbers);
}

namespace {
/// The parcel containing every vertex of @p ring (odd-even over all its rings), or −1.
int64_t parcelAround(const Document &doc, const edit::Ring &ring)
{
    int64_t around = -1;
    for (const auto &v : ring) {
        const int64_t row = doc.geometry()->parcelAt(toQ(v));
        if (row < 0)
            return -1;
        const int64_t id = doc.parcel(int(row)).id;
        if (around >= 0 && id != around)
            return -1;
        around = id;
    }
    return around;
}
} // namespace

EditOutcome addIsland(Document &doc, const edit::MultiPoly &candidate, double snapTol)
{
    EditOutcome out;
    if (candidate.empty() || candidate[0].rings.empty())
        return out;
    const int64_t outerId = parcelAround(doc, candidate[0].rings[0]);
    const edit::MultiPoly *outer = outerId >= 0 ? doc.snapIndex().parcel(outerId) : nullptr;
    if (!outer)
        return out;   // not an island: the caller reports its own reason
    const int64_t newId = doc.reserveParcelId();
    // The outer parcel minus the drawn ring = the outer parcel with a hole.
    const edit::ClipResult holed = edit::clipByNeighbours(*outer, {{newId, candidate}}, snapTol);
    if (!holed.ok) {
        out.error = tr("The parcel was not added: the hole it leaves in parcel id %1 is not valid (%2)")
                        .arg(outerId)
                        .arg(QString::fromStdString(holed.error));
        return out;
    }
    ParcelChange c;
    c.id = newId;
    c.after.exists = true;
    model::Parcel &p = c.after.parcel;
    double x0, y0, x1, y1;
    bounds(candidate, x0, y0, x1, y1);
    if (const std::optional<SheetRef> sheet = sheetAt(doc, QPointF((x0 + x1) / 2, (y0 + y1) / 2))) {
        p.communeCode = sheet->communeCode;
        p.toSo = sheet->toSo;
        p.thuaSo = nextNumberOnSheet(doc, *sheet);
    }
    setGeometry(c.after, candidate);
    ChangeSet changes{std::move(c)};
    addNeighbourUpdates(doc, {{outerId, holed.geometry}}, changes);
    const int row = doc.rowOfId(outerId);
    const auto &o = doc.parcel(row);
    out.notices << tr("Added inside parcel %1: it is now a hole (inner ring) of that parcel")
                       .arg(o.thuaSo ? QString::number(*o.thuaSo) : QString::number(outerId));
    out.created.push_back(newId);
    return push(doc, tr("Add parcel"), std::move(changes), std::move(out));
}

EditOutcome addParcel(Document &doc, const std::vector<QPointF> &ring, double snapTol)
{
    return addParcel(doc, ring, snapTol, LabelAttributes{}, tr("Add parcel"));
}

EditOutcome addParcel(Document &doc, const std::vector<QPointF> &ring, double snapTol, const LabelAttributes &label,
                      const QString &commandText)
{
    edit::Ring r;
    for (const QPointF &p : ring)
        r.push_back(toXY(p));
    r = edit::openRing(r);
    if (r.size() < 3)
        return failed(tr("A parcel needs at least 3 vertices"));
    const edit::MultiPoly candidate{edit::Poly{{r}}};
    double x0, y0, x1, y1;
    bounds(candidate, x0, y0, x1, y1);
    const double m = snapTol + 0.01;
    const edit::ClipResult cr = edit::clipByNeighbours(candidate, gather(doc, x0 - m, y0 - m, x1 + m, y1 + m), snapTol);
    EditOutcome out;
    if (!cr.ok) {
        // Drawn wholly inside one parcel: an island (a pond, a house plot in a
        // rice field). The new parcel is the drawn ring and the parcel around
        // it gets the ring as a hole (inner ring), vertex for vertex.
        EditOutcome island = addIsland(doc, candidate, snapTol);
        if (island.ok || !island.error.isEmpty())
            return island;
    }
    clipNotices(doc, cr, out);
    if (!cr.ok) {
        out.error = tr("The parcel was not added: %1").arg(QString::fromStdString(cr.error));
        return out;
    }
    double cx0, cy0, cx1, cy1;
    bounds(cr.geometry, cx0, cy0, cx1, cy1);
    ParcelChange c;
    c.id = doc.reserveParcelId();
    c.after.exists = true;
    model::Parcel &p = c.after.parcel;
    // The sheet containing the parcel (its first vertex inside, or the bbox centre).
    std::optional<SheetRef> sheet = sheetAt(doc, QPointF((cx0 + cx1) / 2, (cy0 + cy1) / 2));
    if (!sheet && !cr.geometry.empty() && !cr.geometry[0].rings.empty())
        sheet = sheetAt(doc, toQ(cr.geometry[0].rings[0][0]));
    if (sheet) {
        p.communeCode = sheet->communeCode;
        p.toSo = sheet->toSo;
        p.thuaSo = std::max(nextNumberOnSheet(doc, *sheet), label.printedUpTo + 1);
        if (label.thuaSo) {
            bool taken = false;
            for (int r = 0; r < doc.parcelCount() && !taken; ++r) {
                const model::Parcel &q = doc.parcel(r);
                taken = !q.endTime && q.communeCode == sheet->communeCode && q.toSo == sheet->toSo && q.thuaSo == label.thuaSo;
            }
            if (taken)
                out.notices << tr("Parcel number %1 is already used on sheet %2: the new parcel got number %3")
                                   .arg(*label.thuaSo)
                                   .arg(sheet->toSo)
                                   .arg(*p.thuaSo);
            else
                p.thuaSo = label.thuaSo;
        } else if (label.printedUpTo > 0) {
            out.notices << tr("The parcel number on the scan was not read: the new parcel got number %1, above the "
                              "numbers printed on the sheet; check it against the sheet")
                               .arg(*p.thuaSo);
        }
    } else {
        out.notices << tr("The new parcel lies outside every sheet frame: it has no sheet or parcel number");
    }
    if (!label.landuseCode.empty())
        p.landuseCode = label.landuseCode;
    p.legalArea = label.legalArea;
    setGeometry(c.after, cr.geometry);
    ChangeSet changes{std::move(c)};
    addNeighbourUpdates(doc, cr.neighbourUpdates, changes);
    out.created.push_back(changes.front().id);
    return push(doc, commandText, std::move(changes), std::move(out));
}

EditOutcome moveVertex(Document &doc, const QPointF &from, const QPointF &to, double tol)
{
    const auto refs = doc.snapIndex().verticesAt(toXY(from), tol);
    if (refs.empty())
        return failed(tr("No vertex here"));
    std::set<int64_t> ids;
    for (const auto &v : refs)
        ids.insert(v.parcelId);
    edit::ParcelGeoms parcels;
    for (int64_t id : ids)
        parcels.emplace_back(id, *doc.snapIndex().parcel(id));
    const edit::VertexEditResult r = edit::moveVertex(parcels, toXY(from), toXY(to), tol);
    EditOutcome out;
    if (!r.ok)
        return failed(QString::fromStdString(r.error));
    if (refuseInvalid(doc, r, out))
        return out;
    ChangeSet changes = changesOf(doc, r.changed);
    // Avoid overlap: a reshaped parcel pushed into a neighbour is clipped back.
    for (const auto &[id, mp] : r.changed) {
        double x0, y0, x1, y1;
        bounds(mp, x0, y0, x1, y1);
        const auto neighbours = gather(doc, x0, y0, x1, y1, ids);
        if (neighbours.empty())
            continue;
        const edit::ClipResult cr = edit::clipByNeighbours(mp, neighbours, 1e-6);
        if (!cr.ok) {
            if (!cr.invalidNeighbours.empty())
                clipNotices(doc, cr, out);
            continue;
        }
        clipNotices(doc, cr, out);
        if (cr.removedArea > 1e-4)
            addNeighbourUpdates(doc, {{id, cr.geometry}}, changes);
        // A vertex moved onto a neighbour's edge goes into that neighbour too (no T-junction).
        addNeighbourUpdates(doc, cr.neighbourUpdates, changes);
    }
    return push(doc, tr("Move vertex"), std::move(changes), std::move(out));
}

EditOutcome insertVertex(Document &doc, const QPointF &at, double tol)
{
    const auto parcels = gather(doc, at.x() - tol, at.y() - tol, at.x() + tol, at.y() + tol);
    const edit::VertexEditResult r = edit::insertVertex(parcels, toXY(at), tol);
    if (!r.ok)
        return failed(QString::fromStdString(r.error));
    EditOutcome out;
    if (refuseInvalid(doc, r, out))
        return out;
    return push(doc, tr("Insert vertex"), changesOf(doc, r.changed), std::move(out));
}

EditOutcome deleteVertex(Document &doc, const QPointF &at, double tol)
{
    const auto parcels = gather(doc, at.x() - tol, at.y() - tol, at.x() + tol, at.y() + tol);
    const edit::VertexEditResult r = edit::deleteVertex(parcels, toXY(at), tol);
    if (!r.ok)
        return failed(QString::fromStdString(r.error));
    EditOutcome out;
    if (refuseInvalid(doc, r, out))
        return out;
    return push(doc, tr("Delete vertex"), changesOf(doc, r.changed), std::move(out));
}

EditOutcome splitParcel(Document &doc, int64_t id, const std::vector<QPointF> &line)
{
    std::vector<edit::XY> l;
    for (const QPointF &p : line)
        l.push_back(toXY(p));
    if (l.size() < 2)
        return failed(tr("Draw a line of at least 2 points across the parcel"));
    edit::SplitResult split;
    if (id < 0) {
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (const auto &p : l) {
            x0 = std::min(x0, p.x);
            y0 = std::min(y0, p.y);
            x1 = std::max(x1, p.x);
            y1 = std::max(y1, p.y);
        }
        std::vector<int64_t> crossed;
        edit::SplitResult found;
        for (const auto &[pid, mp] : gather(doc, x0, y0, x1, y1)) {
            edit::SplitResult s = edit::splitByLine(mp, l);
            if (s.ok) {
                crossed.push_back(pid);
                found = std::move(s);
            }
        }
        if (crossed.size() > 1) {
            const auto sel = doc.selectedIds();
            std::vector<int64_t> both;
            std::set_intersection(crossed.begin(), crossed.end(), sel.begin(), sel.end(), std::back_inserter(both));
            if (both.size() != 1)
                return failed(tr("The line crosses %n parcels: select the one to split", int(crossed.size())));
            id = both.front();
            split = edit::splitByLine(*doc.snapIndex().parcel(id), l);
        } else if (crossed.size() == 1) {
            id = crossed.front();
            split = std::move(found);
        } else {
            return failed(tr("The line does not cross a parcel from side to side"));
        }
    } else {
        const edit::MultiPoly *mp = doc.snapIndex().parcel(id);
        if (!mp)
            return failed(tr("Parcel %1 is not a live parcel").arg(id));
        split = edit::splitByLine(*mp, l);
    }
    if (!split.ok)
        return failed(QString::fromStdString(split.error));
    ParcelChange old;
    old.id = id;
    old.before = doc.record(id);
    old.after = retired(old.before);
    ChangeSet changes{old};
    // Where the line meets the outline between two vertices, the neighbour sharing that edge gets
    // the same vertex (otherwise validation finds a T-junction there).
    std::map<int64_t, edit::MultiPoly> neighbourGeoms;
    for (const edit::XY &v : split.newBoundaryVertices) {
        constexpr double tol = 1e-3;
        edit::ParcelGeoms near;
        for (auto &[nid, mp] : gather(doc, v.x - tol, v.y - tol, v.x + tol, v.y + tol, {id})) {
            const auto done = neighbourGeoms.find(nid);
            near.emplace_back(nid, done != neighbourGeoms.end() ? done->second : mp);
        }
        if (near.empty())
            continue;
        const edit::VertexEditResult r = edit::insertVertex(near, v, tol);
        if (r.ok)
            for (const auto &[nid, mp] : r.changed)
                neighbourGeoms[nid] = mp;
    }
    addNeighbourUpdates(doc, edit::ParcelGeoms(neighbourGeoms.begin(), neighbourGeoms.end()), changes);
    EditOutcome out;
    SheetRef sheet{old.before.parcel.communeCode, old.before.parcel.toSo.value_or(0)};
    int number = old.before.parcel.toSo ? nextNumberOnSheet(doc, sheet) : 0;
    for (const auto &part : split.parts) {
        ParcelChange c;
        c.id = doc.reserveParcelId();
        c.after = derived(old.before, part, number);
        if (!old.before.parcel.toSo)
            c.after.parcel.thuaSo.reset();
        ++number;
        out.created.push_back(c.id);
        changes.push_back(std::move(c));
    }
    return push(doc, tr("Split parcel"), std::move(changes), std::move(out));
}

EditOutcome mergeParcels(Document &doc, const std::vector<int64_t> &ids, int64_t keepAttributesOf)
{
    if (ids.size() < 2)
        return failed(tr("Select at least two adjacent parcels to merge"));
    std::vector<edit::MultiPoly> parts;
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (int64_t id : ids) {
        const edit::MultiPoly *mp = doc.snapIndex().parcel(id);
        if (!mp)
            return failed(tr("Parcel %1 is not a live parcel").arg(id));
        parts.push_back(*mp);
        double a, b, c, d;
        bounds(*mp, a, b, c, d);
        x0 = std::min(x0, a);
        y0 = std::min(y0, b);
        x1 = std::max(x1, c);
        y1 = std::max(y1, d);
    }
    // Vertices other parcels still need stay on the merged outline.
    std::vector<edit::XY> keep;
    const std::set<int64_t> merging(ids.begin(), ids.end());
    for (const auto &[nid, mp] : gather(doc, x0 - 0.01, y0 - 0.01, x1 + 0.01, y1 + 0.01, merging))
        for (const auto &poly : mp)
            for (const auto &ring : poly.rings)
                keep.insert(keep.end(), ring.begin(), ring.end());
    const edit::MergeResult mr = edit::merge(parts, keep);
    if (!mr.ok)
        return failed(QString::fromStdString(mr.error));
    if (!merging.count(keepAttributesOf))
        keepAttributesOf = ids.front();
    ChangeSet changes;
    ParcelRecord keeper;
    for (int64_t id : ids) {
        ParcelChange c;
        c.id = id;
        c.before = doc.record(id);
        c.after = retired(c.before);
        if (id == keepAttributesOf)
            keeper = c.before;
        changes.push_back(std::move(c));
    }
    SheetRef sheet{keeper.parcel.communeCode, keeper.parcel.toSo.value_or(0)};
    ParcelChange merged;
    merged.id = doc.reserveParcelId();
    merged.after = derived(keeper, mr.geometry, keeper.parcel.toSo ? nextNumberOnSheet(doc, sheet) : 0);
    if (!keeper.parcel.toSo)
        merged.after.parcel.thuaSo.reset();
    EditOutcome out;
    out.created.push_back(merged.id);
    changes.push_back(std::move(merged));
    return push(doc, tr("Merge parcels"), std::move(changes), std::move(out));
}

EditOutcome deleteParcels(Document &doc, const std::vector<int64_t> &ids)
{
    if (ids.empty())
        return failed(tr("No parcel selected"));
    ChangeSet changes;
    for (int64_t id : ids) {
        ParcelChange c;
        c.id = id;
        c.before = doc.record(id);
        if (!c.before.live())
            continue;
        c.after = retired(c.before);
        changes.push_back(std::move(c));
    }
    return push(doc, tr("Delete %n parcel(s)", int(changes.size())), std::move(changes), {});
}

EditOutcome renumberSheet(Document &doc, const SheetRef &sheet)
{
    std::vector<std::pair<int64_t, edit::XY>> labels;
    std::vector<double> heights;
    const auto geometry = doc.geometry();
    for (int row = 0; row < doc.parcelCount(); ++row) {
        const model::Parcel &p = doc.parcel(row);
        if (p.communeCode != sheet.communeCode || p.toSo != sheet.toSo || p.objectKind != "parcel")
            continue;
        labels.emplace_back(p.id, toXY(geometry->labelPoint(size_t(row))));
        heights.push_back(geometry->bbox(size_t(row)).height());
    }
    if (labels.empty())
        return failed(tr("Sheet %1 has no parcels").arg(sheet.toSo));
    // Bands about one typical parcel high.
    std::nth_element(heights.begin(), heights.begin() + long(heights.size() / 2), heights.end());
    const double band = std::max(1.0, heights[heights.size() / 2]);
    const auto numbers = edit::renumberZigZag(labels, band);
    ChangeSet changes;
    for (const auto &[id, n] : numbers) {
        const int row = doc.rowOfId(id);
        if (row >= 0 && doc.parcel(row).thuaSo == n)
            continue;
        ParcelChange c;
        c.id = id;
        c.before = doc.record(id);
        c.after = c.before;
        c.after.parcel.thuaSo = n;
        changes.push_back(std::move(c));
    }
    EditOutcome out;
    if (changes.empty()) {
        out.ok = true;
        out.notices << tr("Sheet %1 is already numbered in order").arg(sheet.toSo);
        return out;
    }
    out.notices << tr("Sheet %1: %n parcel(s) renumbered", int(changes.size())).arg(sheet.toSo);
    return push(doc, tr("Renumber sheet %1").arg(sheet.toSo), std::move(changes), std::move(out));
}

std::vector<QPointF> tracePath(Document &doc, const QPointF &from, const QPointF &to, double tol, QString *error)
{
    const double d = std::hypot(to.x() - from.x(), to.y() - from.y()) + 20;
    std::vector<edit::MultiPoly> boundaries;
    for (auto &[id, mp] : gather(doc, std::min(from.x(), to.x()) - d, std::min(from.y(), to.y()) - d,
                                 std::max(from.x(), to.x()) + d, std::max(from.y(), to.y()) + d))
        boundaries.push_back(std::move(mp));
    const edit::TraceResult r = edit::trace(boundaries, toXY(from), toXY(to), tol);
    std::vector<QPointF> out;
    if (!r.ok) {
        if (error)
            *error = QString::fromStdString(r.error);
        return out;
    }
    for (const auto &p : r.path)
        out.push_back(toQ(p));
    return out;
}

} // namespace vnland::app
