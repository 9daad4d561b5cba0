// SQLite + SpatiaLite connection wrapper.
#include "store/database.h"

#include <sqlite3.h>
#include <spatialite.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <mutex>
#include <thread>

namespace vnland::store {
namespace {
// SQLite counts every allocation behind a global mutex unless told otherwise before it
// initialises (this runs when the library loads). Nothing in VNLand reads those counts.
[[maybe_unused]] const int kSqliteConfigured = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }();

// A second `vnland import` into the same project waits for the first one's write lock; a
// land officer's import of one commune takes seconds to a minute, so one minute by default.
std::atomic<int> &defaultTimeout()
{
    static std::atomic<int> ms = [] {
        if (const char *env = std::getenv("VNLAND_LOCK_TIMEOUT")) {
            char *end = nullptr;
            const double s = std::strtod(env, &end);
            if (end != env && *end == '\0' && std::isfinite(s) && s >= 0 && s <= 86400)
                return static_cast<int>(s * 1000);
        }
        return 60000;
    }();
    return ms;
}

std::mutex &reporterMutex()
{
    static std::mutex m;
    return m;
}

Database::LockWaitReporter &reporter()
{
    static Database::LockWaitReporter r;
    return r;
}

int64_t nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool isLockError(sqlite3 *db)
{
    const int rc = sqlite3_extended_errcode(db) & 0xff;
    return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}
} // namespace

void Database::setDefaultLockTimeout(int milliseconds) { defaultTimeout() = std::max(0, milliseconds); }
int Database::defaultLockTimeout() { return defaultTimeout(); }
void Database::setLockTimeout(int milliseconds) { m_lockTimeoutMs = std::max(0, milliseconds); }

void Database::setLockWaitReporter(LockWaitReporter r)
{
    std::lock_guard lock(reporterMutex());
    reporter() = std::move(r);
}

int Database::busyHandler(void *self, int count)
{
    auto *db = static_cast<Database *>(self);
    const int64_t now = nowUs();
    if (count == 0) {
        db->m_waitStartUs = now;
        db->m_waitReports = 0;
    }
    const double waited = double(now - db->m_waitStartUs) / 1e6;
    const double limit = db->m_lockTimeoutMs / 1000.0;
    db->m_lastWaitSeconds = waited;
    if (waited >= limit)
        return 0; // give up: the statement fails with SQLITE_BUSY, errorMessage() says why
    // Tell the user after one second, then every five: a silent minute looks like a hang.
    const int due = waited < 1 ? 0 : 1 + static_cast<int>((waited - 1) / 5);
    if (due > db->m_waitReports) {
        db->m_waitReports = due;
        std::lock_guard lock(reporterMutex());
        if (reporter()) {
            reporter()(db->m_path, waited, limit);
        } else {
            std::fprintf(stderr, "%s: another process holds the project (it is writing to it); waiting %.0f s (at most %.0f s) …\n",
                         db->m_path.c_str(), waited, limit);
            std::fflush(stderr);
        }
    }
    static constexpr int kDelaysMs[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50};
    const int delay = count < int(std::size(kDelaysMs)) ? kDelaysMs[count] : 100;
    const double remainingMs = (limit - waited) * 1000;
    std::this_thread::sleep_for(std::chrono::microseconds(
        static_cast<int64_t>(std::max(1.0, std::min<double>(delay, remainingMs)) * 1000)));
    return 1;
}


Statement::Statement(Database &db, std::string_view sql) : m_db(&db)
{
    int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        if (isLockError(db.handle())) // reading the schema waited for another process
            throw DbError(db.path() + ": " + db.errorMessage());
        throw DbError(db.path() + ": cannot prepare SQL (" + db.errorMessage() + "): " + std::string(sql.substr(0, 120)));
    }
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

Statement &Statement::bind(int index, std::nullptr_t)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}
Statement &Statement::bind(int index, int value)
{
    sqlite3_bind_int(m_stmt, index, value);
    return *this;
}
Statement &Statement::bind(int index, int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}
Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}
Statement &Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement &Statement::bindBlob(int index, const void *data, size_t size)
{
    sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(size), SQLITE_TRANSIENT);
    return *this;
}
Statement &Statement::bindTextNoCopy(int index, std::string_view text)
{
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
}
Statement &Statement::bindBlobNoCopy(int index, const void *data, size_t size)
{
    sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(size), SQLITE_STATIC);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string msg = m_db->errorMessage();
    sqlite3_reset(m_stmt);
    throw DbError(m_db->path() + ": " + msg);
}

void Statement::exec()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
int64_t Statement::int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
double Statement::real(int col) const { return sqlite3_column_double(m_stmt, col); }
std::string Statement::text(int col) const
{
    const auto *t = sqlite3_column_text(m_stmt, col);
    return t ? std::string(reinterpret_cast<const char *>(t), sqlite3_column_bytes(m_stmt, col)) : std::string();
}
std::optional<std::string> Statement::optText(int col) const
{
    if (isNull(col))
        return std::nullopt;
    return text(col);
}
std::optional<double> Statement::optReal(int col) const
{
    if (isNull(col))
        return std::nullopt;
    return real(col);
}
const unsigned char *Statement::blobData(int col, int *size) const
{
    const auto *p = static_cast<const unsigned char *>(sqlite3_column_blob(m_stmt, col));
    *size = sqlite3_column_bytes(m_stmt, col);
    return p;
}
std::vector<unsigned char> Statement::blob(int col) const
{
    int size = 0;
    const unsigned char *p = blobData(col, &size);
    return p ? std::vector<unsigned char>(p, p + size) : std::vector<unsigned char>();
}

