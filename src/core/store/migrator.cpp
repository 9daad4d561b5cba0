// SQL migrations embedded from schemas/ and applied by PRAGMA user_version.
#include "store/migrator.h"
#include "store/layer_styles.h"

#include "store/database.h"
#include "store/reference_data.h"

#include <QDir>
#include <QFile>

#include <sqlite3.h>

#include <algorithm>

namespace vnland::store {

std::vector<Migration> Migrator::available()
{
    std::vector<Migration> out;
    const QDir dir(QStringLiteral(":/schemas"));
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        bool ok = false;
        const int version = name.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        if (!ok)
            continue;
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out.push_back({version, name.toStdString(), f.readAll().toStdString()});
    }
    std::sort(out.begin(), out.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return out;
}

int Migrator::latestVersion()
{
    const auto all = available();
    return all.empty() ? 0 : all.back().version;
}

void Migrator::execScript(Database &db, const std::string &sql, int srid)
{
    const char *tail = sql.c_str();
    while (tail && *tail) {
        sqlite3_stmt *raw = nullptr;
        const char *next = nullptr;
        if (sqlite3_prepare_v2(db.handle(), tail, -1, &raw, &next) != SQLITE_OK)
            throw DbError(db.errorMessage());
        tail = next;
        if (!raw)
            continue; // whitespace or comment only
        const int idx = sqlite3_bind_parameter_index(raw, ":srid");
        if (idx > 0)
            sqlite3_bind_int(raw, idx, srid);
        int rc;
        while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        }
        std::string msg = rc == SQLITE_DONE ? std::string() : db.errorMessage();
        // AddGeometryColumn/CreateSpatialIndex report failure as a 0 result, not an error.
        sqlite3_finalize(raw);
        if (!msg.empty())
            throw DbError(msg);
    }
}

void Migrator::migrate(Database &db, int srid)
{
    const int current = db.userVersion();
    for (const Migration &m : available()) {
        if (m.version <= current)
            continue;
        Transaction tx(db);
        try {
            execScript(db, m.sql, srid);
            if (m.version == 1)
                loadReferenceData(db);
            if (m.version == 7)
                writeLayerStyles(db);
        } catch (const DbError &e) {
            throw DbError(db.path() + ": schema migration " + m.name + " failed: " + e.what());
        }
        db.setUserVersion(m.version);
        tx.commit();
    }
}

} // namespace vnland::store
