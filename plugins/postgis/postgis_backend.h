// The PostGIS server backend plugin (vn.vnland.SyncBackendPlugin/1): a
// PostgreSQL 15 + PostGIS 3 database shared by a province's land offices.
// Connection strings are libpq's (postgresql://… URIs, key=value, service=…);
// passwords come from the pgpass file, never from project files.
#pragma once

#include "plugin/sync_backend.h"

#include <QObject>

namespace vnland::postgis {

class PostgisBackend : public QObject, public plugin::SyncBackendPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VNLAND_SYNC_BACKEND_IID FILE "postgis.json")
    Q_INTERFACES(vnland::plugin::SyncBackendPlugin)

public:
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
