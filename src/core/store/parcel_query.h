// Queries the editor needs beyond parcel_store: sheet frames (khung tờ bản đồ),
// the change log and copying a project file ("save as").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vnland::store {

class Project;

/// One map sheet (tờ bản đồ) with its frame polygon as WKB in the project CRS.
struct SheetFrame {
    int64_t id = 0;
    std::string communeCode;
    int toSo = 0;                     // số tờ
    int scale = 0;                    // tỷ lệ denominator
    std::string sheetId;              // số hiệu mảnh
    std::vector<unsigned char> wkb;   // empty when the sheet has no frame
};

/// All map sheets of the project ordered by commune and tờ.
std::vector<SheetFrame> loadSheetFrames(Project &project);

/// Appends a row to change_log (time is set by the database).
void logParcelChange(Project &project, const std::string &parcelUuid, const std::string &action,
                     const std::string &detail, const std::string &source);

/// Sets the main land use (parcel_landuse.is_main = 1) of a parcel to @p code,
/// inserting the row when missing; an empty code removes it.
void setMainLanduse(Project &project, int64_t parcelId, const std::string &code, std::optional<double> area);

/// Writes a consistent copy of the project database to @p path (VACUUM INTO).
/// Throws DbError naming the file when the copy fails or the file exists.
void copyProjectTo(Project &project, const std::string &path);

} // namespace vnland::store
