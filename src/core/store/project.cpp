// Project = land database file: creation, opening, settings in project_meta.
#include "store/project.h"

#include "store/migrator.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>

namespace vnland::store {

Project::Project(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

std::unique_ptr<Project> Project::create(const std::string &path, const ProjectSettings &s)
{
    if (std::filesystem::exists(path))
        throw DbError(path + ": file exists already; choose another name or open it");
    auto db = std::make_unique<Database>(path, Database::Mode::Create);
    try {
        // InitSpatialMetadata(1) runs in its own single transaction (0.1 s, not 23 s).
        if (db->queryInt("SELECT InitSpatialMetadata(1)").value_or(0) != 1)
            throw DbError(path + ": cannot initialise SpatiaLite metadata");
        Migrator::migrate(*db, s.epsg);
        std::unique_ptr<Project> p(new Project(std::move(db)));
        Transaction tx(p->db());
        p->setMeta("name", s.name);
        p->setMeta("epsg", std::to_string(s.epsg));
        {
            // to_chars: "107.75" whatever the user's locale (std::to_string would write "107,750000" in vi_VN).
            char buf[64];
            const auto end = std::to_chars(buf, buf + sizeof buf, s.centralMeridian).ptr;
            p->setMeta("central_meridian", std::string(buf, end));
        }
        p->setMeta("province_code", s.provinceCode);
        p->setMeta("province_name", s.provinceName);
        p->setMeta("default_scale", std::to_string(s.defaultScale));
        p->setMeta("schema_version", std::to_string(Migrator::latestVersion()));
        p->setMeta("landuse_reference_year", "2018");
        {
            Statement st(p->db(), "INSERT OR IGNORE INTO admin_unit(code, name, level) VALUES (?, ?, 'province')");
            st.bind(1, s.provinceCode).bind(2, s.provinceName).exec();
        }
        tx.commit();
        p->loadSettings();
        return p;
    } catch (...) {
        db.reset();
        std::error_code ec;
        std::filesystem::remove(path, ec);
        std::filesystem::remove(path + "-wal", ec);
        std::filesystem::remove(path + "-shm", ec);
        throw;
    }
}

std::unique_ptr<Project> Project::open(const std::string &path, bool readOnly)
{
    namespace fs = std::filesystem;
    if (!readOnly && fs::exists(path)) {
        // Checked explicitly: root ignores permission bits, but a land officer who marked
        // the file read-only means it.
        const auto perms = fs::status(path).permissions();
        if ((perms & (fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write)) == fs::perms::none)
            throw DbError(path + ": project file is read-only; remove the read-only mark or export a copy");
    }
    auto db = std::make_unique<Database>(path, readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
    if (!db->queryInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='project_meta'").value_or(0))
        throw DbError(path + ": not a VNLand project (no project_meta table)");
    std::unique_ptr<Project> p(new Project(std::move(db)));
    p->loadSettings();
    if (!readOnly && p->db().userVersion() < Migrator::latestVersion()) {
        Migrator::migrate(p->db(), p->srid());
        p->setMeta("schema_version", std::to_string(Migrator::latestVersion()));
    }
    return p;
}

namespace {

/// A settings value that cannot be used: names the file, the key, the value and what is expected.
[[noreturn]] void badMeta(const std::string &path, const std::string &key, const std::string &value,
                          const std::string &expected, bool sqliteFile)
{
    std::string msg = path + ": project setting \"" + key + "\" in table project_meta has the value \"" + value
                    + "\", which is not " + expected + ".";
    if (sqliteFile)
        msg += " Correct it (e.g. sqlite3 \"" + path + "\" \"UPDATE project_meta SET value = '…' WHERE key = '" + key
             + "'\") or restore a copy of the project.";
    throw DbError(msg);
}

long parseWhole(const std::string &path, const std::string &key, const std::string &value, long min, long max,
                const std::string &expected, bool sqliteFile)
{
    long v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() || v < min || v > max)
        badMeta(path, key, value, expected, sqliteFile);
    return v;
}

} // namespace

ProjectSettings settingsFromMeta(const std::string &file, const std::map<std::string, std::string> &metaMap, bool sqliteFile)
{
    const auto meta = [&](const std::string &key) -> std::optional<std::string> {
        const auto it = metaMap.find(key);
        return it == metaMap.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    ProjectSettings s;
    s.name = meta("name").value_or("");
    s.epsg = static_cast<int>(parseWhole(file, "epsg", meta("epsg").value_or("5899"), 1, 999999,
                                         "an EPSG code (a whole number such as 5899)", sqliteFile));
    {
        const std::string cm = meta("central_meridian").value_or("107.75");
        // from_chars reads a point whatever the user's locale; a comma is what older versions
        // wrote under a Vietnamese locale (std::to_string).
        std::string dot = cm;
        std::replace(dot.begin(), dot.end(), ',', '.');
        double v = 0;
        const auto [end, ec] = std::from_chars(dot.data(), dot.data() + dot.size(), v);
        if (cm.empty() || ec != std::errc() || end != dot.data() + dot.size() || !std::isfinite(v) || v < -180 || v > 180)
            badMeta(file, "central_meridian", cm, "a longitude in degrees (such as 107.75)", sqliteFile);
        s.centralMeridian = v;
    }
    s.provinceCode = meta("province_code").value_or("");
    s.provinceName = meta("province_name").value_or("");
    s.defaultScale = static_cast<int>(parseWhole(file, "default_scale", meta("default_scale").value_or("1000"), 1, 1000000,
                                                 "a map scale denominator (a whole number such as 1000)", sqliteFile));
    if (const auto year = meta("landuse_reference_year"); year && *year != "2018" && *year != "2024")
        badMeta(file, "landuse_reference_year", *year, "2018 or 2024", sqliteFile);
    return s;
}

void Project::loadSettings()
{
    std::map<std::string, std::string> meta;
    Statement st(*m_db, "SELECT key, value FROM project_meta");
    while (st.step())
        if (auto v = st.optText(1))
            meta[st.text(0)] = *v;
    m_settings = settingsFromMeta(path(), meta);
}

std::optional<std::string> Project::meta(const std::string &key)
{
    Statement st(*m_db, "SELECT value FROM project_meta WHERE key = ?");
    st.bind(1, key);
    if (st.step())
        return st.optText(0);
    return std::nullopt;
}

void Project::setMeta(const std::string &key, const std::string &value)
{
    Statement st(*m_db, "INSERT OR REPLACE INTO project_meta(key, value) VALUES (?, ?)");
    st.bind(1, key).bind(2, value).exec();
}

void Project::ensureCommune(const std::string &code, const std::string &name)
{
    Statement st(*m_db, "INSERT OR IGNORE INTO admin_unit(code, name, level, parent_code) VALUES (?, ?, 'commune', ?)");
    st.bind(1, code).bind(2, name.empty() ? code : name).bind(3, m_settings.provinceCode).exec();
}

} // namespace vnland::store
