// Document: loading a project into memory and applying edits.
#include "document/document.h"

#include "gui/landuse_colors.h"
#include "document/undo_commands.h"

#include "report/report_data.h"
#include "store/parcel_query.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "store/reference_data.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QThread>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrent>

#include <algorithm>
#include <utility>
#include <cmath>
#include <map>

namespace vnland::app {

QString formatArea(std::optional<double> area)
{
    if (!area)
        return {};
    return QLocale().toString(*area, 'f', 1);
}

namespace {
// The parcel without its WKB (the geometry lives in ParcelGeometry), copied
// field by field so the blob is never allocated twice.
model::Parcel attributesOnly(const model::Parcel &p)
{
    model::Parcel q;
    q.id = p.id;
    q.uuid = p.uuid;
    q.objectKind = p.objectKind;
    q.communeCode = p.communeCode;
    q.toSo = p.toSo;
    q.thuaSo = p.thuaSo;
    q.toSoCu = p.toSoCu;
    q.thuaSoCu = p.thuaSoCu;
    q.measuredArea = p.measuredArea;
    q.legalArea = p.legalArea;
    q.landuseCode = p.landuseCode;
    q.userTypeCode = p.userTypeCode;
    q.ownerName = p.ownerName;
    q.address = p.address;
    q.certificateIssued = p.certificateIssued;
    q.flags = p.flags;
    q.beginTime = p.beginTime;
    q.endTime = p.endTime;
    return q;
}
} // namespace

gui::ParcelStyle parcelStyle(const model::Parcel &p)
{
    return report::hasFlag(p.flags, "candidate") ? gui::ParcelStyle::Candidate : gui::ParcelStyle::Normal;
}

Document::Document() : m_undo(new QUndoStack(this)) {}

Document::~Document()
{
    emit aboutToBeDestroyed();
    // The stack's destructor emits cleanChanged; nobody may hear it from a half-destroyed Document.
    m_undo->blockSignals(true);
    delete m_undo;
}

std::unique_ptr<Document> Document::open(const QString &path, QString *error,
                                         const std::function<void(int64_t, int64_t)> &progress,
                                         const std::atomic_bool *cancel)
{
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = tr("%1: file not found").arg(path);
        return nullptr;
    }
    std::unique_ptr<Document> doc(new Document);
    try {
        doc->m_project = store::Project::open(path.toStdString());
        doc->m_writer = std::make_unique<store::ParcelWriter>(*doc->m_project);
        gui::ParcelGeometry::Builder builder;
        // Exact WKB for the snapping index, which is built in the background.
        std::vector<std::pair<int64_t, std::vector<unsigned char>>> exact;
        const auto n = store::countParcels(*doc->m_project);
        exact.reserve(size_t(n));
        doc->m_parcels.reserve(size_t(n));
        int unreadable = 0;
        bool cancelled = false;
        store::forEachParcel(*doc->m_project, {}, [&](const model::Parcel &p) {
            if ((doc->m_parcels.size() & 1023) == 0) {
                if (cancel && cancel->load()) {
                    cancelled = true;
                    return false;
                }
                if (progress)
                    progress(int64_t(doc->m_parcels.size()), n);
            }
            if (!builder.add(p.wkb))
                ++unreadable;
            else
                exact.emplace_back(p.id, p.wkb);
            doc->m_rowOfId.insert(p.id, int(doc->m_parcels.size()));
            doc->m_parcels.push_back(attributesOnly(p));
            return true;
        });
        if (cancelled) {
            if (error)
                *error = tr("Opening %1 was cancelled").arg(path);
            return nullptr;
        }
        doc->m_geometry = builder.finish();

        auto attrs = std::make_shared<gui::ParcelRenderAttrs>();
        const auto &colors = gui::LanduseColors::builtIn();
        const size_t count = doc->m_parcels.size();
        attrs->fill.resize(count);
        attrs->thua.resize(count);
        attrs->area.resize(count);
        attrs->code.resize(count);
        for (size_t i = 0; i < count; ++i) {
            const auto &p = doc->m_parcels[i];
            attrs->fill[i] = colors.fill(QString::fromStdString(p.landuseCode), QString::fromStdString(p.objectKind));
            attrs->thua[i] = p.thuaSo ? QString::number(*p.thuaSo) : QString();
            attrs->area[i] = formatArea(p.legalArea ? p.legalArea : p.measuredArea);
            attrs->code[i] = QString::fromStdString(p.landuseCode);
        }
        attrs->style.resize(count);
        for (size_t i = 0; i < count; ++i)
            attrs->style[i] = parcelStyle(doc->m_parcels[i]);
        doc->m_attrs = attrs;

        auto sheets = std::make_shared<gui::SheetOutlines>();
        for (const auto &s : store::loadSheetFrames(*doc->m_project)) {
            std::vector<std::vector<QPointF>> rings;
            if (!gui::decodeWkbRings(s.wkb.data(), s.wkb.size(), rings))
                continue;
            gui::SheetOutline o;
            for (auto &r : rings) {
                o.rings.emplace_back(QPolygonF(QList<QPointF>(r.begin(), r.end())));
                o.bbox = o.bbox.isNull() ? o.rings.back().boundingRect() : o.bbox.united(o.rings.back().boundingRect());
            }
            o.label = tr("Sheet %1 – 1:%2").arg(s.toSo).arg(s.scale);
            if (!s.sheetId.empty())
                o.label += QStringLiteral(" (%1)").arg(QString::fromStdString(s.sheetId));
            sheets->push_back(std::move(o));
        }
        doc->m_sheets = sheets;
        // Sheet frames and their 100 m grid crosses (10 cm at 1:1000), survey points.
        std::vector<std::vector<edit::XY>> lines;
        std::vector<std::pair<edit::XY, int64_t>> gridCrosses, surveyPoints;
        for (const auto &s : *sheets) {
            for (const auto &ring : s.rings) {
                std::vector<edit::XY> line;
                for (const QPointF &q : ring)
                    line.push_back({q.x(), q.y()});
                lines.push_back(std::move(line));
            }
            const double step = 100;
            for (double x = std::ceil(s.bbox.left() / step) * step; x <= s.bbox.right(); x += step)
                for (double y = std::ceil(s.bbox.top() / step) * step; y <= s.bbox.bottom(); y += step)
                    gridCrosses.push_back({{x, y}, -1});
        }
        if (doc->m_project->db().queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'survey_point'").value_or(0)) {
            store::Statement pts(doc->m_project->db(), "SELECT id, X(geom), Y(geom) FROM survey_point WHERE geom IS NOT NULL");
            while (pts.step())
                surveyPoints.push_back({{pts.real(1), pts.real(2)}, pts.int64(0)});
        }
        // The snapping index (about half a second at 100 000 parcels) is built
        // off the load path; the first edit or snap waits for it if needed.
        doc->m_snapThread = std::make_shared<std::atomic<QThread *>>(nullptr);
        doc->m_snapJob = QtConcurrent::run([exact = std::move(exact), lines = std::move(lines),
                                            gridCrosses = std::move(gridCrosses), surveyPoints = std::move(surveyPoints),
                                            thread = doc->m_snapThread] {
            // Lowest priority: the first draw and the GUI thread go first (a
            // caller that needs the index raises it again, see snapIndexForEdit).
            thread->store(QThread::currentThread());
            QThread::currentThread()->setPriority(QThread::IdlePriority);
            auto index = std::make_shared<edit::SnapIndex>();
            edit::ParcelGeoms geoms;
            geoms.reserve(exact.size());
            for (const auto &[id, wkb] : exact)
                geoms.emplace_back(id, edit::fromWkb(wkb));
            index->build(geoms);
            for (const auto &l : lines)
                index->addLine(l, true);
            for (const auto &[p, id] : gridCrosses)
                index->addPoint(p, edit::PointKind::GridCross, id);
            for (const auto &[p, id] : surveyPoints)
                index->addPoint(p, edit::PointKind::SurveyPoint, id);
            thread->store(nullptr);
            QThread::currentThread()->setPriority(QThread::NormalPriority);   // a pool thread: give it back as found
            return index;
        });
        if (unreadable > 0)
            QMetaObject::invokeMethod(doc.get(), [d = doc.get(), unreadable] {
                emit d->message(tr("%n parcel(s) have no readable geometry and are not drawn", nullptr, unreadable));
            }, Qt::QueuedConnection);
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return nullptr;
    }
    if (QCoreApplication::instance() && doc->thread() != QCoreApplication::instance()->thread())
        doc->moveToThread(QCoreApplication::instance()->thread());
    return doc;
}

