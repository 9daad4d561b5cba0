// Applies the SQL migrations in schemas/ (embedded as Qt resources) in order,
// each in one transaction, tracking the version in PRAGMA user_version.
#pragma once

#include <string>
#include <vector>

namespace vnland::store {

class Database;

struct Migration {
    int version = 0;
    std::string name;
    std::string sql;
};

class Migrator {
public:
    /// The migrations shipped with this build, sorted by version.
    static std::vector<Migration> available();
    static int latestVersion();

    /// Brings @p db up to the latest version. @p srid is bound to :srid.
    /// Throws DbError naming the migration on failure; the database is unchanged then.
    static void migrate(Database &db, int srid);

    /// Runs every statement of @p sql, binding :srid where it occurs.
    static void execScript(Database &db, const std::string &sql, int srid);
};

} // namespace vnland::store
