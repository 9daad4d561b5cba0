// Sheet frames, change log and project copies for the editor.
#include "store/parcel_query.h"

#include "store/project.h"
#include "store/spatialite_blob.h"

#include <filesystem>

namespace vnland::store {

std::vector<SheetFrame> loadSheetFrames(Project &project)
{
    std::vector<SheetFrame> out;
    Statement st(project.db(),
                 "SELECT id, commune_code, to_so, scale, sheet_id, frame FROM map_sheet"
                 " ORDER BY commune_code, to_so");
    while (st.step()) {
        SheetFrame s;
        s.id = st.int64(0);
        s.communeCode = st.text(1);
        s.toSo = st.integer(2);
        s.scale = st.integer(3);
        s.sheetId = st.text(4);
        if (!st.isNull(5)) {
            // Our checked reader, never SpatiaLite's parser: a damaged frame is no frame.
            int size = 0;
            const unsigned char *blob = st.blobData(5, &size);
            s.wkb = wkbFromSpatialiteBlob(blob, static_cast<size_t>(size > 0 ? size : 0));
        }
        out.push_back(std::move(s));
    }
    return out;
}

void logParcelChange(Project &project, const std::string &parcelUuid, const std::string &action,
                     const std::string &detail, const std::string &source)
{
    Statement st(project.db(), "INSERT INTO change_log(parcel_uuid, action, detail, source) VALUES (?,?,?,?)");
    st.bind(1, parcelUuid).bind(2, action).bind(3, detail).bind(4, source);
    st.exec();
}

void setMainLanduse(Project &project, int64_t parcelId, const std::string &code, std::optional<double> area)
{
    if (code.empty()) {
        Statement del(project.db(), "DELETE FROM parcel_landuse WHERE parcel_id = ? AND is_main = 1");
        del.bind(1, parcelId);
        del.exec();
        return;
    }
    Statement up(project.db(), "UPDATE parcel_landuse SET code = ? WHERE parcel_id = ? AND is_main = 1");
    up.bind(1, code).bind(2, parcelId);
    up.exec();
    if (project.db().changes() == 0) {
        Statement ins(project.db(), "INSERT INTO parcel_landuse(parcel_id, code, area, is_main) VALUES (?,?,?,1)");
        ins.bind(1, parcelId).bind(2, code).bind(3, area);
        ins.exec();
    }
}

void copyProjectTo(Project &project, const std::string &path)
{
    if (std::filesystem::exists(path))
        throw DbError(path + ": file already exists");
    Statement st(project.db(), "VACUUM INTO ?");
    st.bind(1, path);
    st.exec();
}

} // namespace vnland::store