QString Document::path() const { return QString::fromStdString(m_project->path()); }

int Document::epsg() const { return m_project->srid(); }

QRectF Document::fullExtent() const
{
    // The parcels are what the officer works on; sheet frames (often much larger
    // than the surveyed area) only count when there are no parcels yet.
    if (m_geometry && m_geometry->size() && !m_geometry->extent().isEmpty())
        return m_geometry->extent();
    QRectF r;
    for (const auto &s : *m_sheets)
        r = r.isNull() ? s.bbox : r.united(s.bbox);
    return r;
}

QVariant Document::fieldValue(const model::Parcel &p, ParcelField field)
{
    auto optInt = [](const std::optional<int> &v) { return v ? QVariant(*v) : QVariant(); };
    switch (field) {
    case ParcelField::ToSo: return optInt(p.toSo);
    case ParcelField::ThuaSo: return optInt(p.thuaSo);
    case ParcelField::LanduseCode: return QString::fromStdString(p.landuseCode);
    case ParcelField::OwnerName: return QString::fromStdString(p.ownerName);
    case ParcelField::Address: return QString::fromStdString(p.address);
    case ParcelField::LegalArea: return p.legalArea ? QVariant(*p.legalArea) : QVariant();
    }
    return {};
}

QString Document::fieldName(ParcelField field)
{
    switch (field) {
    case ParcelField::ToSo: return tr("sheet number");
    case ParcelField::ThuaSo: return tr("parcel number");
    case ParcelField::LanduseCode: return tr("land-use code");
    case ParcelField::OwnerName: return tr("land user");
    case ParcelField::Address: return tr("address");
    case ParcelField::LegalArea: return tr("legal area");
    }
    return {};
}

