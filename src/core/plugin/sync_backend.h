// Versioned interface of a shared land-database server backend (province
// scale): publish a project, check an area out into a work project, check it
// back in, validate the server's data. Implemented by plugins (plugins/postgis
// with libpq), so the engine itself never links a database client.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QtPlugin>

#include <functional>
#include <optional>

namespace vnland::store {
class Project;
}

namespace vnland::plugin {

struct SyncOptions {
    QString schema;                  ///< server schema (namespace); empty = "vnland"
    QString communeCode;             ///< checkout: commune (mã xã); with toSo one sheet
    std::optional<int> toSo;         ///< checkout: tờ bản đồ in communeCode
    QString sheetId;                 ///< checkout: số hiệu mảnh (map_sheet.sheet_id) instead of commune/tờ
    QString who;                     ///< lock holder; empty = OS user@host
    bool skipConflicts = false;      ///< checkin: apply the parcels without conflict, leave the others
    bool skipValidation = false;     ///< checkin: do not run the topology rules on the edited parcels
    bool abandon = false;            ///< checkin: release the lock and send nothing (edits given up)
    bool force = false;              ///< checkout: take over another holder's open lock (recorded on the server)
    QStringList rules;               ///< validateServer: rule ids; empty = overlap, gap
    int batchSize = 20000;           ///< validateServer: parcels per streamed batch (about)
    std::function<void(const QString &)> progress; ///< one line of progress (may be empty)
};

/// Outcome of one operation. status follows the CLI exit codes.
struct SyncReport {
    int status = 0;                  ///< 0 ok, 1 findings (conflicts, validation errors), 2 failure
    QString error;                   ///< the reason when status == 2 (names server/file and cause)
    QStringList findings;            ///< one conflict / validation finding per line
    QList<QPair<QString, qint64>> counts; ///< "inserted", "updated", "unchanged", … in print order
    double seconds = 0;

    void count(const QString &key, qint64 n) { counts.append({key, n}); }
    qint64 countOf(const QString &key) const
    {
        for (const auto &c : counts)
            if (c.first == key)
                return c.second;
        return -1;
    }
};

class SyncBackendPlugin {
public:
    virtual ~SyncBackendPlugin() = default;
    /// Short name ("postgis").
    virtual QString backendName() const = 0;
    virtual QString description() const = 0;
    /// True when @p connection is a connection string this backend understands.
    virtual bool accepts(const QString &connection) const = 0;
    /// Creates/migrates the schema on the server and upserts the project's parcels (one transaction).
    virtual SyncReport publish(store::Project &project, const QString &connection, const SyncOptions &options) = 0;
    /// Copies an area into a new project at @p workPath and records a lock on the server.
    virtual SyncReport checkout(const QString &connection, const SyncOptions &options, const QString &workPath) = 0;
    /// Sends the edits of a checked-out work project back (conflicts refused, rest atomic).
    virtual SyncReport checkin(store::Project &work, const SyncOptions &options) = 0;
    /// Runs topology rules over the whole server data set in streamed batches.
    virtual SyncReport validateServer(const QString &connection, const SyncOptions &options) = 0;
};

} // namespace vnland::plugin

// Version 2: SyncOptions::force (version 1 plugins took it as a Qt property).
#define VNLAND_SYNC_BACKEND_IID "vn.vnland.SyncBackendPlugin/2"
Q_DECLARE_INTERFACE(vnland::plugin::SyncBackendPlugin, VNLAND_SYNC_BACKEND_IID)
