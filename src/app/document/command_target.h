// What undo commands need from the document they change: write a value or
// whole parcel records to the project (and memory), reload parcels a core
// operation changed, report a failed write, and know whether the crash
// journal is being restored (commands then leave the database alone). The
// Document implements it; the commands do not depend on the Document itself.
#pragma once

#include "model/parcel.h"

#include <QJsonObject>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vnland::store {
class Project;
}

namespace vnland::app {

enum class ParcelField { ToSo, ThuaSo, LanduseCode, OwnerName, Address, LegalArea };

/// One row of table parcel exactly as stored (every column, the geometry as 2D
/// WKB, its parcel_landuse rows), or "no such row". Geometry edits are undone
/// by writing the records back, so a retired or deleted parcel returns exactly.
struct ParcelRecord {
    struct Use {
        std::string code;
        std::optional<double> area;
        int isMain = 1;
        bool operator==(const Use &) const = default;
    };
    bool exists = false;
    model::Parcel parcel;                 // id, uuid, …, beginTime, endTime, wkb
    int identityConflict = 0;
    std::optional<int64_t> importId;
    std::vector<Use> uses;
    bool live() const { return exists && !parcel.endTime; }
};

/// One parcel before and after an edit.
struct ParcelChange {
    int64_t id = 0;
    ParcelRecord before;
    ParcelRecord after;
};
using ChangeSet = std::vector<ParcelChange>;

/// Journal form of a record (JSON, WKB as base64); sameRecord compares two exactly.
QJsonObject recordToJson(const ParcelRecord &r);
ParcelRecord recordFromJson(const QJsonObject &o);
bool sameRecord(const ParcelRecord &a, const ParcelRecord &b);

class CommandTarget {
public:
    virtual ~CommandTarget() = default;
    virtual store::Project &project() = 0;
    /// Sets one field in memory and in the database; false + reason when refused.
    virtual bool applyValue(int64_t parcelId, ParcelField field, const QVariant &value, QString *error = nullptr) = 0;
    /// Writes whole records (one transaction, change_log rows with @p action).
    virtual bool writeRecords(const std::vector<std::pair<int64_t, const ParcelRecord *>> &records,
                              const QString &action, QString *error = nullptr) = 0;
    /// Re-reads parcels a core operation changed.
    virtual void reloadParcels(const std::vector<int64_t> &ids) = 0;
    virtual void reportWriteFailure(const QString &why) = 0;
    virtual bool isRestoring() const = 0;
    /// The field's name in the UI language ("parcel number" …).
    virtual QString fieldLabel(ParcelField field) const = 0;
};

} // namespace vnland::app
