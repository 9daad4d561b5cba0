// The four server operations of the PostGIS backend, each in its own file
// (publish.cpp, checkout.cpp, checkin.cpp, server_validate.cpp). They throw
// PgError/DbError on failure; PostgisBackend turns that into a SyncReport.
#pragma once

#include "plugin/sync_backend.h"

#include <set>
#include <string>

namespace vnland::postgis {

class Connection;

plugin::SyncReport publishProject(store::Project &project, const std::string &conninfo,
                                  const plugin::SyncOptions &options);
/// Refused (status 1, nothing written) when the area is under an open lock, unless @p force:
/// then those locks are released and the take-over is recorded in checkout_takeover.
plugin::SyncReport checkoutArea(const std::string &conninfo, const plugin::SyncOptions &options,
                                const std::string &workPath, bool force);
plugin::SyncReport checkinWork(store::Project &work, const plugin::SyncOptions &options);
plugin::SyncReport validateServerData(const std::string &conninfo, const plugin::SyncOptions &options);

/// "rule|uuid,uuid|message" for each error-severity issue of the live parcels of
/// a work project, only those touching @p onlyTouching when given (check-in
/// refuses errors an edit introduced, not those there at check-out).
std::set<std::string> issueSignatures(store::Project &work, const std::set<std::string> *onlyTouching);

/// options.schema or the default "vnland"; throws PgError when not a plain name.
std::string schemaName(const plugin::SyncOptions &options);
/// Serialises writers (publish, check-in) of one schema inside the current transaction.
void lockSchemaForWrite(Connection &c, const std::string &schema);

// Keys of the work project's project_meta written at check-out.
inline constexpr const char *kMetaConnection = "sync.connection";
inline constexpr const char *kMetaSchema = "sync.schema";
inline constexpr const char *kMetaLock = "sync.lock_id";
inline constexpr const char *kMetaHolder = "sync.holder";
inline constexpr const char *kMetaBaseline = "sync.baseline_issues";
inline constexpr const char *kMetaCheckedIn = "sync.checked_in";

} // namespace vnland::postgis
