// libpq RAII wrappers; see pg_connection.h.
#include "pg_connection.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <set>

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

/// libpq's option names, and those whose value is a password ("*" in PQconndefaults' dispchar).
struct ConnKeys {
    std::set<std::string> known;
    std::set<std::string> secret{"password", "sslpassword", "oauth_client_secret"};
};

const ConnKeys &connKeys()
{
    static const ConnKeys keys = [] {
        ConnKeys k;
        if (PQconninfoOption *defaults = PQconndefaults()) {
            for (PQconninfoOption *o = defaults; o->keyword; ++o) {
                k.known.insert(o->keyword);
                if (o->dispchar && std::strchr(o->dispchar, '*'))
                    k.secret.insert(o->keyword);
            }
            PQconninfoFree(defaults);
        }
        return k;
    }();
    return keys;
}

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool plainKey(const std::string &key)
{
    return !key.empty() && std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

std::string lowered(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// %XX decoded where well-formed, everything else kept.
std::string percentDecoded(const std::string &s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hexDigit(s[i + 1]) >= 0 && hexDigit(s[i + 2]) >= 0) {
            out += static_cast<char>(hexDigit(s[i + 1]) * 16 + hexDigit(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

/// Length of a postgresql:// or postgres:// prefix (any case) at @p pos, else 0.
size_t uriPrefix(const std::string &s, size_t pos)
{
    const std::string head = lowered(s.substr(pos, 13));
    if (head.rfind("postgresql://", 0) == 0)
        return 13;
    if (head.rfind("postgres://", 0) == 0)
        return 11;
    return 0;
}

size_t leadingSpace(const std::string &s)
{
    return std::min(s.size(), s.find_first_not_of(" \t\r\n"));
}

bool looksLikeConnInfo(const std::string &v)
{
    return v.find('=') != std::string::npos || uriPrefix(v, leadingSpace(v)) > 0;
}

/// Walks a connection string as libpq would (key=value with quotes and backslashes, or a
/// URI), tolerating what libpq refuses, and masks the secrets while collecting them.
class Redactor {
public:
    std::vector<std::string> secrets;

    std::string run(const std::string &s, int depth = 0)
    {
        if (depth > 4) { // a dbname holding a connection string holding a dbname …
            addSecret(s);
            return "***";
        }
        const size_t lead = leadingSpace(s);
        const size_t prefix = uriPrefix(s, lead);
        return prefix ? uri(s, lead + prefix, depth) : keyValue(s, depth);
    }

private:
    void addSecret(const std::string &v)
    {
        if (v.empty())
            return;
        secrets.push_back(v);
        const std::string decoded = percentDecoded(v);
        if (decoded != v)
            secrets.push_back(decoded);
    }

    /// The value of @p key (already decoded) as it may be shown.
    std::string shown(const std::string &key, const std::string &value, const std::string &raw, int depth)
    {
        if (key == "dbname" && looksLikeConnInfo(value))
            return "'" + run(value, depth + 1) + "'";
        if (!plainKey(key) || isSecretConnKey(key)) {
            if (value.empty() && raw.empty())
                return raw;
            addSecret(value);
            addSecret(raw);
            return "***";
        }
        return raw;
    }

    std::string keyValue(const std::string &s, int depth)
    {
        std::string out;
        size_t i = 0;
        const size_t n = s.size();
        while (i < n) {
            if (isSpace(s[i])) {
                out += s[i++];
                continue;
            }
            const size_t k = i;
            while (i < n && !isSpace(s[i]) && s[i] != '=')
                ++i;
            const std::string key = s.substr(k, i - k);
            size_t j = i;
            while (j < n && isSpace(s[j]))
                ++j;
            if (j >= n || s[j] != '=') {
                // A token without "=" (libpq quotes it in its error): perhaps a pasted password.
                addSecret(key);
                out += "***";
                continue;
            }
            if (plainKey(key)) {
                out += key;
            } else {
                addSecret(key);
                out += "***";
            }
            out.append(s, i, j + 1 - i);
            i = j + 1;
            while (i < n && isSpace(s[i]))
                out += s[i++];
            const size_t v0 = i;
            std::string value;
            if (i < n && s[i] == '\'') {
                for (++i; i < n && s[i] != '\''; ++i) {
                    if (s[i] == '\\' && i + 1 < n)
                        ++i;
                    value += s[i];
                }
                if (i < n)
                    ++i; // the closing quote
            } else {
                for (; i < n && !isSpace(s[i]); ++i) {
                    if (s[i] == '\\' && i + 1 < n)
                        ++i;
                    value += s[i];
                }
            }
            out += shown(key, value, s.substr(v0, i - v0), depth);
        }
        return out;
    }

    std::string uri(const std::string &s, size_t start, int depth)
    {
        std::string out = s.substr(0, start);
        const std::string rest = s.substr(start);
        const size_t q = rest.find('?');
        const std::string main = rest.substr(0, q);
        size_t host = 0;
        // user:password@ — up to the last '@' before the query, so that a password holding an
        // unencoded '@' or '/' is still masked whole.
        if (const size_t at = main.rfind('@'); at != std::string::npos) {
            const std::string userinfo = main.substr(0, at);
            if (const size_t colon = userinfo.find(':'); colon != std::string::npos) {
                addSecret(userinfo.substr(colon + 1));
                out += userinfo.substr(0, colon) + ":***";
            } else {
                out += userinfo;
            }
            out += '@';
            host = at + 1;
        }
        const size_t slash = main.find('/', host);
        out += main.substr(host, slash == std::string::npos ? std::string::npos : slash - host);
        if (slash != std::string::npos) {
            const std::string path = main.substr(slash + 1);
            const std::string db = percentDecoded(path);
            out += '/' + (looksLikeConnInfo(db) ? run(db, depth + 1) : path);
        }
        if (q == std::string::npos)
            return out;
        out += '?';
        const std::string query = rest.substr(q + 1);
        size_t p = 0;
        while (p <= query.size()) {
            size_t amp = query.find('&', p);
            if (amp == std::string::npos)
                amp = query.size();
            const std::string part = query.substr(p, amp - p);
            if (p > 0)
                out += '&';
            const size_t eq = part.find('=');
            if (eq == std::string::npos) {
                if (!part.empty()) {
                    addSecret(part);
                    out += "***";
                }
            } else {
                const std::string rawKey = part.substr(0, eq);
                const std::string key = percentDecoded(rawKey);
                const std::string raw = part.substr(eq + 1);
                if (plainKey(key)) {
                    out += rawKey;
                } else {
                    addSecret(rawKey);
                    out += "***";
                }
                out += '=' + shown(key, percentDecoded(raw), raw, depth);
            }
            p = amp + 1;
        }
        return out;
    }
};

} // namespace

bool isSecretConnKey(const std::string &key)
{
    const ConnKeys &k = connKeys();
    if (k.secret.count(key))
        return true;
    return !k.known.count(key);
}

std::string redactConnInfo(const std::string &conninfo)
{
    return Redactor().run(conninfo);
}

std::vector<std::string> connInfoSecrets(const std::string &conninfo)
{
    Redactor r;
    r.run(conninfo);
    return r.secrets;
}

std::string scrubSecrets(std::string text, const std::vector<std::string> &secrets)
{
    std::vector<std::string> order(secrets.begin(), secrets.end());
    std::sort(order.begin(), order.end(), [](const std::string &a, const std::string &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b; // longest first
    });
    order.erase(std::unique(order.begin(), order.end()), order.end());
    const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    // A quoted token of libpq's that is part of a secret or shares a piece with one: a password
    // holding '@', ':' or '/' unencoded is split by libpq's URI parser, which then quotes a piece
    // of it as a host name, a port … ("could not translate host name "word@db.example"").
    const auto pieces = [](const std::string &v) {
        std::set<std::string> out;
        size_t start = 0;
        for (size_t i = 0; i <= v.size(); ++i)
            if (i == v.size() || std::strchr("@:/?&=#,", v[i])) {
                if (i > start)
                    out.insert(v.substr(start, i - start));
                start = i + 1;
            }
        return out;
    };
    std::set<std::string> secretPieces;
    for (const std::string &secret : order)
        for (const std::string &piece : pieces(secret))
            secretPieces.insert(piece);
    const auto sharesSecret = [&](const std::string &token) {
        if (std::any_of(order.begin(), order.end(), [&](const std::string &secret) { return secret.find(token) != std::string::npos; }))
            return true;
        for (const std::string &piece : pieces(token))
            if (secretPieces.count(piece))
                return true;
        return false;
    };
    for (size_t open = text.find('"'); open != std::string::npos; open = text.find('"', open + 1)) {
        const size_t close = text.find('"', open + 1);
        if (close == std::string::npos)
            break;
        const std::string token = text.substr(open + 1, close - open - 1);
        if (!token.empty() && token != "***" && sharesSecret(token)) {
            text.replace(open + 1, token.size(), "***");
            open += 4; // past the new closing quote
        } else {
            open = close;
        }
    }
    for (const std::string &secret : order) {
        if (secret.empty())
            continue;
        for (size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos)) {
            // A short secret is masked where it stands alone, not inside words ("pass" in "password").
            const bool alone = (pos == 0 || !word(text[pos - 1])) &&
                               (pos + secret.size() >= text.size() || !word(text[pos + secret.size()]));
            if (secret.size() >= 6 || alone) {
                text.replace(pos, secret.size(), "***");
                pos += 3;
            } else {
                pos += secret.size();
            }
        }
    }
    return text;
}

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

Connection::Connection(const std::string &conninfo) : m_secrets(connInfoSecrets(conninfo))
{
    char *err = nullptr;
    std::unique_ptr<PQconninfoOption, ConninfoDeleter> opts(PQconninfoParse(conninfo.c_str(), &err));
    if (!opts) {
        std::string msg = err ? trimmed(err) : std::string("cannot parse it");
        PQfreemem(err);
        throw PgError("connection string '" + redactConnInfo(conninfo) + "' is not valid: " + scrubbed(msg));
    }
    m_conn.reset(PQconnectdb(conninfo.c_str()));
    if (!m_conn || PQstatus(m_conn.get()) != CONNECTION_OK) {
        const std::string msg = m_conn ? scrubbed(trimmed(PQerrorMessage(m_conn.get()))) : std::string("out of memory");
        throw PgError("cannot connect to the land-database server (" + redactConnInfo(conninfo) + "): " + msg +
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
        throw PgError(describe() + ": " + scrubbed(msg));
    }
    return res;
}

void Connection::execScript(const std::string &sql)
{
    Result r(PQexec(m_conn.get(), sql.c_str()));
    const auto st = PQresultStatus(r.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        throw PgError(describe() + ": " + scrubbed(trimmed(PQerrorMessage(m_conn.get()))));
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
        if (!o->val || !*o->val || isSecretConnKey(o->keyword))
            continue;
        std::string value = o->val;
        if (std::string(o->keyword) == "dbname" && looksLikeConnInfo(value))
            value = publicConnInfo(value); // libpq may expand a dbname holding a connection string
        std::string v;
        for (const char *c = value.c_str(); *c; ++c) {
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
    return scrubbed(std::string("postgresql ") + (host ? host : "?") + ":" + (PQport(c) ? PQport(c) : "") + "/" +
                    (PQdb(c) ? PQdb(c) : ""));
}

std::string Connection::scrubbed(const std::string &text) const
{
    return scrubSecrets(text, m_secrets);
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
