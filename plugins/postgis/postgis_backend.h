// The PostGIS server backend plugin (vn.vnland.SyncBackendPlugin/2): a
// PostgreSQL 15 + PostGIS 3 database shared by a province's land offices.
// Connection strings are libpq's (postgresql://… URIs, key=value, service=…);
// passwords come from the pgpass file, never from project files.
#pragma once

#include "plugin/sync_backend.h"

#include <QObject>

#include <atomic>

namespace vnland::postgis {

class PostgisBackend : public QObject, public plugin::SyncBackendPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VNLAND_SYNC_BACKEND_IID FILE "postgis.json")
    Q_INTERFACES(vnland::plugin::SyncBackendPlugin)

public:
    /// @p connection as typed when it holds no secret, else without its secrets (empty when
    /// libpq cannot parse it): what a settings file or log may keep.
    Q_INVOKABLE QString storableConnection(const QString &connection) const;
    /// @p connection as typed with every secret replaced by *** (for messages).
    Q_INVOKABLE QString redactedConnection(const QString &connection) const;

    QString backendName() const override { return QStringLiteral("postgis"); }
    QString description() const override { return tr("PostgreSQL/PostGIS land-database server"); }
    bool accepts(const QString &connection) const override;
    plugin::SyncReport publish(store::Project &project, const QString &connection,
                               const plugin::SyncOptions &options) override;
    plugin::SyncReport checkout(const QString &connection, const plugin::SyncOptions &options,
                                const QString &workPath) override;
    plugin::SyncReport checkin(store::Project &work, const plugin::SyncOptions &options) override;
    plugin::SyncReport validateServer(const QString &connection, const plugin::SyncOptions &options) override;
};

} // namespace vnland::postgis
