// PostgisBackend: exception boundary of the server operations.
#include "postgis_backend.h"

#include "pg_connection.h"
#include "sync_ops.h"

#include "store/database.h"

#include <QElapsedTimer>

namespace vnland::postgis {
namespace {

template <class Fn>
plugin::SyncReport guarded(Fn &&fn)
{
    QElapsedTimer t;
    t.start();
    plugin::SyncReport r;
    try {
        r = fn();
    } catch (const std::exception &e) {
        r = plugin::SyncReport();
        r.status = 2;
        r.error = QString::fromStdString(e.what());
    }
    r.seconds = t.elapsed() / 1000.0;
    return r;
}

} // namespace

std::string schemaName(const plugin::SyncOptions &options)
{
    const std::string s = options.schema.isEmpty() ? std::string("vnland") : options.schema.toStdString();
    if (!validSchemaName(s))
        throw PgError("--schema '" + s + "': use lower-case letters, digits and _ (not starting with a digit)");
    return s;
}

void lockSchemaForWrite(Connection &c, const std::string &schema)
{
    c.exec("SELECT pg_advisory_xact_lock(hashtext('vnland:' || $1))", Params().add(schema));
}

bool PostgisBackend::accepts(const QString &connection) const
{
    return connection.startsWith(QLatin1String("postgresql://")) || connection.startsWith(QLatin1String("postgres://")) ||
           connection.contains(QLatin1String("service=")) || connection.contains(QLatin1String("dbname=")) ||
           connection.contains(QLatin1String("host="));
}

plugin::SyncReport PostgisBackend::publish(store::Project &project, const QString &connection,
                                           const plugin::SyncOptions &options)
{
    return guarded([&] { return publishProject(project, connection.toStdString(), options); });
}

plugin::SyncReport PostgisBackend::checkout(const QString &connection, const plugin::SyncOptions &options,
                                            const QString &workPath)
{
    return guarded([&] { return checkoutArea(connection.toStdString(), options, workPath.toStdString()); });
}

plugin::SyncReport PostgisBackend::checkin(store::Project &work, const plugin::SyncOptions &options)
{
    return guarded([&] { return checkinWork(work, options); });
}

plugin::SyncReport PostgisBackend::validateServer(const QString &connection, const plugin::SyncOptions &options)
{
    return guarded([&] { return validateServerData(connection.toStdString(), options); });
}

} // namespace vnland::postgis
