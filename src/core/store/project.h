// A VNLand project: the SpatiaLite land database file and its settings.
#pragma once

#include "store/database.h"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace vnland::store {

struct ProjectSettings {
    std::string name;
    int epsg = 5899;                  // VN-2000 / TM-3 zone of the dataset
    double centralMeridian = 107.75;  // kinh tuyến trục, degrees
    std::string provinceCode = "22";  // GSO code (pre-2025)
    std::string provinceName = "Quảng Ninh";
    int defaultScale = 1000;
};

/// Reads project settings from project_meta key/value pairs (a land database's, or a server's
/// copy of them). A value that cannot be used throws DbError naming @p where, the key, the value
/// and what is expected; @p sqliteFile adds how to correct it in that file. Missing keys keep
/// their defaults (name: empty).
ProjectSettings settingsFromMeta(const std::string &where, const std::map<std::string, std::string> &meta,
                                 bool sqliteFile = true);

class Project {
public:
    /// Creates a new project file; fails if the file exists.
    static std::unique_ptr<Project> create(const std::string &path, const ProjectSettings &settings);
    /// Opens an existing project, migrating the schema when writable.
    static std::unique_ptr<Project> open(const std::string &path, bool readOnly = false);

    Database &db() { return *m_db; }
    const std::string &path() const { return m_db->path(); }
    const ProjectSettings &settings() const { return m_settings; }
    int srid() const { return m_settings.epsg; }

    std::optional<std::string> meta(const std::string &key);
    void setMeta(const std::string &key, const std::string &value);

    /// Makes sure a commune exists in admin_unit (name may be empty).
    void ensureCommune(const std::string &code, const std::string &name = {});

private:
    explicit Project(std::unique_ptr<Database> db);
    void loadSettings();

    std::unique_ptr<Database> m_db;
    ProjectSettings m_settings;
};

} // namespace vnland::store