void Document::setField(model::Parcel &p, ParcelField field, const QVariant &v)
{
    auto optInt = [&v]() { return v.isNull() || !v.isValid() ? std::optional<int>() : std::optional<int>(v.toInt()); };
    switch (field) {
    case ParcelField::ToSo: p.toSo = optInt(); break;
    case ParcelField::ThuaSo: p.thuaSo = optInt(); break;
    case ParcelField::LanduseCode: p.landuseCode = v.toString().trimmed().toUpper().toStdString(); break;
    case ParcelField::OwnerName: p.ownerName = v.toString().trimmed().toStdString(); break;
    case ParcelField::Address: p.address = v.toString().trimmed().toStdString(); break;
    case ParcelField::LegalArea:
        p.legalArea = v.isNull() || !v.isValid() ? std::optional<double>() : std::optional<double>(v.toDouble());
        break;
    }
}

QString Document::validate(int row, ParcelField field, const QVariant &value) const
{
    if (row < 0 || row >= parcelCount())
        return tr("No parcel selected");
    const auto &p = m_parcels[size_t(row)];
    const bool empty = value.isNull() || !value.isValid() || value.toString().trimmed().isEmpty();
    switch (field) {
    case ParcelField::ToSo:
    case ParcelField::ThuaSo: {
        if (empty)
            return field == ParcelField::ToSo ? tr("The sheet number is required") : tr("The parcel number is required");
        bool ok = false;
        const int n = value.toString().trimmed().toInt(&ok);
        if (!ok || n <= 0 || n > 99999)
            return tr("%1 must be a whole number from 1 to 99999").arg(fieldName(field));
        model::Parcel q = p;
        setField(q, field, n);
        // (commune, tờ, thửa) is unique among live parcels.
        for (size_t i = 0; i < m_parcels.size(); ++i) {
            const auto &o = m_parcels[i];
            if (int(i) != row && !o.endTime && o.communeCode == q.communeCode && o.toSo == q.toSo && o.thuaSo == q.thuaSo
                && o.objectKind == "parcel")
                return tr("Sheet %1 already has parcel %2").arg(*q.toSo).arg(*q.thuaSo);
        }
        return {};
    }
    case ParcelField::LanduseCode: {
        if (empty)
            return {};
        const auto code = value.toString().trimmed().toUpper().toStdString();
        if (!store::landuseCodes().count(code))
            return tr("Unknown land-use code %1").arg(QString::fromStdString(code));
        return {};
    }
    case ParcelField::OwnerName:
        if (value.toString().size() > 200)
            return tr("The land user name is too long (at most 200 characters)");
        return {};
    case ParcelField::Address:
        if (value.toString().size() > 300)
            return tr("The address is too long (at most 300 characters)");
        return {};
    case ParcelField::LegalArea: {
        if (empty)
            return {};
        bool ok = false;
        const double a = value.typeId() == QMetaType::Double ? value.toDouble(&ok) : QLocale().toDouble(value.toString().trimmed(), &ok);
        if (!ok)
            return tr("The legal area must be a number of square metres");
        if (a <= 0 || a > 1e8)
            return tr("The legal area must be greater than 0 and at most 100 000 000 m²");
        return {};
    }
    }
    return {};
}

