// The land-database schema on the server: the SQLite migrations of
// schemas/*.sql (embedded in the engine) translated to PostgreSQL/PostGIS at
// run time, so there is no second copy to keep in sync, plus the server-only
// tables for history and check-out locks.
#pragma once

#include <string>
#include <vector>

namespace vnland::postgis {

class Connection;

/// One SQLite migration statement in PostgreSQL form. AddGeometryColumn keeps
/// the SRID as a bound parameter ($1); other statements take none.
struct PgStatement {
    std::string sql;
    bool bindsSrid = false;
};

/// Translates a SQLite migration script (see schemas/001_land_database.sql):
/// INTEGER PRIMARY KEY -> identity, REAL -> double precision, strftime
/// defaults -> to_char(now()), AddGeometryColumn -> PostGIS AddGeometryColumn,
/// CreateSpatialIndex -> GiST index; references to tables created later in
/// the script become ALTER TABLE … ADD FOREIGN KEY at its end.
std::vector<PgStatement> translateMigration(const std::string &sqliteSql);

/// Creates schema @p schema when missing, applies the migrations it lacks
/// (tracked in vnland_schema_version) and the server tables. Leaves the
/// connection's search_path on the schema. Throws PgError, e.g. when the
/// schema holds another EPSG code than @p srid (then @p srid 0 = accept any).
/// Returns the schema's EPSG code.
int ensureSchema(Connection &c, const std::string &schema, int srid, std::vector<std::string> *log = nullptr);

/// Sets search_path on an existing schema; throws PgError naming it when it
/// was never published. Returns its EPSG code.
int openSchema(Connection &c, const std::string &schema);

/// Column names of a table in the current schema, in order.
std::vector<std::string> serverColumns(Connection &c, const std::string &table);

} // namespace vnland::postgis
