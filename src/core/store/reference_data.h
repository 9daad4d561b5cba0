// Reference data shipped in schemas/: land-use codes and hierarchies.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace vnland::store {

class Database;

/// Parses a simple RFC 4180 CSV text (quoted fields, commas in quotes).
std::vector<std::vector<std::string>> parseCsv(const std::string &text);

/// Text of an embedded file under :/schemas (empty if absent).
std::string schemaResource(const std::string &name);

/// Loads landuse_code and landuse_hierarchy from the embedded CSV files.
void loadReferenceData(Database &db);

struct LanduseCode {
    std::string code;
    std::string nameVi;
    std::string group;
    std::string valid2018;
    std::string valid2024;
};

/// The land-use codes shipped with this build, keyed by code.
const std::map<std::string, LanduseCode> &landuseCodes();

} // namespace vnland::store
