// Rows of a local project table read generically (every column the schema
// has, so later migrations travel without code changes), as text values that
// read back exactly on the server, plus the geometry as WKB.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vnland::store {
class Database;
}

namespace vnland::postgis {

struct LocalColumn {
    std::string name;
    char kind = 't'; ///< 'i' integer, 'r' real, 't' text
};

using RowValues = std::vector<std::optional<std::string>>;

/// Non-geometry columns of @p table (declared types), minus @p skip.
std::vector<LocalColumn> localColumns(store::Database &db, const std::string &table, const std::set<std::string> &skip);

/// Calls @p fn for each row of `SELECT columns, geomColumn FROM table [where]`
/// (where may use ? bound to @p whereArgs). Return false to stop.
void forEachLocalRow(store::Database &db, const std::string &table, const std::vector<LocalColumn> &columns,
                     const std::string &geomColumn, const std::string &where, const std::vector<std::string> &whereArgs,
                     const std::function<bool(const RowValues &, const std::vector<unsigned char> &wkb)> &fn);

/// EWKB (WKB with the SRID) of 2D WKB, as PostGIS receives it in binary COPY.
std::vector<unsigned char> ewkb(const std::vector<unsigned char> &wkb, int srid);
/// Hex EWKB, as PostGIS reads it from text.
std::string ewkbHex(const std::vector<unsigned char> &wkb, int srid);
std::vector<unsigned char> fromHex(const char *hex, size_t size);

/// Appends @p v to a COPY text line (\N for NULL, escapes).
void appendCopyField(std::string &line, const std::optional<std::string> &v);

/// Content hash of a parcel row as the work file holds it (check-out/check-in
/// use it to tell edited parcels from untouched ones).
std::string rowHash(const std::vector<LocalColumn> &columns, const RowValues &values,
                    const std::vector<unsigned char> &wkb, const std::set<std::string> &ignore);

/// The OS user and host name ("user@host") for lock records.
std::string defaultHolder();

} // namespace vnland::postgis
