// vnland synth: writes a seeded synthetic cadastral coverage (sample data,
// tests, benchmarks), optionally with injected faults and their manifest.
#include "args.h"
#include "commands.h"

#include "synth/coverage_generator.h"

#include <chrono>
#include <iostream>

namespace vnland::cli {

int cmdSynth(const Argv &argv)
{
    Args a(argv,
           {"parcels", "seed", "faults", "format", "encoding", "crs", "manifest", "out", "sheets", "commune",
            "sheet-scale", "origin"},
           {"help", "quiet"});
    const char *usage =
        "Usage: vnland synth --parcels N --seed S --out FILE [--format shp|geojson|gpkg]\n"
        "                    [--faults overlap=3,gap=2,sliver=2,self_intersection=1,duplicate_number=2,\n"
        "                              unknown_code=3,spike=1,duplicate_geometry=1]\n"
        "                    [--manifest FILE.json] [--encoding utf-8|tcvn3|vni] [--crs EPSG]\n"
        "                    [--sheets FILE] [--commune 07192] [--sheet-scale 0|1000|2000] [--origin E,N] [--quiet]\n"
        "Writes parcels, roads and canals in VN-2000 / TM-3 107°45' (EPSG:5899) near Cô Tô,\n"
        "or reprojected with --crs (GeoJSON is always WGS84). Same seed, same bytes.\n";
    if (!a.ok() || a.has("help") || !a.value("out") || !a.value("parcels") || !a.positional().empty()) {
        std::cerr << (a.ok() ? "" : "vnland synth: " + a.error() + "\n") << usage;
        return a.has("help") ? 0 : 2;
    }
    synth::SynthOptions o;
    try {
        size_t used = 0;
        const std::string n = *a.value("parcels");
        o.parcels = std::stoll(n, &used);
        if (used != n.size())
            throw std::invalid_argument(n);
        const std::string s = a.value("seed", "1");
        o.seed = std::stoull(s, &used);
        if (used != s.size())
            throw std::invalid_argument(s);
        if (auto c = a.value("crs")) {
            std::string v = *c;
            if (v.rfind("EPSG:", 0) == 0 || v.rfind("epsg:", 0) == 0)
                v = v.substr(5);
            o.targetEpsg = std::stoi(v, &used);
            if (used != v.size())
                throw std::invalid_argument(v);
        }
        o.sheetScale = std::stoi(a.value("sheet-scale", "0"));
        if (auto origin = a.value("origin")) {
            const auto comma = origin->find(',');
            if (comma == std::string::npos)
                throw std::invalid_argument(*origin);
            o.originEasting = std::stod(origin->substr(0, comma));
            o.originNorthing = std::stod(origin->substr(comma + 1));
        }
    } catch (const std::exception &) {
        std::cerr << "vnland synth: --parcels, --seed, --crs, --sheet-scale and --origin take numbers\n" << usage;
        return 2;
    }
    o.faults = a.value("faults", "");
    o.format = a.value("format", "");
    o.manifestPath = a.value("manifest", "");
    o.sheetsPath = a.value("sheets", "");
    o.communeCode = a.value("commune", o.communeCode);
    if (auto e = a.value("encoding")) {
        auto enc = io::parseEncoding(*e);
        if (!enc || (*enc != io::TextEncoding::Utf8 && *enc != io::TextEncoding::Tcvn3 && *enc != io::TextEncoding::Vni
                     && *enc != io::TextEncoding::Cp1258)) {
            std::cerr << "vnland synth: unknown --encoding \"" << *e << "\" (use utf-8, tcvn3, vni or cp1258)\n";
            return 2;
        }
        o.encoding = *enc;
    }
    const auto t0 = std::chrono::steady_clock::now();
    std::string error;
    const synth::SynthResult r = synth::writeCoverage(o, *a.value("out"), &error);
    if (!r.ok) {
        std::cerr << "vnland synth: " << error << "\n";
        return 2;
    }
    if (!a.has("quiet")) {
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::cout << "Wrote " << *a.value("out") << ": " << r.parcelCount << " parcels, " << r.roadCount << " roads, "
                  << r.waterwayCount << " waterways on " << r.sheets.size() << " sheets, " << r.faults.size()
                  << " injected faults, " << static_cast<int64_t>(r.totalArea) << " m² (" << s << " s)\n";
    }
    return 0;
}

} // namespace vnland::cli
