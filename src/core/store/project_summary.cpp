// Project summary for `vnland info` and the editor.
#include "store/project_summary.h"

#include "crs/transformer.h"
#include "store/migrator.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "store/reference_data.h"

#include <QJsonArray>

#include <cstdio>
#include <sstream>

namespace vnland::store {

ProjectSummary summarize(Project &project)
{
    ProjectSummary s;
    Database &db = project.db();
    s.path = project.path();
    s.name = project.settings().name;
    s.epsg = project.srid();
    s.centralMeridian = project.settings().centralMeridian;
    s.province = project.settings().provinceName;
    s.schemaVersion = db.userVersion();
    if (auto crs = crs::createCrs("EPSG:" + std::to_string(s.epsg)))
        s.crsName = proj_get_name(crs.get());

    {
        // Read by the checked blob reader: SQL Extent(geom) hands every blob to SpatiaLite's
        // parser, which crashes on a damaged one.
        std::vector<DamagedGeometry> damaged;
        if (auto e = parcelExtent(project, {}, &damaged)) {
            s.extent.expand(e->minX, e->minY);
            s.extent.expand(e->maxX, e->maxY);
        }
        for (const auto &d : damaged)
            s.damaged.push_back(d.label() + ": " + d.reason);
    }
    {
        Statement st(db, "SELECT p.commune_code, coalesce(a.name, ''), count(*) FROM parcel p"
                         " LEFT JOIN admin_unit a ON a.code = p.commune_code"
                         " WHERE p.end_time IS NULL GROUP BY p.commune_code ORDER BY p.commune_code");
        while (st.step())
            s.communes.push_back({st.text(0), st.text(1), st.int64(2)});
    }
    s.sheets = db.queryInt("SELECT count(*) FROM map_sheet").value_or(0);
    s.parcels = db.queryInt("SELECT count(*) FROM parcel WHERE end_time IS NULL AND object_kind = 'parcel'").value_or(0);
    s.otherObjects = db.queryInt("SELECT count(*) FROM parcel WHERE end_time IS NULL AND object_kind <> 'parcel'").value_or(0);
    s.historyRows = db.queryInt("SELECT count(*) FROM parcel WHERE end_time IS NOT NULL").value_or(0);
    s.flagged = db.queryInt("SELECT count(*) FROM parcel WHERE end_time IS NULL AND flags <> ''").value_or(0);
    {
        Statement st(db, "SELECT coalesce(p.landuse_code, ''), count(*), coalesce(sum(p.measured_area), 0),"
                         " coalesce(c.name_vi, ''), c.code IS NOT NULL FROM parcel p"
                         " LEFT JOIN landuse_code c ON c.code = p.landuse_code"
                         " WHERE p.end_time IS NULL GROUP BY p.landuse_code ORDER BY p.landuse_code");
        while (st.step()) {
            ProjectSummary::AreaByCode a{st.text(0), st.text(3), st.int64(1), st.real(2), st.int64(4) != 0};
            s.totalArea += a.area;
            s.areaByLanduse.push_back(a);
        }
    }
    return s;
}

QJsonObject ProjectSummary::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("path")] = QString::fromStdString(path);
    o[QStringLiteral("name")] = QString::fromStdString(name);
    o[QStringLiteral("epsg")] = epsg;
    o[QStringLiteral("crs")] = QString::fromStdString(crsName);
    o[QStringLiteral("central_meridian")] = centralMeridian;
    o[QStringLiteral("province")] = QString::fromStdString(province);
    o[QStringLiteral("schema_version")] = schemaVersion;
    if (!extent.empty)
        o[QStringLiteral("extent")] = QJsonArray{extent.minX, extent.minY, extent.maxX, extent.maxY};
    QJsonArray cs;
    for (const auto &c : communes)
        cs.append(QJsonObject{{QStringLiteral("code"), QString::fromStdString(c.code)},
                              {QStringLiteral("name"), QString::fromStdString(c.name)},
                              {QStringLiteral("parcels"), static_cast<double>(c.parcels)}});
    o[QStringLiteral("communes")] = cs;
    o[QStringLiteral("sheets")] = static_cast<double>(sheets);
    o[QStringLiteral("parcels")] = static_cast<double>(parcels);
    o[QStringLiteral("other_objects")] = static_cast<double>(otherObjects);
    o[QStringLiteral("history_rows")] = static_cast<double>(historyRows);
    o[QStringLiteral("flagged")] = static_cast<double>(flagged);
    QJsonArray dmg;
    for (const auto &d : damaged)
        dmg.append(QString::fromStdString(d));
    o[QStringLiteral("damaged_geometries")] = dmg;
    o[QStringLiteral("total_area_m2")] = totalArea;
    QJsonArray areas;
    for (const auto &a : areaByLanduse)
        areas.append(QJsonObject{{QStringLiteral("code"), QString::fromStdString(a.code)},
                                 {QStringLiteral("name"), QString::fromStdString(a.name)},
                                 {QStringLiteral("count"), static_cast<double>(a.count)},
                                 {QStringLiteral("area_m2"), a.area},
                                 {QStringLiteral("known"), a.known}});
    o[QStringLiteral("area_by_landuse")] = areas;
    return o;
}

std::string ProjectSummary::toText() const
{
    std::ostringstream out;
    char buf[256];
    out << "Project:        " << path << "\n";
    if (!name.empty())
        out << "Name:           " << name << "\n";
    out << "CRS:            EPSG:" << epsg << " " << crsName << "\n";
    std::snprintf(buf, sizeof buf, "%.4f", centralMeridian);
    out << "Central merid.: " << buf << "°\n";
    out << "Province:       " << province << "\n";
    if (!extent.empty) {
        std::snprintf(buf, sizeof buf, "X(N) %.2f … %.2f, Y(E) %.2f … %.2f", extent.minY, extent.maxY, extent.minX,
                      extent.maxX);
        out << "Extent:         " << buf << "\n";
    }
    out << "Communes:       " << communes.size() << "\n";
    for (const auto &c : communes)
        out << "  " << c.code << " " << c.name << ": " << c.parcels << " objects\n";
    out << "Map sheets:     " << sheets << "\n";
    out << "Parcels:        " << parcels << " (+" << otherObjects << " roads/waterways, " << historyRows
        << " history rows, " << flagged << " flagged)\n";
    if (!damaged.empty()) {
        out << "Damaged:        " << damaged.size() << " parcel geometries cannot be read (not in the extent):\n";
        for (const auto &d : damaged)
            out << "  " << d << "\n";
    }
    std::snprintf(buf, sizeof buf, "%.1f", totalArea);
    out << "Total area:     " << buf << " m²\n";
    out << "Area by land-use code:\n";
    for (const auto &a : areaByLanduse) {
        std::snprintf(buf, sizeof buf, "  %-5s %7lld %14.1f m²  ", a.code.empty() ? "-" : a.code.c_str(),
                      static_cast<long long>(a.count), a.area);
        out << buf << (a.known ? a.name : std::string("(unknown code)")) << "\n";
    }
    return out.str();
}

} // namespace vnland::store
