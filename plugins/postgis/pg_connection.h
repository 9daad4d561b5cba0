// Thin RAII layer over libpq: a connection, results, parameter binding
// (PQexecParams — values are never formatted into SQL), transactions that roll
// back unless committed, and COPY FROM STDIN for bulk loads.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace vnland::postgis {

/// A server-side failure; what() is a message for the officer.
class PgError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ConnDeleter {
    void operator()(PGconn *c) const { PQfinish(c); }
};
struct ResultDeleter {
    void operator()(PGresult *r) const { PQclear(r); }
};

/// A query result (text format).
class Result {
public:
    explicit Result(PGresult *r) : m_res(r) {}
    int rows() const { return PQntuples(m_res.get()); }
    int columns() const { return PQnfields(m_res.get()); }
    bool isNull(int row, int col) const { return PQgetisnull(m_res.get(), row, col); }
    std::string text(int row, int col) const { return PQgetvalue(m_res.get(), row, col); }
    const char *raw(int row, int col) const { return PQgetvalue(m_res.get(), row, col); }
    int length(int row, int col) const { return PQgetlength(m_res.get(), row, col); }
    std::optional<std::string> opt(int row, int col) const
    {
        return isNull(row, col) ? std::nullopt : std::optional<std::string>(text(row, col));
    }
    long long integer(int row, int col) const;
    double real(int row, int col) const;
    std::string columnName(int col) const { return PQfname(m_res.get(), col); }
    /// Rows an INSERT/UPDATE/DELETE touched.
    long long affected() const;
    PGresult *get() const { return m_res.get(); }

private:
    std::unique_ptr<PGresult, ResultDeleter> m_res;
};

/// Parameter list for exec(): text values or NULL.
class Params {
public:
    Params &add(std::nullptr_t);
    Params &add(const std::string &v);
    Params &add(const char *v) { return add(std::string(v)); }
    Params &add(long long v);
    Params &add(int v) { return add(static_cast<long long>(v)); }
    Params &add(double v);
    template <class T>
    Params &add(const std::optional<T> &v)
    {
        return v ? add(*v) : add(nullptr);
    }
    int size() const { return static_cast<int>(m_values.size()); }
    const char *const *values() const;

private:
    std::vector<std::optional<std::string>> m_values;
    mutable std::vector<const char *> m_ptrs;
};

class Connection {
public:
    /// Connects with a libpq connection string (URI or key=value, service=…);
    /// passwords come from PGPASSFILE / ~/.pgpass. Throws PgError with a clear message.
    explicit Connection(const std::string &conninfo);
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    /// Runs @p sql with bound parameters; throws PgError (with @p what) on failure.
    Result exec(const std::string &sql, const Params &params = {});
    /// Runs several statements without parameters (DDL scripts).
    void execScript(const std::string &sql);

    /// COPY … FROM STDIN: begin, put data chunks, end (throws on error).
    void copyBegin(const std::string &copySql);
    void copyPut(const char *data, size_t size);
    void copyEnd();

    /// Sets search_path to "<schema>, public" (bound, not formatted).
    void useSchema(const std::string &schema);
    std::string quoteIdent(const std::string &name) const;
    /// Connection string without any secret (see isSecretConnKey), safe to store in a project
    /// file: key='value' form, empty when libpq cannot parse @p conninfo.
    static std::string publicConnInfo(const std::string &conninfo);
    /// "host:port/db" of the live connection, for messages.
    std::string describe() const;
    PGconn *handle() const { return m_conn.get(); }

private:
    /// @p text with the secrets of this connection's string replaced by ***.
    std::string scrubbed(const std::string &text) const;

    std::unique_ptr<PGconn, ConnDeleter> m_conn;
    std::vector<std::string> m_secrets;
};

/// BEGIN … COMMIT; rolls back in the destructor unless committed.
class Transaction {
public:
    explicit Transaction(Connection &c);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Connection &m_c;
    bool m_done = false;
};

/// True when the value of connection option @p key is a secret: libpq's password-type options
/// (PQconndefaults() dispchar "*": password, sslpassword, …, plus oauth_client_secret of newer
/// libpq versions) and any key libpq does not know (a mistyped "Password=" or "pasword=" is
/// rejected by libpq, but its value is still the secret the officer meant to give).
bool isSecretConnKey(const std::string &key);

/// @p conninfo in the form it was typed (key=value or postgresql://user:pass@host/db?…) with the
/// value of every secret key and the password of a URI's user:password@ replaced by ***; also a
/// dbname that is itself a connection string is redacted. Tolerant: works on strings libpq
/// refuses (unterminated quotes, bad percent-encoding, a missing '='), where a stray token is
/// masked whole. Safe for messages, logs and stored rows.
std::string redactConnInfo(const std::string &conninfo);

/// The secret values in @p conninfo (as typed and percent-decoded), so that libpq's own
/// messages, which may quote a malformed password or a piece of it, can be scrubbed.
std::vector<std::string> connInfoSecrets(const std::string &conninfo);

/// @p text with every occurrence of each of @p secrets replaced by *** (a secret shorter than
/// six characters only where it stands alone, not inside a word), and every double-quoted
/// token that is part of a secret.
std::string scrubSecrets(std::string text, const std::vector<std::string> &secrets);

/// Valid schema name: lower-case letters, digits, underscore, not starting with a digit.
bool validSchemaName(const std::string &name);

} // namespace vnland::postgis
