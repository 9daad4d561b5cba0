// Document: loading a project into memory and applying edits.
#include "document.h"

#include "landuse_colors.h"
#include "undo_commands.h"

#include "store/parcel_query.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "store/reference_data.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QUndoStack>

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

Document::Document() : m_undo(new QUndoStack(this)) {}

Document::~Document()
{
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
        ParcelGeometry::Builder builder;
        const auto n = store::countParcels(*doc->m_project);
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

        auto attrs = std::make_shared<ParcelRenderAttrs>();
        const auto &colors = LanduseColors::builtIn();
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
        doc->m_attrs = attrs;

        auto sheets = std::make_shared<SheetOutlines>();
        for (const auto &s : store::loadSheetFrames(*doc->m_project)) {
            std::vector<std::vector<QPointF>> rings;
            if (!decodeWkbRings(s.wkb.data(), s.wkb.size(), rings))
                continue;
            SheetOutline o;
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
    m_undo->push(new ChangeValue(this, p.id, field, old, normalized));
    return true;
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

void Document::updateRenderAttrs(int row)
{
    auto attrs = std::make_shared<ParcelRenderAttrs>(*m_attrs);
    const auto &p = m_parcels[size_t(row)];
    attrs->fill[size_t(row)] = LanduseColors::builtIn().fill(QString::fromStdString(p.landuseCode),
                                                               QString::fromStdString(p.objectKind));
    attrs->thua[size_t(row)] = p.thuaSo ? QString::number(*p.thuaSo) : QString();
    attrs->area[size_t(row)] = formatArea(p.legalArea ? p.legalArea : p.measuredArea);
    attrs->code[size_t(row)] = QString::fromStdString(p.landuseCode);
    m_attrs = attrs;
}

void Document::setSelection(const QSet<int> &rows)
{
    if (rows == m_selection)
        return;
    m_selection = rows;
    emit selectionChanged();
}

} // namespace vnland::app
