// Generic local row reading for publish and check-in; see local_rows.h.
#include "local_rows.h"

#include "store/database.h"
#include "store/spatialite_blob.h"

#include <QCryptographicHash>
#include <QString>
#include <QSysInfo>

#include <charconv>
#include <cstdlib>

namespace vnland::postgis {

std::vector<LocalColumn> localColumns(store::Database &db, const std::string &table, const std::set<std::string> &skip)
{
    std::set<std::string> geomColumns;
    {
        store::Statement g(db, "SELECT f_geometry_column FROM geometry_columns WHERE lower(f_table_name) = lower(?)");
        g.bind(1, table);
        while (g.step())
            geomColumns.insert(g.text(0));
    }
    std::vector<LocalColumn> out;
    store::Statement st(db, "SELECT name, upper(type) FROM pragma_table_info(?) ORDER BY cid");
    st.bind(1, table);
    while (st.step()) {
        const std::string name = st.text(0);
        if (skip.count(name) || geomColumns.count(name))
            continue;
        const std::string type = st.text(1);
        char kind = 't';
        if (type.find("INT") != std::string::npos)
            kind = 'i';
        else if (type.find("REAL") != std::string::npos || type.find("FLOA") != std::string::npos ||
                 type.find("DOUB") != std::string::npos)
            kind = 'r';
        out.push_back({name, kind});
    }
    return out;
}

void forEachLocalRow(store::Database &db, const std::string &table, const std::vector<LocalColumn> &columns,
                     const std::string &geomColumn, const std::string &where, const std::vector<std::string> &whereArgs,
                     const std::function<bool(const RowValues &, const std::vector<unsigned char> &)> &fn)
{
    // Names come from the project's own schema (pragma_table_info), quoted as identifiers.
    std::string sql = "SELECT ";
    for (const auto &c : columns)
        sql += "\"" + c.name + "\", ";
    sql += geomColumn.empty() ? std::string("NULL") : "\"" + geomColumn + "\"";
    sql += " FROM \"" + table + "\"" + (where.empty() ? std::string() : " WHERE " + where);
    store::Statement st(db, sql);
    for (size_t i = 0; i < whereArgs.size(); ++i)
        st.bind(static_cast<int>(i + 1), whereArgs[i]);
    std::optional<store::Statement> asBinary;
    RowValues values(columns.size());
    std::vector<unsigned char> wkb;
    const int g = static_cast<int>(columns.size());
    char buf[64];
    while (st.step()) {
        for (int i = 0; i < g; ++i) {
            if (st.isNull(i)) {
                values[i].reset();
                continue;
            }
            switch (columns[i].kind) {
            case 'i':
                values[i] = std::to_string(st.int64(i));
                break;
            case 'r': {
                auto r = std::to_chars(buf, buf + sizeof buf, st.real(i));
                values[i] = std::string(buf, r.ptr);
                break;
            }
            default:
                values[i] = st.text(i);
            }
        }
        wkb.clear();
        int size = 0;
        const unsigned char *blob = st.blobData(g, &size);
        if (blob && size > 0) {
            wkb = store::wkbFromSpatialiteBlob(blob, static_cast<size_t>(size));
            if (wkb.empty()) {
                if (!asBinary)
                    asBinary.emplace(db, "SELECT AsBinary(?)");
                asBinary->bindBlob(1, blob, static_cast<size_t>(size));
                if (asBinary->step())
                    wkb = asBinary->blob(0);
                asBinary->reset();
            }
        }
        if (!fn(values, wkb))
            break;
    }
}

std::vector<unsigned char> ewkb(const std::vector<unsigned char> &wkb, int srid)
{
    std::vector<unsigned char> e;
    if (wkb.size() < 5)
        return e;
    e.reserve(wkb.size() + 4);
    const bool little = wkb[0] == 1;
    uint32_t type = little ? (wkb[1] | wkb[2] << 8 | wkb[3] << 16 | uint32_t(wkb[4]) << 24)
                           : (uint32_t(wkb[1]) << 24 | wkb[2] << 16 | wkb[3] << 8 | wkb[4]);
    type |= 0x20000000u; // SRID present
    const uint32_t s = static_cast<uint32_t>(srid);
    e.push_back(wkb[0]);
    auto put = [&](uint32_t v) {
        if (little)
            for (int k = 0; k < 4; ++k)
                e.push_back(static_cast<unsigned char>(v >> (8 * k)));
        else
            for (int k = 3; k >= 0; --k)
                e.push_back(static_cast<unsigned char>(v >> (8 * k)));
    };
    put(type);
    put(s);
    e.insert(e.end(), wkb.begin() + 5, wkb.end());
    return e;
}

std::string ewkbHex(const std::vector<unsigned char> &wkb, int srid)
{
    static const char *digits = "0123456789ABCDEF";
    const std::vector<unsigned char> e = ewkb(wkb, srid);
    std::string out(e.size() * 2, '0');
    for (size_t i = 0; i < e.size(); ++i) {
        out[2 * i] = digits[e[i] >> 4];
        out[2 * i + 1] = digits[e[i] & 15];
    }
    return out;
}

std::vector<unsigned char> fromHex(const char *hex, size_t size)
{
    auto val = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return 0;
    };
    std::vector<unsigned char> out(size / 2);
    for (size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<unsigned char>(val(hex[2 * i]) << 4 | val(hex[2 * i + 1]));
    return out;
}

void appendCopyField(std::string &line, const std::optional<std::string> &v)
{
    if (!v) {
        line += "\\N";
        return;
    }
    for (char c : *v) {
        switch (c) {
        case '\\': line += "\\\\"; break;
        case '\t': line += "\\t"; break;
        case '\n': line += "\\n"; break;
        case '\r': line += "\\r"; break;
        default: line += c;
        }
    }
}

std::string rowHash(const std::vector<LocalColumn> &columns, const RowValues &values,
                    const std::vector<unsigned char> &wkb, const std::set<std::string> &ignore)
{
    QCryptographicHash h(QCryptographicHash::Md5);
    for (size_t i = 0; i < columns.size(); ++i) {
        if (ignore.count(columns[i].name))
            continue;
        h.addData(QByteArrayView(columns[i].name.data(), static_cast<qsizetype>(columns[i].name.size())));
        if (values[i]) {
            h.addData(QByteArrayView("=", 1));
            h.addData(QByteArrayView(values[i]->data(), static_cast<qsizetype>(values[i]->size())));
        }
        h.addData(QByteArrayView("\x1f", 1));
    }
    h.addData(QByteArrayView(reinterpret_cast<const char *>(wkb.data()), static_cast<qsizetype>(wkb.size())));
    return h.result().toHex().toStdString();
}

std::string defaultHolder()
{
    const char *user = std::getenv("USER");
    if (!user || !*user)
        user = std::getenv("LOGNAME");
    return std::string(user && *user ? user : "unknown") + "@" + QSysInfo::machineHostName().toStdString();
}

} // namespace vnland::postgis
