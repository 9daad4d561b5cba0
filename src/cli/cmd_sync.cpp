// vnland publish / checkout / checkin / validate-server: a province's shared
// land database on a PostgreSQL/PostGIS server, through the server backend
// plugin (plugins/postgis). Connections are libpq strings: postgresql://host/db,
// "service=NAME" (PGSERVICEFILE) …; passwords come from the pgpass file.
#include "args.h"
#include "commands.h"

#include "plugin/plugin_manager.h"
#include "plugin/sync_backend.h"
#include "store/project.h"

#include <QObject>

#include <iostream>

namespace vnland::cli {
namespace {

plugin::SyncBackendPlugin *backendFor(const std::string &connection, const char *cmd, const char *what)
{
    for (auto *b : plugin::PluginManager::instance().objects<plugin::SyncBackendPlugin>())
        if (b->accepts(QString::fromStdString(connection)))
            return b;
    // Not echoed: a string no plugin can parse may still hold a password.
    std::cerr << "vnland " << cmd << ": " << what
              << " is not a connection string a server plugin understands (postgresql://HOST/DB, service=NAME);"
                 " is the vnland_postgis plugin installed? (vnland plugins)\n";
    return nullptr;
}

int printReport(const plugin::SyncReport &r, const char *cmd, bool quiet)
{
    if (r.status == 2) {
        std::cerr << "vnland " << cmd << ": " << r.error.toStdString() << "\n";
        return 2;
    }
    for (const QString &f : r.findings)
        std::cout << f.toStdString() << "\n";
    if (!quiet) {
        for (const auto &c : r.counts)
            std::cout << "  " << c.first.toStdString() << ": " << c.second << "\n";
        std::cout << "  seconds: " << r.seconds << "\n";
    }
    return r.status;
}

plugin::SyncOptions baseOptions(const Args &a)
{
    plugin::SyncOptions o;
    o.schema = QString::fromStdString(a.value("schema", ""));
    o.who = QString::fromStdString(a.value("who", ""));
    if (!a.has("quiet"))
        o.progress = [](const QString &line) { std::cerr << "  " << line.toStdString() << "\n"; };
    return o;
}

bool parseInt(const std::string &text, int *out)
{
    try {
        size_t used = 0;
        *out = std::stoi(text, &used);
        return used == text.size();
    } catch (const std::exception &) {
        return false;
    }
}

} // namespace

int cmdPublish(const Argv &argv)
{
    static const char *usage =
        "Usage: vnland publish PROJECT.sqlite --to CONNECTION [--schema NAME] [--quiet]\n"
        "Creates or migrates the land-database schema on a PostgreSQL/PostGIS server and upserts the\n"
        "project's parcels (by UUID, else commune/tờ/thửa) in one transaction; changed parcels keep\n"
        "their old version in parcel_history. CONNECTION: postgresql://HOST[:PORT]/DB or service=NAME;\n"
        "passwords from ~/.pgpass (PGPASSFILE). Exit code: 0 ok, 2 failure.\n";
    Args a(argv, {"to", "schema"}, {"help", "quiet"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1 || !a.value("to")) {
        std::cerr << (a.ok() ? "" : "vnland publish: " + a.error() + "\n") << usage;
        return a.has("help") ? 0 : 2;
    }
    auto *backend = backendFor(*a.value("to"), "publish", "--to");
    if (!backend)
        return 2;
    std::unique_ptr<store::Project> project;
    try {
        project = store::Project::open(a.pos(0), true);
    } catch (const std::exception &e) {
        std::cerr << "vnland publish: " << e.what() << "\n";
        return 2;
    }
    const auto r = backend->publish(*project, QString::fromStdString(*a.value("to")), baseOptions(a));
    if (r.status != 2 && !a.has("quiet"))
        std::cout << project->path() << " -> " << a.value("schema", "vnland") << "\n";
    return printReport(r, "publish", a.has("quiet"));
}

int cmdCheckout(const Argv &argv)
{
    static const char *usage =
        "Usage: vnland checkout CONNECTION (--sheet ID | --commune CODE [--sheet TO]) --to WORK.sqlite\n"
        "                       [--schema NAME] [--who NAME] [--force] [--quiet]\n"
        "Copies one map sheet (số hiệu mảnh, or tờ TO of --commune) or a whole commune into a new work\n"
        "project and records a lock on the server (who, when, which parcels). A sheet or commune under\n"
        "another open lock is refused; --force takes it over (the other lock is released and can no\n"
        "longer be checked in; the take-over is recorded: who, when, whose lock).\n"
        "Exit code: 0 ok, 1 refused (locked), 2 failure.\n";
    Args a(argv, {"sheet", "commune", "to", "schema", "who"}, {"help", "quiet", "force"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1 || !a.value("to") ||
        (!a.value("sheet") && !a.value("commune"))) {
        std::cerr << (a.ok() ? "" : "vnland checkout: " + a.error() + "\n") << usage;
        return a.has("help") ? 0 : 2;
    }
    auto *backend = backendFor(a.pos(0), "checkout", "CONNECTION");
    if (!backend)
        return 2;
    plugin::SyncOptions o = baseOptions(a);
    o.communeCode = QString::fromStdString(a.value("commune", ""));
    if (auto sheet = a.value("sheet")) {
        int to = 0;
        if (a.value("commune") && parseInt(*sheet, &to))
            o.toSo = to;
        else
            o.sheetId = QString::fromStdString(*sheet);
    }
    o.force = a.has("force");
    const auto r = backend->checkout(QString::fromStdString(a.pos(0)), o, QString::fromStdString(*a.value("to")));
    if (r.status == 0 && !a.has("quiet"))
        std::cout << *a.value("to") << ": checked out\n";
    return printReport(r, "checkout", a.has("quiet"));
}

int cmdCheckin(const Argv &argv)
{
    static const char *usage =
        "Usage: vnland checkin WORK.sqlite [--skip-conflicts] [--skip-validation] [--abandon] [--quiet]\n"
        "Validates the edited parcels, refuses parcels changed on the server since the check-out\n"
        "(conflicts: by default nothing is applied; --skip-conflicts applies the others) and applies\n"
        "the edits in one transaction. --abandon releases the lock and sends nothing.\n"
        "Exit code: 0 ok, 1 conflicts or topology errors, 2 failure.\n";
    Args a(argv, {"schema"}, {"help", "quiet", "skip-conflicts", "skip-validation", "abandon"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1) {
        std::cerr << (a.ok() ? "" : "vnland checkin: " + a.error() + "\n") << usage;
        return a.has("help") ? 0 : 2;
    }
    std::unique_ptr<store::Project> work;
    try {
        work = store::Project::open(a.pos(0));
    } catch (const std::exception &e) {
        std::cerr << "vnland checkin: " << e.what() << "\n";
        return 2;
    }
    const std::string conn = work->meta("sync.connection").value_or("");
    if (conn.empty()) {
        std::cerr << "vnland checkin: " << work->path() << ": not a checked-out work file (use vnland checkout)\n";
        return 2;
    }
    const std::string what = "the connection recorded in " + work->path();
    auto *backend = backendFor(conn, "checkin", what.c_str());
    if (!backend)
        return 2;
    plugin::SyncOptions o = baseOptions(a);
    o.skipConflicts = a.has("skip-conflicts");
    o.skipValidation = a.has("skip-validation");
    o.abandon = a.has("abandon");
    const auto r = backend->checkin(*work, o);
    if (r.status == 0 && !a.has("quiet"))
        std::cout << work->path() << ": checked in\n";
    return printReport(r, "checkin", a.has("quiet"));
}

int cmdValidateServer(const Argv &argv)
{
    static const char *usage =
        "Usage: vnland validate-server CONNECTION [--schema NAME] [--rules overlap,gap] [--batch N] [--quiet]\n"
        "Runs topology rules over all live parcels on the server, across sheet and commune borders,\n"
        "streaming batches of about N parcels (default 20000) into the engine.\n"
        "Exit code: 0 no finding, 1 findings, 2 failure.\n";
    Args a(argv, {"schema", "rules", "batch"}, {"help", "quiet"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1) {
        std::cerr << (a.ok() ? "" : "vnland validate-server: " + a.error() + "\n") << usage;
        return a.has("help") ? 0 : 2;
    }
    auto *backend = backendFor(a.pos(0), "validate-server", "CONNECTION");
    if (!backend)
        return 2;
    plugin::SyncOptions o = baseOptions(a);
    if (auto rules = a.value("rules"))
        o.rules = QString::fromStdString(*rules).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (auto b = a.value("batch"); b && (!parseInt(*b, &o.batchSize) || o.batchSize <= 0)) {
        std::cerr << "vnland validate-server: --batch takes a positive number\n";
        return 2;
    }
    return printReport(backend->validateServer(QString::fromStdString(a.pos(0)), o), "validate-server", a.has("quiet"));
}

} // namespace vnland::cli
