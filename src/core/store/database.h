// SQLite + SpatiaLite connection with RAII statements and transactions.
// Values are always bound to prepared statements, never formatted into SQL.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace vnland::store {

/// Thrown only at the database boundary; callers turn it into a user message.
class DbError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Database;

class Statement {
public:
    Statement(Database &db, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;

    Statement &bind(int index, std::nullptr_t);
    Statement &bind(int index, int value);
    Statement &bind(int index, int64_t value);
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view text);
    Statement &bind(int index, const char *text) { return bind(index, std::string_view(text)); }
    Statement &bind(int index, const std::string &text) { return bind(index, std::string_view(text)); }
    Statement &bindBlob(int index, const void *data, size_t size);
    /// Binds without copying: @p data must stay unchanged until the statement is reset or rebound.
    Statement &bindBlobNoCopy(int index, const void *data, size_t size);
    /// Text without copying, same rule as bindBlobNoCopy.
    Statement &bindTextNoCopy(int index, std::string_view text);
    template <class T>
    Statement &bind(int index, const std::optional<T> &v)
    {
        return v ? bind(index, *v) : bind(index, nullptr);
    }

    /// Steps once; true while a row is available.
    bool step();
    /// Steps to completion (for statements without results) and resets.
    void exec();
    void reset();

    bool isNull(int col) const;
    int64_t int64(int col) const;
    int integer(int col) const { return static_cast<int>(int64(col)); }
    double real(int col) const;
    std::string text(int col) const;
    std::optional<std::string> optText(int col) const;
    std::optional<double> optReal(int col) const;
    std::vector<unsigned char> blob(int col) const;
    const unsigned char *blobData(int col, int *size) const;

private:
    Database *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

/// A transaction that rolls back unless committed.
class Transaction {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    bool m_done = false;
};

class Database {
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    /// Opens (or creates) a SpatiaLite database. Throws DbError with the file name.
    Database(const std::string &path, Mode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    void exec(std::string_view sql);
    /// A single-value query helper.
    std::optional<int64_t> queryInt(std::string_view sql);
    std::optional<std::string> queryText(std::string_view sql);

    int64_t lastInsertId() const;
    int changes() const;
    std::string errorMessage() const;
    const std::string &path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }
    bool readOnly() const { return m_readOnly; }

    int userVersion();
    void setUserVersion(int v);

    /// How long a connection waits for another connection's lock (a second process
    /// importing into the same project) before it gives up. Applies to connections opened
    /// afterwards. The default is 60 s, or VNLAND_LOCK_TIMEOUT (seconds) when set.
    static void setDefaultLockTimeout(int milliseconds);
    static int defaultLockTimeout();
    /// This connection only.
    void setLockTimeout(int milliseconds);
    int lockTimeout() const { return m_lockTimeoutMs; }
    /// Told (project path, seconds waited, seconds it will wait at most) about one second
    /// into a wait and every 5 s after. Without one, a line goes to stderr.
    using LockWaitReporter = std::function<void(const std::string &path, double waited, double limit)>;
    static void setLockWaitReporter(LockWaitReporter reporter);

private:
    static int busyHandler(void *self, int count);

    sqlite3 *m_db = nullptr;
    void *m_spatialiteCache = nullptr;
    std::string m_path;
    bool m_readOnly = false;
    int m_lockTimeoutMs = 60000;
    // The current wait for a lock (busyHandler): when it started, reports made, how long it lasted.
    int64_t m_waitStartUs = 0;
    int m_waitReports = 0;
    double m_lastWaitSeconds = 0;
};

} // namespace vnland::store
