// libpq RAII wrappers; see pg_connection.h.
#include "pg_connection.h"

#include <charconv>
#include <cstdlib>

namespace vnland::postgis {
namespace {

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

struct ConninfoDeleter {
    void operator()(PQconninfoOption *o) const { PQconninfoFree(o); }
};

} // namespace

long long Result::integer(int row, int col) const
{
    return std::strtoll(PQgetvalue(m_res.get(), row, col), nullptr, 10);
}

long long Result::affected() const
{
    return std::strtoll(PQcmdTuples(m_res.get()), nullptr, 10);
}

double Result::real(int row, int col) const
{
    return std::strtod(PQgetvalue(m_res.get(), row, col), nullptr);
}

Params &Params::add(std::nullptr_t)
{
    m_values.emplace_back(std::nullopt);
    return *this;
}

Params &Params::add(const std::string &v)
{
    m_values.emplace_back(v);
    return *this;
}

Params &Params::add(long long v)
{
    m_values.emplace_back(std::to_string(v));
    return *this;
}

Params &Params::add(double v)
{
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v); // shortest text that reads back exactly
    m_values.emplace_back(std::string(buf, r.ptr));
    return *this;
}

const char *const *Params::values() const
{
    m_ptrs.clear();
    for (const auto &v : m_values)
        m_ptrs.push_back(v ? v->c_str() : nullptr);
    return m_ptrs.data();
}

Connection::Connection(const std::string &conninfo)
{
    char *err = nullptr;
    std::unique_ptr<PQconninfoOption, ConninfoDeleter> opts(PQconninfoParse(conninfo.c_str(), &err));
    if (!opts) {
        std::string msg = err ? trimmed(err) : std::string("cannot parse it");
        PQfreemem(err);
        throw PgError("connection string '" + conninfo + "' is not valid: " + msg);
    }
    m_conn.reset(PQconnectdb(conninfo.c_str()));
    if (!m_conn || PQstatus(m_conn.get()) != CONNECTION_OK) {
        const std::string msg = m_conn ? trimmed(PQerrorMessage(m_conn.get())) : std::string("out of memory");
        throw PgError("cannot connect to the land-database server (" + publicConnInfo(conninfo) + "): " + msg +
                      "\n  Check the connection string or service file (PGSERVICEFILE, ~/.pg_service.conf) and the "
                      "password file (PGPASSFILE, ~/.pgpass); passwords are never taken from project files.");
    }
    exec("SET client_min_messages = warning");
}

Result Connection::exec(const std::string &sql, const Params &params)
{
    PGresult *r = PQexecParams(m_conn.get(), sql.c_str(), params.size(), nullptr, params.values(), nullptr, nullptr, 0);
    Result res(r);
    const auto st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        const char *primary = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
        const char *detail = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL);
        std::string msg = primary ? primary : trimmed(PQerrorMessage(m_conn.get()));
        if (detail)
            msg += std::string(" (") + detail + ")";
        if (PQstatus(m_conn.get()) != CONNECTION_OK)
            msg = "lost the connection to the land-database server: " + trimmed(PQerrorMessage(m_conn.get()));
        throw PgError(describe() + ": " + msg);
    }
    return res;
}

void Connection::execScript(const std::string &sql)
{
    Result r(PQexec(m_conn.get(), sql.c_str()));
    const auto st = PQresultStatus(r.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        throw PgError(describe() + ": " + trimmed(PQerrorMessage(m_conn.get())));
}

void Connection::copyBegin(const std::string &copySql)
{
    Result r(PQexec(m_conn.get(), copySql.c_str()));
    if (PQresultStatus(r.get()) != PGRES_COPY_IN)
        throw PgError(describe() + ": " + trimmed(PQerrorMessage(m_conn.get())));
}

void Connection::copyPut(const char *data, size_t size)
{
    if (PQputCopyData(m_conn.get(), data, static_cast<int>(size)) != 1)
        throw PgError(describe() + ": COPY failed: " + trimmed(PQerrorMessage(m_conn.get())));
}

void Connection::copyEnd()
{
    if (PQputCopyEnd(m_conn.get(), nullptr) != 1)
        throw PgError(describe() + ": COPY failed: " + trimmed(PQerrorMessage(m_conn.get())));
    std::string error;
    while (PGresult *raw = PQgetResult(m_conn.get())) {
        Result r(raw);
        if (PQresultStatus(raw) != PGRES_COMMAND_OK && error.empty()) {
            const char *primary = PQresultErrorField(raw, PG_DIAG_MESSAGE_PRIMARY);
            const char *ctx = PQresultErrorField(raw, PG_DIAG_CONTEXT);
            error = std::string(primary ? primary : "COPY failed") + (ctx ? std::string(" (") + ctx + ")" : "");
        }
    }
    if (!error.empty())
        throw PgError(describe() + ": " + error);
}

void Connection::useSchema(const std::string &schema)
{
    exec("SELECT set_config('search_path', $1, false)", Params().add(quoteIdent(schema) + ", public"));
}

std::string Connection::quoteIdent(const std::string &name) const
{
    char *q = PQescapeIdentifier(m_conn.get(), name.c_str(), name.size());
    if (!q)
        throw PgError(describe() + ": cannot quote identifier '" + name + "'");
    std::string out(q);
    PQfreemem(q);
    return out;
}

std::string Connection::publicConnInfo(const std::string &conninfo)
{
    char *err = nullptr;
    std::unique_ptr<PQconninfoOption, ConninfoDeleter> opts(PQconninfoParse(conninfo.c_str(), &err));
    PQfreemem(err);
    if (!opts)
        return {};
    std::string out;
    for (PQconninfoOption *o = opts.get(); o->keyword; ++o) {
        if (!o->val || !*o->val || std::string(o->keyword) == "password")
            continue;
        std::string v;
        for (const char *c = o->val; *c; ++c) {
            if (*c == '\\' || *c == '\'')
                v += '\\';
            v += *c;
        }
        if (!out.empty())
            out += ' ';
        out += std::string(o->keyword) + "='" + v + "'";
    }
    return out;
}

std::string Connection::describe() const
{
    PGconn *c = m_conn.get();
    const char *host = PQhost(c);
    return std::string("postgresql ") + (host ? host : "?") + ":" + (PQport(c) ? PQport(c) : "") + "/" +
           (PQdb(c) ? PQdb(c) : "");
}

Transaction::Transaction(Connection &c) : m_c(c)
{
    m_c.exec("BEGIN");
}

Transaction::~Transaction()
{
    if (!m_done && PQstatus(m_c.handle()) == CONNECTION_OK) {
        PGresult *r = PQexec(m_c.handle(), "ROLLBACK");
        PQclear(r);
    }
}

void Transaction::commit()
{
    m_c.exec("COMMIT");
    m_done = true;
}

bool validSchemaName(const std::string &name)
{
    if (name.empty() || name.size() > 63 || (name[0] >= '0' && name[0] <= '9'))
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

} // namespace vnland::postgis
