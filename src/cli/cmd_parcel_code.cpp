// vnland parcel-code PROJECT [--write] — the parcel code (mã thửa đất) of
// every live parcel: GeoHash of its pole of inaccessibility in WGS84 through
// the pinned EPSG:6960 operation (draft Circular 19/2026).
#include "args.h"
#include "commands.h"

#include "crs/parcel_code.h"
#include "store/database.h"
#include "store/parcel_store.h"
#include "store/project.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace vnland::cli {

int cmdParcelCode(const Argv &argv)
{
    Args a(argv, {"commune"}, {"write", "help"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1) {
        std::cerr << (a.ok() ? "" : "vnland parcel-code: " + a.error() + "\n")
                  << "Usage: vnland parcel-code PROJECT.sqlite [--commune CODE] [--write]\n"
                     "Prints commune,to_so,thua_so,parcel_code,lat,lon for every live parcel;\n"
                     "--write also stores the code in the parcel_code column.\n"
                     "Exit code: 0 every parcel has its code; 1 some parcels have none (damaged geometry,\n"
                     "named on stderr) or only an approximate one (parcel over 10 km across); 2 bad input.\n";
        return a.has("help") ? 0 : 2;
    }
    const bool write = a.has("write");
    try {
        auto project = store::Project::open(a.pos(0), !write);
        const std::string srid = "EPSG:" + std::to_string(project->srid());
        std::string err;
        const crs::Transformer *toWgs = crs::Transformer::cached(srid, "EPSG:4326", &err);
        if (!toWgs) {
            std::cerr << "vnland parcel-code: " << a.pos(0) << ": " << err << "\n";
            return 2;
        }
        if (!toWgs->usesPinnedOperation()) {
            std::cerr << "vnland parcel-code: " << a.pos(0) << ": project CRS " << srid
                      << " is not on the VN-2000 datum; the parcel code needs VN-2000 coordinates\n";
            return 2;
        }
        struct Row {
            int64_t id;
            std::string code;
        };
        std::vector<Row> rows;
        int failed = 0;
        store::ParcelFilter filter;
        filter.communeCode = a.value("commune", "");
        std::cout << "commune,to_so,thua_so,parcel_code,lat,lon\n";
        int approximate = 0;
        store::forEachParcelChecked(*project, filter, [&](const model::Parcel &p, const store::DamagedGeometry *damaged) {
            const std::string where = p.communeCode + "," + (p.toSo ? std::to_string(*p.toSo) : "") + "," +
                                      (p.thuaSo ? std::to_string(*p.thuaSo) : "");
            geom::GeomPtr g = damaged || p.wkb.empty() ? nullptr : geom::fromWkb(p.wkb.data(), p.wkb.size());
            const crs::ParcelCode c = g ? crs::parcelCode(g.get(), *toWgs) : crs::ParcelCode{};
            if (!c.ok()) {
                std::cerr << a.pos(0) << ": " << store::parcelLabel(p) << ": no parcel code: "
                          << (damaged ? "damaged geometry (" + damaged->reason + ")"
                                      : g ? c.error : std::string("unreadable geometry"))
                          << "\n";
                ++failed;
                return true;
            }
            if (c.tolerance > 0.01) {
                // The pole is less precise than the 12-character cell (~1.9 cm): a parcel that large
                // is almost surely a digitizing error (a vertex far away); its code is kept but flagged.
                char msg[160];
                const geom::Envelope e = geom::envelope(g.get());
                std::snprintf(msg, sizeof msg, "parcel spans %.1f km: pole to %.2f m only, the code is approximate",
                              std::max(e.maxX - e.minX, e.maxY - e.minY) / 1000, c.tolerance);
                std::cerr << a.pos(0) << ": " << store::parcelLabel(p) << ": " << msg
                          << " (check the geometry: vnland validate)\n";
                ++approximate;
            }
            char ll[64];
            std::snprintf(ll, sizeof ll, "%.9f,%.9f", c.lat, c.lon);
            std::cout << where << "," << c.code << "," << ll << "\n";
            rows.push_back({p.id, c.code});
            return true;
        });
        if (write) {
            store::Transaction tx(project->db());
            store::Statement st(project->db(), "UPDATE parcel SET parcel_code = ? WHERE id = ?");
            for (const Row &r : rows) {
                st.bind(1, r.code).bind(2, r.id);
                st.exec();
            }
            tx.commit();
            std::cerr << "vnland parcel-code: wrote " << rows.size() << " parcel codes to " << a.pos(0) << "\n";
        }
        return failed || approximate ? 1 : 0;
    } catch (const std::exception &e) {
        std::cerr << "vnland parcel-code: " << e.what() << "\n";
        return 2;
    }
}

} // namespace vnland::cli
