// Import of any vector format GDAL/OGR reads into the land database:
// reprojection through the pinned VN-2000 operation, field mapping, legacy
// text encodings, one transaction, and a report that accounts for every feature.
#pragma once

#include <QJsonObject>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vnland::store {
class Project;
}

namespace vnland::io {

struct ImportOptions {
    std::string sourceCrs;     ///< overrides/replaces the file's CRS ("EPSG:3405", WKT, PROJ string)
    std::string mappingFile;   ///< JSON mapping; empty = detect a preset
    std::string encoding;      ///< utf-8|cp1258|tcvn3|vni|latin1; empty = .cpg or detection
    std::string layer;         ///< one layer by name; empty = every polygon layer
    std::string communeCode;   ///< used where the data has no commune code
    bool fixTowgs84 = false;   ///< the user agreed to replace a wrong-sign +towgs84 by the EPSG code
    /// What to do with a feature that is already in the project: a parcel with the same UUID
    /// or (live) the same commune/tờ/thửa, a map sheet with the same commune/tờ.
    enum class Existing {
        Refuse,   ///< nothing is imported; the error names them (a re-import by mistake)
        Update,   ///< the project's object takes the file's attributes and geometry (same id and
                  ///< UUID); the previous values go to change_log (action import_update)
        Skip,     ///< the project's object stays as it is; the feature is listed as skipped
        KeepBoth, ///< the feature is added as well, flagged duplicate_number (and with a new
                  ///< UUID, flagged duplicate_uuid, when its UUID was taken)
    };
    Existing existing = Existing::Refuse;
    /// Called with (features done, features total) now and then.
    std::function<void(int64_t, int64_t)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

struct ImportReport {
    struct Rejected {
        std::string layer;
        int64_t fid = 0;
        std::string reason;
    };
    struct Flagged {
        std::string layer;
        int64_t fid = 0;
        std::string flags;
        std::string identity; // commune/tờ/thửa
    };
    struct Existing {
        std::string layer;
        int64_t fid = 0;
        std::string identity;  // commune/tờ/thửa, or "sheet commune/tờ"
        std::string uuid;      // of the project's parcel
        std::string action;    // "exists" (refused), "updated", "skipped", "kept both"
    };
    std::string source;
    std::string driver;
    std::vector<std::string> layers;
    std::string sourceCrs;
    std::string operation;     ///< the PROJ pipeline used (empty when no transform was needed)
    std::string encoding;
    std::string encodingHow;   ///< "option", ".cpg", "detected", "utf-8 driver"
    std::string mapping;
    int64_t featuresIn = 0;
    int64_t imported = 0;
    int64_t rejectedCount = 0;
    int64_t updated = 0;       ///< features that replaced an object already in the project
    int64_t skipped = 0;       ///< features left out because the object is in the project
    int64_t alreadyThere = 0;  ///< features found in the project (whatever was done with them)
    int64_t sheets = 0;        ///< of the imported, how many were map sheets
    int64_t importId = 0;
    double totalArea = 0;
    std::vector<Rejected> rejected;
    std::vector<Flagged> flagged;
    std::vector<Existing> existing;
    std::vector<std::string> warnings;
    std::vector<std::string> notes;    ///< what was recognised (CRS …), for the curious

    QJsonObject toJson() const;
};

struct ImportResult {
    bool ok = false;
    std::string error; ///< names the file, feature and reason; project untouched when !ok
    ImportReport report;
};

ImportResult importVector(store::Project &project, const std::string &source, const ImportOptions &options);

} // namespace vnland::io