bool Document::changeValue(int row, ParcelField field, const QVariant &value, QString *error)
{
    const QString reason = validate(row, field, value);
    if (!reason.isEmpty()) {
        if (error)
            *error = reason;
        return false;
    }
    QVariant normalized;
    const bool empty = value.isNull() || !value.isValid() || value.toString().trimmed().isEmpty();
    switch (field) {
    case ParcelField::ToSo:
    case ParcelField::ThuaSo: normalized = value.toString().trimmed().toInt(); break;
    case ParcelField::LegalArea:
        if (!empty)
            normalized = value.typeId() == QMetaType::Double ? value.toDouble()
                                                              : QLocale().toDouble(value.toString().trimmed());
        break;
    case ParcelField::LanduseCode: normalized = value.toString().trimmed().toUpper(); break;
    default: normalized = value.toString().trimmed(); break;
    }
    const auto &p = m_parcels[size_t(row)];
    const QVariant old = fieldValue(p, field);
    if (old == normalized || (old.isNull() && normalized.isNull()))
        return false;
    return pushChecked(new ChangeValue(this, p.id, field, old, normalized), error);
}

void Document::reportWriteFailure(const QString &why)
{
    m_writeFailure = why;
    emit message(why);
}

QString Document::takeWriteFailure()
{
    return std::exchange(m_writeFailure, QString());
}

bool Document::pushChecked(QUndoCommand *cmd, QString *error)
{
    m_writeFailure.clear();
    m_undo->push(cmd);   // an obsolete command (failed write) is deleted, not kept
    const QString why = takeWriteFailure();
    if (why.isEmpty())
        return true;
    if (error)
        *error = why;
    return false;
}

bool Document::applyValue(int64_t parcelId, ParcelField field, const QVariant &value, QString *error)
{
    const int row = rowOfId(parcelId);
    if (row < 0) {
        if (error)
            *error = tr("Parcel %1 no longer exists").arg(parcelId);
        return false;
    }
    model::Parcel updated = m_parcels[size_t(row)];
    setField(updated, field, value);
    try {
        store::Transaction tx(m_project->db());
        m_writer->updateAttributes(updated);
        if (field == ParcelField::LanduseCode)
            store::setMainLanduse(*m_project, updated.id, updated.landuseCode, updated.measuredArea);
        store::logParcelChange(*m_project, updated.uuid, "update_attribute",
                               fieldName(field).toStdString() + "=" + value.toString().toStdString(), "vnland-editor");
        tx.commit();
    } catch (const std::exception &e) {
        if (error)
            *error = tr("Could not save the change to %1: %2").arg(path(), QString::fromUtf8(e.what()));
        return false;
    }
    m_parcels[size_t(row)] = std::move(updated);
    updateRenderAttrs(row);
    emit parcelChanged(row);
    return true;
}

