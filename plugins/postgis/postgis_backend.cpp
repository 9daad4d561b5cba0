// PostgisBackend: exception boundary of the server operations.
#include "postgis_backend.h"

#include "pg_connection.h"
#include "sync_ops.h"

#include "store/database.h"
#include "store/project.h"

#include <QElapsedTimer>

namespace vnland::postgis {
namespace {

/// Runs @p fn, turning exceptions into status 2; no secret of @p conninfo leaves in the report.
template <class Fn>
plugin::SyncReport guarded(const std::string &conninfo, Fn &&fn)
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
    const auto secrets = connInfoSecrets(conninfo);
    if (!secrets.empty()) {
        r.error = QString::fromStdString(scrubSecrets(r.error.toStdString(), secrets));
        for (QString &f : r.findings)
            f = QString::fromStdString(scrubSecrets(f.toStdString(), secrets));
    }
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

QString PostgisBackend::storableConnection(const QString &connection) const
{
    const std::string c = connection.toStdString();
    return connInfoSecrets(c).empty() ? connection : QString::fromStdString(Connection::publicConnInfo(c));
}

QString PostgisBackend::redactedConnection(const QString &connection) const
{
    return QString::fromStdString(redactConnInfo(connection.toStdString()));
}

plugin::SyncReport PostgisBackend::publish(store::Project &project, const QString &connection,
                                           const plugin::SyncOptions &options)
{
    const std::string c = connection.toStdString();
    return guarded(c, [&] { return publishProject(project, c, options); });
}

plugin::SyncReport PostgisBackend::checkout(const QString &connection, const plugin::SyncOptions &options,
                                            const QString &workPath)
{
    const bool force = options.force;
    const std::string c = connection.toStdString();
    return guarded(c, [&] { return checkoutArea(c, options, workPath.toStdString(), force); });
}

plugin::SyncReport PostgisBackend::checkin(store::Project &work, const plugin::SyncOptions &options)
{
    return guarded(work.meta(kMetaConnection).value_or(""), [&] { return checkinWork(work, options); });
}

plugin::SyncReport PostgisBackend::validateServer(const QString &connection, const plugin::SyncOptions &options)
{
    const std::string c = connection.toStdString();
    return guarded(c, [&] { return validateServerData(c, options); });
}

} // namespace vnland::postgis
