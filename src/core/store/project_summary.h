// What `vnland info` and the editor's project panel show about a project.
#pragma once

#include "geom/geos_context.h"

#include <QJsonObject>

#include <cstdint>
#include <string>
#include <vector>

namespace vnland::store {

class Project;

struct ProjectSummary {
    std::string path;
    std::string name;
    int epsg = 0;
    std::string crsName;
    double centralMeridian = 0;
    std::string province;
    int schemaVersion = 0;
    geom::Envelope extent;
    struct Commune {
        std::string code;
        std::string name;
        int64_t parcels = 0;
    };
    std::vector<Commune> communes;
    int64_t sheets = 0;
    int64_t parcels = 0;          // live rows of kind 'parcel'
    int64_t otherObjects = 0;     // roads, waterways …
    int64_t historyRows = 0;
    int64_t flagged = 0;
    std::vector<std::string> damaged; ///< live parcels whose stored geometry is unusable: who and why
    double totalArea = 0;
    struct AreaByCode {
        std::string code;
        std::string name;
        int64_t count = 0;
        double area = 0;
        bool known = true;
    };
    std::vector<AreaByCode> areaByLanduse;

    QJsonObject toJson() const;
    std::string toText() const;
};

ProjectSummary summarize(Project &project);

} // namespace vnland::store
