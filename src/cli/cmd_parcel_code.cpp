// vnland parcel-code PROJECT [--write] — the parcel code (mã thửa đất) of
// every live parcel: GeoHash of its pole of inaccessibility in WGS84 through
// the pinned EPSG:6960 operation (draft Circular 19/2026).
#include "args.h"
#include "commands.h"

#include "crs/parcel_code.h"
#include "store/database.h"
#include "store/parcel_store.h"
#include "store/project.h"

#include <iostream>

namespace vnland::cli {

int cmdParcelCode(const Argv &argv)
{
    Args a(argv, {"commune"}, {"write", "help"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1) {
        std::cerr << (a.ok() ? "" : "vnland parcel-code: " + a.error() + "\n")
                  << "Usage: vnland parcel-code PROJECT.sqlite [--commune CODE] [--write]\n"
                     "Prints commune,to_so,thua_so,parcel_code,lat,lon for every live parcel;\n"
                     "--write also stores the code in the parcel_code column.\n";
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
        store::forEachParcel(*project, filter, [&](const model::Parcel &p) {
            const std::string where = p.communeCode + "," + (p.toSo ? std::to_string(*p.toSo) : "") + "," +
                                      (p.thuaSo ? std::to_string(*p.thuaSo) : "");
            geom::GeomPtr g = geom::fromWkb(p.wkb.data(), p.wkb.size());
            const crs::ParcelCode c = g ? crs::parcelCode(g.get(), *toWgs) : crs::ParcelCode{};
            if (!c.ok()) {
                std::cerr << a.pos(0) << ": parcel " << p.uuid << " (tờ " << (p.toSo ? std::to_string(*p.toSo) : "?")
                          << ", thửa " << (p.thuaSo ? std::to_string(*p.thuaSo) : "?") << "): no parcel code: "
                          << (g ? c.error : "unreadable geometry") << "\n";
                ++failed;
                return true;
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
        return failed ? 1 : 0;
    } catch (const std::exception &e) {
        std::cerr << "vnland parcel-code: " << e.what() << "\n";
        return 2;
    }
}

} // namespace vnland::cli