void Document::fillRenderAttrs(gui::ParcelRenderAttrs &attrs, size_t row) const
{
    const auto &p = m_parcels[row];
    attrs.fill[row] = gui::LanduseColors::builtIn().fill(QString::fromStdString(p.landuseCode),
                                                    QString::fromStdString(p.objectKind));
    attrs.thua[row] = p.thuaSo ? QString::number(*p.thuaSo) : QString();
    attrs.area[row] = formatArea(p.legalArea ? p.legalArea : p.measuredArea);
    attrs.code[row] = QString::fromStdString(p.landuseCode);
    if (attrs.style.size() < attrs.fill.size())
        attrs.style.resize(attrs.fill.size());
    attrs.style[row] = parcelStyle(p);
}

void Document::updateRenderAttrs(int row)
{
    auto attrs = m_attrs.use_count() == 1 ? m_attrs : std::make_shared<gui::ParcelRenderAttrs>(*m_attrs);
    fillRenderAttrs(*attrs, size_t(row));
    m_attrs = attrs;
}

void Document::setSelection(const QSet<int> &rows)
{
    if (rows == m_selection)
        return;
    m_selection = rows;
    emit selectionChanged();
}

const edit::SnapIndex &Document::snapIndex() const { return const_cast<Document *>(this)->snapIndexForEdit(); }

bool Document::snapIndexReady() const { return m_snap || m_snapJob.isFinished(); }

edit::SnapIndex &Document::snapIndexForEdit()
{
    if (!m_snap) {
        if (!m_snapJob.isFinished())
            if (QThread *t = m_snapThread ? m_snapThread->load() : nullptr)
                t->setPriority(QThread::NormalPriority);   // needed now: no more idle priority
        m_snapJob.waitForFinished();
        m_snap = m_snapJob.result();
        m_snapJob = {};
    }
    return *m_snap;
}

void Document::selectIds(const std::vector<int64_t> &ids)
{
    QSet<int> rows;
    for (int64_t id : ids)
        if (const int r = rowOfId(id); r >= 0)
            rows.insert(r);
    setSelection(rows);
}

std::vector<int64_t> Document::selectedIds() const
{
    std::vector<int64_t> ids;
    for (int r : m_selection)
        if (r >= 0 && r < parcelCount())
            ids.push_back(m_parcels[size_t(r)].id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

// --- Geometry edits ----------------------------------------------------------

namespace {

const char *kRecordColumns =
    "id, uuid, object_kind, commune_code, to_so, thua_so, to_so_cu, thua_so_cu, measured_area, legal_area,"
    " landuse_code, legal_landuse_code, user_type_code, owner_name, address, certificate_issued, flags,"
    " identity_conflict, import_id, begin_time, end_time";

std::optional<int> optInt(const store::Statement &st, int col)
{
    return st.isNull(col) ? std::nullopt : std::optional<int>(st.integer(col));
}

void bindText(store::Statement &st, int i, const std::string &s)
{
    if (s.empty())
        st.bind(i, nullptr);
    else
        st.bind(i, s);
}

/// Binds the 20 attribute columns after id (same order as kRecordColumns) from @p first.
void bindRecord(store::Statement &st, int first, const ParcelRecord &r)
{
    const model::Parcel &p = r.parcel;
    int i = first;
    st.bind(i++, p.uuid);
    st.bind(i++, p.objectKind.empty() ? std::string("parcel") : p.objectKind);
    bindText(st, i++, p.communeCode);
    st.bind(i++, p.toSo);
    st.bind(i++, p.thuaSo);
    bindText(st, i++, p.toSoCu);
    bindText(st, i++, p.thuaSoCu);
    st.bind(i++, p.measuredArea);
    st.bind(i++, p.legalArea);
    bindText(st, i++, p.landuseCode);
    bindText(st, i++, p.legalLanduseCode);
    bindText(st, i++, p.userTypeCode);
    bindText(st, i++, p.ownerName);
    bindText(st, i++, p.address);
    st.bind(i++, p.certificateIssued);
    st.bind(i++, p.flags);
    st.bind(i++, r.identityConflict);
    st.bind(i++, r.importId);
    st.bind(i++, p.beginTime);
    st.bind(i++, p.endTime);
}

QString nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate); }

} // namespace