Transaction::Transaction(Database &db) : m_db(db)
{
    m_db.exec("BEGIN IMMEDIATE");
    // Load the schema as this transaction sees it before anything is prepared: when another
    // process committed a schema change while we waited for its lock (a bulk import re-creates
    // its triggers), SQLite 3.40 fails the first INSERT prepared from the stale copy with "no
    // such table" (`fix` during an import, 10 of 10). A plain read of sqlite_master avoids it.
    m_db.exec("SELECT 1 FROM sqlite_master LIMIT 1");
}
Transaction::~Transaction()
{
    if (!m_done) {
        try {
            m_db.exec("ROLLBACK");
        } catch (...) {
        }
    }
}
void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_done = true;
}

Database::Database(const std::string &path, Mode mode) : m_path(path)
{
    namespace fs = std::filesystem;
    int flags = 0;
    switch (mode) {
    case Mode::ReadOnly:
        flags = SQLITE_OPEN_READONLY;
        m_readOnly = true;
        break;
    case Mode::ReadWrite:
        flags = SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    if (mode != Mode::Create && !fs::exists(path))
        throw DbError(path + ": project file does not exist");
    if (sqlite3_open_v2(path.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        const std::string msg = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw DbError(path + ": cannot open project (" + msg + ")");
    }
    sqlite3_extended_result_codes(m_db, 1);
    m_spatialiteCache = spatialite_alloc_connection();
    spatialite_init_ex(m_db, m_spatialiteCache, 0);
    // After SpatiaLite's initialisation, which sets a 5 s busy timeout of its own.
    m_lockTimeoutMs = defaultLockTimeout();
    sqlite3_busy_handler(m_db, &Database::busyHandler, this);
    try {
        // Touch the schema so that a file that is not SQLite fails here, with its name.
        // 8 KiB pages for a new land database (set before the first write; WAL fixes it): a parcel
        // row with its geometry is 0.5–1 KiB, and bulk imports measured ~6 % faster than with 4 KiB.
        if (mode == Mode::Create)
            exec("PRAGMA page_size=8192");
        exec("SELECT count(*) FROM sqlite_master");
        if (!m_readOnly) {
            exec("PRAGMA journal_mode=WAL");
            // In WAL mode NORMAL keeps the file consistent after a crash (a power cut may lose
            // the last commit, never corrupt); FULL would fsync on every commit.
            exec("PRAGMA synchronous=NORMAL");
        }
        exec("PRAGMA cache_size=-65536"); // 64 MiB page cache
        exec("PRAGMA foreign_keys=ON");
    } catch (const DbError &) {
        sqlite3_close_v2(m_db);
        spatialite_cleanup_ex(m_spatialiteCache);
        m_db = nullptr;
        m_spatialiteCache = nullptr;
        throw;
    }
}

Database::~Database()
{
    if (m_db)
        sqlite3_close_v2(m_db);
    if (m_spatialiteCache)
        spatialite_cleanup_ex(m_spatialiteCache);
}

void Database::exec(std::string_view sql)
{
    char *err = nullptr;
    const std::string s(sql);
    if (sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err && !isLockError(m_db) ? err : errorMessage();
        sqlite3_free(err);
        throw DbError(m_path + ": " + msg);
    }
}

std::optional<int64_t> Database::queryInt(std::string_view sql)
{
    Statement st(*this, sql);
    if (st.step() && !st.isNull(0))
        return st.int64(0);
    return std::nullopt;
}

std::optional<std::string> Database::queryText(std::string_view sql)
{
    Statement st(*this, sql);
    if (st.step() && !st.isNull(0))
        return st.text(0);
    return std::nullopt;
}

int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }
std::string Database::errorMessage() const
{
    if (!m_db)
        return "no database";
    if (isLockError(m_db)) {
        char waited[32];
        std::snprintf(waited, sizeof waited, "%.0f", std::max(m_lastWaitSeconds, m_lockTimeoutMs / 1000.0));
        return std::string("another process holds the project and did not finish within ") + waited
            + " s (database is locked); nothing was changed. Try again when it is done, or wait longer"
              " (vnland import --wait SECONDS, or VNLAND_LOCK_TIMEOUT=SECONDS for any command)";
    }
    return sqlite3_errmsg(m_db);
}
int Database::userVersion() { return static_cast<int>(queryInt("PRAGMA user_version").value_or(0)); }
void Database::setUserVersion(int v)
{
    // PRAGMA takes no bound parameters; v is an integer from our own migrator.
    exec("PRAGMA user_version=" + std::to_string(v));
}

} // namespace vnland::store
