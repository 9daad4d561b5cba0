// Candidates into the land database through the store's ParcelWriter, in one
// transaction (see vectorize_store.h).
#include "vectorize/vectorize_store.h"

#include "crs/map_sheet_grid.h"
#include "store/database.h"
#include "store/parcel_store.h"
#include "store/project.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace vnland::vectorize {

IntoResult resolveTarget(store::Project &project, int epsg, const IntoOptions &o)
{
    IntoResult r;
    auto &db = project.db();
    const std::string where = project.path() + ": ";
    if (epsg != project.srid()) {
        r.error = where + "the candidates are in EPSG:" + std::to_string(epsg) + ", the project in EPSG:" +
                  std::to_string(project.srid()) + " (give --epsg or GCPs in the project CRS)";
        r.problem = IntoProblem::CrsMismatch;
        return r;
    }
    try {
        r.communeCode = o.communeCode;
        if (r.communeCode.empty()) {
            store::Statement st(db, "SELECT code FROM admin_unit WHERE level = 'commune'");
            std::vector<std::string> codes;
            while (st.step())
                codes.push_back(st.text(0));
            if (codes.size() != 1) {
                r.error = where + "give --commune CODE (the project has " + std::to_string(codes.size()) + " communes)";
                r.problem = IntoProblem::CommuneNeeded;
                r.communeCount = int(codes.size());
                return r;
            }
            r.communeCode = codes.front();
        }
        r.toSo = o.toSo;
        if (r.toSo <= 0) {
            store::Statement st(db, "SELECT to_so FROM map_sheet WHERE commune_code = ? AND sheet_id = ?");
            st.bind(1, r.communeCode).bind(2, o.sheetId);
            if (st.step())
                r.toSo = st.integer(0);
        }
        if (r.toSo <= 0) {
            r.error = where + "give --to-so N: sheet " + o.sheetId + " is not in map_sheet for commune " + r.communeCode;
            r.problem = IntoProblem::SheetNumberNeeded;
            return r;
        }
        r.ok = true;
    } catch (const std::exception &e) {
        r.error = where + e.what();
        r.problem = IntoProblem::Failed;
    }
    return r;
}

IntoResult addCandidates(store::Project &project, const VectorizeResult &result, const IntoOptions &o)
{
    IntoResult r = resolveTarget(project, result.epsg, o);
    if (!r.ok)
        return r;
    r.ok = false;
    auto &db = project.db();
    const std::string where = project.path() + ": ";
    try {
        std::set<int> taken;
        {
            store::Statement st(db, "SELECT thua_so FROM parcel WHERE commune_code = ? AND to_so = ? AND end_time IS NULL"
                                    " AND identity_conflict = 0 AND thua_so IS NOT NULL");
            st.bind(1, r.communeCode).bind(2, r.toSo);
            while (st.step())
                taken.insert(st.integer(0));
        }
        store::Transaction tx(db);
        project.ensureCommune(r.communeCode);
        if (const auto frame = crs::sheetFrame(o.sheetId)) {
            store::Statement st(db, "INSERT OR IGNORE INTO map_sheet(commune_code, to_so, scale, sheet_id, frame)"
                                    " VALUES (?, ?, ?, ?, GeomFromText(?, ?))");
            st.bind(1, r.communeCode).bind(2, r.toSo).bind(3, frame->scale).bind(4, o.sheetId).bind(5, frame->wkt())
                .bind(6, project.srid()).exec();
        }
        {
            store::Statement log(db, "INSERT INTO import_log(started, source, driver) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?, ?)");
            log.bind(1, std::filesystem::absolute(o.source).string()).bind(2, "vnland vectorize").exec();
            r.importId = db.lastInsertId();
        }
        store::ParcelWriter writer(project);
        for (const Candidate &c : result.candidates) {
            model::Parcel p;
            p.communeCode = r.communeCode;
            p.toSo = r.toSo;
            p.thuaSo = c.thuaSo;
            p.landuseCode = c.landuseCode;
            p.legalArea = c.labelArea;
            p.measuredArea = c.area;
            p.flags = kCandidateFlag;
            for (const auto &reason : c.review)
                p.flags += "," + reason;
            const bool dup = std::find(c.review.begin(), c.review.end(), "duplicate_number") != c.review.end();
            if (c.thuaSo && !dup && taken.count(*c.thuaSo))
                p.flags += ",duplicate_number"; // the number is held by a live parcel already
            p.wkb = c.wkb;
            r.insertedIds.push_back(writer.insert(p, r.importId));
            ++r.inserted;
            r.flagged += !c.review.empty();
        }
        {
            store::Statement log(db, "UPDATE import_log SET finished = strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
                                     " features_in = ?, imported = ?, rejected = 0, flagged = ? WHERE id = ?");
            log.bind(1, static_cast<int64_t>(result.candidates.size())).bind(2, static_cast<int64_t>(r.inserted))
                .bind(3, static_cast<int64_t>(r.flagged)).bind(4, r.importId).exec();
            store::Statement ch(db, "INSERT INTO change_log(action, detail, source) VALUES ('import', ?, ?)");
            ch.bind(1, std::to_string(r.inserted) + " vectorized candidates for review (sheet " + o.sheetId + ")")
                .bind(2, std::filesystem::absolute(o.source).string()).exec();
        }
        tx.commit();
        r.ok = true;
    } catch (const std::exception &e) {
        r.error = where + e.what();
        r.problem = IntoProblem::Failed;
        r.inserted = r.flagged = 0;
        r.insertedIds.clear();
    }
    return r;
}

} // namespace vnland::vectorize