ParcelRecord Document::record(int64_t id) const
{
    ParcelRecord r;
    store::Statement st(m_project->db(), std::string("SELECT ") + kRecordColumns + ", geom FROM parcel WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return r;
    r.exists = true;
    model::Parcel &p = r.parcel;
    int c = 0;
    p.id = st.int64(c++);
    p.uuid = st.text(c++);
    p.objectKind = st.text(c++);
    p.communeCode = st.text(c++);
    p.toSo = optInt(st, c++);
    p.thuaSo = optInt(st, c++);
    p.toSoCu = st.text(c++);
    p.thuaSoCu = st.text(c++);
    p.measuredArea = st.optReal(c++);
    p.legalArea = st.optReal(c++);
    p.landuseCode = st.text(c++);
    p.legalLanduseCode = st.text(c++);
    p.userTypeCode = st.text(c++);
    p.ownerName = st.text(c++);
    p.address = st.text(c++);
    p.certificateIssued = optInt(st, c++);
    p.flags = st.text(c++);
    r.identityConflict = st.integer(c++);
    if (!st.isNull(c))
        r.importId = st.int64(c);
    ++c;
    p.beginTime = st.text(c++);
    p.endTime = st.optText(c++);
    if (!st.isNull(c)) {
        // The checked reader, never SpatiaLite's parser (which crashes on a damaged blob):
        // a damaged geometry comes back empty.
        const auto blob = st.blob(c);
        p.wkb = store::wkbFromSpatialiteBlob(blob.data(), blob.size());
    }
    store::Statement uses(m_project->db(), "SELECT code, area, is_main FROM parcel_landuse WHERE parcel_id = ? ORDER BY id");
    uses.bind(1, id);
    while (uses.step())
        r.uses.push_back({uses.text(0), uses.optReal(1), uses.integer(2)});
    return r;
}

int64_t Document::reserveParcelId()
{
    const int64_t maxId = m_project->db().queryInt("SELECT coalesce(max(id), 0) FROM parcel").value_or(0);
    m_nextId = std::max(m_nextId, maxId + 1);
    return m_nextId++;
}

bool Document::writeRecords(const std::vector<std::pair<int64_t, const ParcelRecord *>> &records, const QString &action,
                            QString *error)
{
    try {
        auto &db = m_project->db();
        store::Transaction tx(db);
        // Numbers may move between the rows (renumbering, undo of a split): free
        // them first so the unique (commune, tờ, thửa) index never sees a clash.
        store::Statement clear(db, "UPDATE parcel SET thua_so = NULL WHERE id = ?");
        for (const auto &[id, r] : records) {
            clear.bind(1, id);
            clear.exec();
            clear.reset();
        }
        store::Statement exists(db, "SELECT 1 FROM parcel WHERE id = ?");
        store::Statement delUses(db, "DELETE FROM parcel_landuse WHERE parcel_id = ?");
        store::Statement delRow(db, "DELETE FROM parcel WHERE id = ?");
        store::Statement update(db,
                                "UPDATE parcel SET uuid=?, object_kind=?, commune_code=?, to_so=?, thua_so=?, to_so_cu=?,"
                                " thua_so_cu=?, measured_area=?, legal_area=?, landuse_code=?, legal_landuse_code=?,"
                                " user_type_code=?, owner_name=?, address=?, certificate_issued=?, flags=?,"
                                " identity_conflict=?, import_id=?, begin_time=?, end_time=?,"
                                " geom=CastToMultiPolygon(GeomFromWKB(?, ?)) WHERE id=?");
        store::Statement insert(db, std::string("INSERT INTO parcel(") + kRecordColumns
                                        + ", geom) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                                          " CastToMultiPolygon(GeomFromWKB(?, ?)))");
        store::Statement addUse(db, "INSERT INTO parcel_landuse(parcel_id, code, area, is_main) VALUES (?,?,?,?)");
        for (const auto &[id, r] : records) {
            exists.bind(1, id);
            const bool present = exists.step();
            exists.reset();
            delUses.bind(1, id);
            delUses.exec();
            delUses.reset();
            std::string uuid = r->parcel.uuid;
            if (!r->exists) {
                if (present) {
                    uuid = record(id).parcel.uuid;
                    delRow.bind(1, id);
                    delRow.exec();
                    delRow.reset();
                }
            } else if (present) {
                bindRecord(update, 1, *r);
                update.bindBlob(21, r->parcel.wkb.data(), r->parcel.wkb.size()).bind(22, m_project->srid()).bind(23, id);
                update.exec();
                update.reset();
            } else {
                insert.bind(1, id);
                bindRecord(insert, 2, *r);
                insert.bindBlob(22, r->parcel.wkb.data(), r->parcel.wkb.size()).bind(23, m_project->srid());
                insert.exec();
                insert.reset();
            }
            if (r->exists)
                for (const auto &u : r->uses) {
                    addUse.bind(1, id).bind(2, u.code).bind(3, u.area).bind(4, u.isMain);
                    addUse.exec();
                    addUse.reset();
                }
            if (!uuid.empty())
                store::logParcelChange(*m_project, uuid, action.toStdString(),
                                       !r->exists ? "deleted" : r->parcel.endTime ? "retired" : "live", "vnland-editor");
        }
        tx.commit();
    } catch (const std::exception &e) {
        if (error)
            *error = tr("Could not save the change to %1: %2").arg(path(), QString::fromUtf8(e.what()));
        return false;
    }
    syncMemory(records);
    return true;
}

void Document::syncMemory(const std::vector<std::pair<int64_t, const ParcelRecord *>> &records)
{
    const std::vector<int64_t> oldSelection = selectedIds();
    // Remember where each surviving row's geometry is in the current store.
    std::map<int64_t, const ParcelRecord *> byId;
    for (const auto &[id, r] : records)
        byId[id] = r;
    std::vector<int> removeRows;
    std::vector<int> updatedRows;
    std::vector<const ParcelRecord *> appended;
    for (const auto &[id, r] : byId) {
        const int row = rowOfId(id);
        if (row >= 0 && !r->live())
            removeRows.push_back(row);
        else if (row >= 0)
            updatedRows.push_back(row);
        else if (r->live())
            appended.push_back(r);
    }
    std::sort(removeRows.begin(), removeRows.end());
    // Source of each row's outline: the old store row, or decoded new rings.
    std::vector<int64_t> source(m_parcels.size());
    for (size_t i = 0; i < source.size(); ++i)
        source[i] = int64_t(i);
    edit::SnapIndex &snap = snapIndexForEdit();
    std::vector<gui::ParcelGeometry::Rings> newRings(byId.size());
    std::map<int64_t, size_t> ringIndex;   // id -> newRings slot
    size_t slot = 0;
    for (const auto &[id, r] : byId)
        if (r->live()) {
            gui::decodeWkbRings(r->parcel.wkb.data(), r->parcel.wkb.size(), newRings[slot]);
            ringIndex[id] = slot++;
            snap.update(id, edit::fromWkb(r->parcel.wkb));
        } else {
            snap.remove(id);
        }

    auto attributesOf = [](const ParcelRecord &r) {
        model::Parcel p = r.parcel;
        p.wkb.clear();
        p.wkb.shrink_to_fit();
        return p;
    };
    for (int row : updatedRows)
        m_parcels[size_t(row)] = attributesOf(*byId[m_parcels[size_t(row)].id]);
    // Removals, last row first so the indexes stay valid.
    for (auto it = removeRows.rbegin(); it != removeRows.rend(); ++it) {
        emit rowsAboutToBeRemoved(*it, *it);
        m_parcels.erase(m_parcels.begin() + *it);
        source.erase(source.begin() + *it);
        emit rowsRemoved(*it, *it);
    }
    if (!appended.empty()) {
        const int first = int(m_parcels.size());
        emit rowsAboutToBeInserted(first, first + int(appended.size()) - 1);
        for (const ParcelRecord *r : appended) {
            m_parcels.push_back(attributesOf(*r));
            source.push_back(-1);
        }
        emit rowsInserted(first, first + int(appended.size()) - 1);
    }
    // Row numbers only move when rows were removed; appended rows are added.
    if (!removeRows.empty()) {
        m_rowOfId.clear();
        m_rowOfId.reserve(qsizetype(m_parcels.size()));
        for (size_t i = 0; i < m_parcels.size(); ++i)
            m_rowOfId.insert(m_parcels[i].id, int(i));
    } else {
        for (size_t i = m_parcels.size() - appended.size(); i < m_parcels.size(); ++i)
            m_rowOfId.insert(m_parcels[i].id, int(i));
    }
    std::vector<gui::ParcelGeometry::RowSource> rows(m_parcels.size());
    for (size_t i = 0; i < m_parcels.size(); ++i)
        rows[i].baseRow = source[i];
    QList<int> changedRows;
    for (const auto &[id, slotIndex] : ringIndex)
        if (const int row = rowOfId(id); row >= 0) {
            rows[size_t(row)].baseRow = -1;
            rows[size_t(row)].rings = &newRings[slotIndex];
            changedRows.append(row);
        }
    std::sort(changedRows.begin(), changedRows.end());
    m_geometry = m_geometry->edited(rows);
    // Render attributes: updated in place when no render job holds them
    // (copying 100 000 labels would cost more than the edit itself).
    std::shared_ptr<gui::ParcelRenderAttrs> attrs;
    if (removeRows.empty() && appended.empty()) {
        attrs = m_attrs.use_count() == 1 ? m_attrs : std::make_shared<gui::ParcelRenderAttrs>(*m_attrs);
    } else {
        attrs = std::make_shared<gui::ParcelRenderAttrs>();
        attrs->fill.resize(m_parcels.size());
        attrs->thua.resize(m_parcels.size());
        attrs->area.resize(m_parcels.size());
        attrs->code.resize(m_parcels.size());
        attrs->style.resize(m_parcels.size());
        for (size_t i = 0; i < m_parcels.size(); ++i) {
            attrs->style[i] = parcelStyle(m_parcels[i]);
            if (source[i] >= 0) {
                attrs->fill[i] = m_attrs->fill[size_t(source[i])];
                attrs->thua[i] = m_attrs->thua[size_t(source[i])];
                attrs->area[i] = m_attrs->area[size_t(source[i])];
                attrs->code[i] = m_attrs->code[size_t(source[i])];
            }
        }
    }
    for (int row : changedRows)
        fillRenderAttrs(*attrs, size_t(row));
    m_attrs = attrs;

    QSet<int> sel;
    for (int64_t id : oldSelection)
        if (const int r = rowOfId(id); r >= 0)
            sel.insert(r);
    const bool selChanged = sel != m_selection || !removeRows.empty() || !appended.empty();
    m_selection = sel;
    for (int row : changedRows)
        if (row < int(m_parcels.size()) - int(appended.size()))
            emit parcelChanged(row);
    emit geometryChanged(changedRows);
    if (selChanged)
        emit selectionChanged();
}

void Document::reloadParcels(const std::vector<int64_t> &ids)
{
    std::vector<ParcelRecord> recs;
    recs.reserve(ids.size());
    for (int64_t id : ids)
        recs.push_back(record(id));
    std::vector<std::pair<int64_t, const ParcelRecord *>> list;
    for (size_t i = 0; i < ids.size(); ++i)
        list.emplace_back(ids[i], &recs[i]);
    syncMemory(list);
}

bool Document::applyChanges(const QString &text, ChangeSet changes, QString *error)
{
    if (changes.empty())
        return false;
    for (auto &c : changes) {
        if (c.after.exists) {
            c.after.parcel.id = c.id;
            if (c.after.parcel.uuid.empty())
                c.after.parcel.uuid = store::newUuid();
            if (c.after.parcel.beginTime.empty())
                c.after.parcel.beginTime = nowUtc().toStdString();
        }
    }
    std::vector<std::pair<int64_t, const ParcelRecord *>> list;
    for (const auto &c : changes)
        list.emplace_back(c.id, &c.after);
    if (!writeRecords(list, QStringLiteral("edit_geometry"), error))
        return false;
    // Keep the after state exactly as stored (WKB as SpatiaLite writes it back).
    for (auto &c : changes)
        c.after = record(c.id);
    m_undo->push(new GeometryEdit(this, text, std::move(changes), true));
    return true;
}

void Document::setSketch(const QString &tool, const std::vector<QPointF> &points)
{
    m_sketchTool = points.empty() ? QString() : tool;
    m_sketch = points;
    emit sketchChanged();
}

} // namespace vnland::app
