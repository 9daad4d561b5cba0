// The fuzz drivers (see fuzz_targets.h). Each one reads the input the way the
// CLI does and reports the messages the user would see: the file-level error
// and the reason of every rejected line/feature. Invariants checked on what
// was read: decoded text is valid UTF-8, accepted coordinates are finite, a
// blob written from WKB reads back.
#include "fuzz_targets.h"

#include "crs/crs_recognition.h"
#include "georef/gcp_set.h"
#include "io/field_mapping.h"
#include "io/text_encoding.h"
#include "io/vector_importer.h"
#include "store/project.h"
#include "store/spatialite_blob.h"
#include "survey/cogo.h"
#include "survey/dxf_drawing.h"
#include "survey/parcel_builder.h"
#include "survey/point_file.h"
#include "survey/survey_import.h"

#include <gdal.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace fs = std::filesystem;

namespace vnland::fuzz {
namespace {

std::string slurp(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

Message fileError(const std::string &text) { return {text, -1, true}; }
Message lineMessage(int64_t line, const std::string &reason) { return {reason, line, false}; }

bool validUtf8(const std::string &s)
{
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (!len || i + len > s.size())
            return false;
        uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (size_t k = 1; k < len; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

/// Survey points handed on must have finite coordinates (NaN would go into the database).
std::string checkPoints(const std::vector<survey::SurveyPoint> &points)
{
    for (const auto &p : points)
        if (!std::isfinite(p.north) || !std::isfinite(p.east) || (p.height && !std::isfinite(*p.height)))
            return "point '" + p.name + "' (line " + std::to_string(p.line) + ") accepted with a non-finite coordinate";
    return {};
}

void gdalOnce()
{
    static bool done = false;
    if (!done) {
        GDALAllRegister();
        done = true;
    }
}

// --- vector import (shapefile, GeoJSON) ------------------------------------------

/// One land database per child, copied from a template made by the first child.
struct ImportState {
    std::unique_ptr<store::Project> project;
};

Target importTarget(const std::string &name, std::vector<std::string> suffixes, bool text, std::vector<std::string> dict)
{
    auto state = std::make_shared<ImportState>();
    Target t;
    t.name = name;
    t.suffixes = std::move(suffixes);
    t.text = text;
    t.dictionary = std::move(dict);
    t.prepare = [state](const std::string &dir) {
        gdalOnce();
        const fs::path tmpl = fs::path(dir) / "template.sqlite";
        if (!fs::exists(tmpl))
            store::Project::create(tmpl.string(), {}).reset();
        const fs::path copy = fs::path(dir) / "project.sqlite";
        for (const char *ext : {"", "-wal", "-shm", "-journal"})
            fs::remove(copy.string() + ext);
        fs::copy_file(tmpl, copy);
        state->project = store::Project::open(copy.string());
    };
    t.run = [state](const std::string &path) {
        Outcome o;
        io::ImportOptions opts;
        const io::ImportResult r = io::importVector(*state->project, path, opts);
        o.accepted = r.ok;
        if (!r.ok)
            o.messages.push_back(fileError(r.error));
        for (const auto &rej : r.report.rejected)
            o.messages.push_back(lineMessage(rej.fid, rej.reason));
        return o;
    };
    return t;
}

// --- survey files -------------------------------------------------------------------

Target pointFileTarget()
{
    Target t;
    t.name = "pnezd";
    t.suffixes = {".csv"};
    t.dictionary = {"LINE ", "NOI ", "P,N,E,Z,D\n", "X;Y;H\n", "20°58'12.3\"N", "107°45'", "RG1.S", "THUA 12 ODT",
                    "..", "-", "\t", ";", "#", "//", "N,E\n", "lat,lon\n", "1..99999999"};
    t.run = [](const std::string &path) {
        Outcome o;
        const survey::PointFileResult r = survey::readPointFile(path);
        o.accepted = r.ok;
        if (!r.ok)
            o.messages.push_back(fileError(r.error));
        for (const auto &rej : r.rejected)
            o.messages.push_back(lineMessage(rej.line, rej.reason));
        if (r.ok) {
            o.violation = checkPoints(r.points);
            // LINE sequences and RG codes go on to the parcel builder, as --build-parcels does.
            if (o.violation.empty() && !r.geographic && r.points.size() <= 5000) {
                survey::ParcelBuildOptions po;
                std::vector<survey::BuildIssue> issues;
                const auto lines = survey::boundaryLines(r.points, r.connections, po, issues);
                survey::buildParcels(lines, r.points, po);
            }
        }
        return o;
    };
    return t;
}

Target surveyPluginTarget(const std::string &name, const std::string &format, const std::string &suffix,
                          std::vector<std::string> dict)
{
    Target t;
    t.name = name;
    t.suffixes = {suffix};
    t.dictionary = std::move(dict);
    t.prepare = [](const std::string &) { gdalOnce(); };
    t.run = [format](const std::string &path) {
        Outcome o;
        survey::SurveyFileOptions opts;
        opts.format = format; // through the SurveyReaderPlugin, as `import-survey --format`
        survey::SurveyData data;
        std::string error;
        o.accepted = survey::readSurveyFile(path, opts, data, &error);
        if (!o.accepted)
            o.messages.push_back(fileError(error));
        for (const auto &rej : data.rejected)
            o.messages.push_back(lineMessage(rej.line, rej.reason));
        if (o.accepted)
            o.violation = checkPoints(data.points);
        return o;
    };
    return t;
}

Target dxfTarget()
{
    Target t;
    t.name = "dxf";
    t.suffixes = {".dxf"};
    t.dictionary = {"  0\nLWPOLYLINE\n", "  0\nPOLYLINE\n", "  0\nVERTEX\n", "  0\nSEQEND\n", "  0\nTEXT\n",
                    "  0\nMTEXT\n", "  0\nINSERT\n", "  0\nBLOCK\n", "  0\nENDBLK\n", "  8\n10\n", "  8\n11\n",
                    " 90\n", " 70\n1\n", " 10\n", " 20\n", " 30\n", "  1\n", "  0\nSECTION\n", "  0\nENDSEC\n",
                    "  2\nENTITIES\n", "  0\nEOF\n", "$DWGCODEPAGE\n  3\nANSI_1258\n", " 42\n", "  0\nHATCH\n",
                    "  0\nSPLINE\n", "  0\nCIRCLE\n"};
    t.prepare = [](const std::string &) { gdalOnce(); };
    t.run = [](const std::string &path) {
        Outcome o;
        for (const char *preset : {"tt25", "any"}) {
            survey::DxfOptions opts;
            opts.preset = preset;
            const survey::DxfResult r = survey::readDxfDrawing(path, opts);
            o.accepted = o.accepted || r.ok;
            if (!r.ok)
                o.messages.push_back(fileError(r.error));
        }
        return o;
    };
    return t;
}

Target cogoTarget()
{
    Target t;
    t.name = "cogo";
    t.suffixes = {".txt"};
    t.dictionary = {"START ", "LEG ", "CLOSE ", "N26°10'E", "S29-38-00E", "26:10:00", "359°59'59.99\"", "0 0",
                    "# ", "\nLEG P 90 0\n", "\nLEG P 45 1e300\n", "N90W", "400°", "-1"};
    t.run = [](const std::string &path) {
        Outcome o;
        const survey::TraverseParse p = survey::readTraverseFile(path);
        o.accepted = p.ok;
        if (!p.ok)
            o.messages.push_back(fileError(p.error));
        for (const auto &rej : p.rejected)
            o.messages.push_back(lineMessage(rej.line, rej.reason));
        if (p.ok) {
            const survey::TraverseResult r = survey::adjustTraverse(p.traverse);
            (void)r.toText();
            o.violation = checkPoints(r.adjusted);
        }
        return o;
    };
    return t;
}

// --- georeferencing, mapping ------------------------------------------------------

Target gcpTarget()
{
    Target t;
    t.name = "points";
    t.suffixes = {}; // .points (QGIS) or .csv (plain) by the seed's name, as readAny decides
    t.dictionary = {"#CRS: ", "mapX,mapY,sourceX,sourceY,enable,dX,dY,residual\n", "mapX,mapY,pixelX,pixelY,enable\n",
                    "id,map_x,map_y,pixel_x,pixel_y,enabled\n", "PROJCRS[\"x\"]", "\t", ",1,", ",0,", "-"};
    t.run = [](const std::string &path) {
        Outcome o;
        std::string error;
        const auto set = georef::GcpSet::readAny(path, &error);
        o.accepted = set.has_value();
        if (!set) {
            o.messages.push_back(fileError(error));
            return o;
        }
        for (const auto &g : set->points())
            if (!std::isfinite(g.mapX) || !std::isfinite(g.mapY) || !std::isfinite(g.pixelX) || !std::isfinite(g.pixelY))
                o.violation = "GCP '" + g.id + "' accepted with a non-finite coordinate";
        (void)set->toPointsText();
        return o;
    };
    return t;
}

Target mappingTarget()
{
    Target t;
    t.name = "mapping";
    t.suffixes = {".json"};
    t.dictionary = {"{", "}", "[", "]", "null", "true", "\"\"", "\"fields\"", "\"detect\"", "\"name\"", ":", ",",
                    "\"so_thua\"", "\"so_to\"", "\"ma_dat\"", "1e999", "\"\\u0000\"", "\"\\ud800\""};
    t.run = [](const std::string &path) {
        Outcome o;
        std::string error;
        const auto m = io::FieldMapping::fromFile(path, &error);
        o.accepted = m.has_value();
        if (!m) {
            o.messages.push_back(fileError(error));
            return o;
        }
        (void)m->resolve({"SoHieuToBanDo", "SoThuTuThua", "MaLoaiDat", "DienTich", "TenChu", "DiaChi", "so_to"});
        return o;
    };
    return t;
}

// --- CRS text, encodings, blobs ---------------------------------------------------

Target crsTarget()
{
    Target t;
    t.name = "crs";
    t.suffixes = {".prj"};
    t.dictionary = {"+proj=tmerc ", "+lon_0=107.75 ", "+k=0.9999 ", "+x_0=500000 ", "+towgs84=", "+ellps=WGS84 ",
                    "+units=m ", "+no_defs", "PROJCS[", "GEOGCS[", "DATUM[", "TOWGS84[", "AUTHORITY[\"EPSG\",",
                    "PARAMETER[\"central_meridian\",", "UNIT[\"metre\",1]", "EPSG:", "VN_2000", "]]", "\"", ",",
                    "6956", "5899", "PROJCRS[", "BOUNDCRS[", "+proj=pipeline ", "+step +inv "};
    t.run = [](const std::string &path) {
        Outcome o;
        const std::string text = slurp(path);
        bool wrongSign = false;
        for (bool correct : {false, true}) {
            crs::RecognizeOptions opts;
            opts.correctWrongSign = correct;
            if (correct && !wrongSign)
                break; // the option only matters for a wrong-sign +towgs84
            const crs::Recognition r = crs::recognize(text, opts);
            wrongSign = r.wrongSignTowgs84;
            if (!r.ok() && r.notes.empty())
                o.violation = "not recognised and no note says why";
            if (!r.ok() && !r.notes.empty())
                o.messages.push_back({r.notes.front(), 0, false}); // the importer names the file
            o.accepted = o.accepted || r.ok();
            for (const auto &n : r.notes)
                if (!validUtf8(n))
                    o.violation = "a note is not valid UTF-8";
        }
        return o;
    };
    return t;
}

Target encodingTarget()
{
    Target t;
    t.name = "encoding";
    t.suffixes = {".txt"};
    t.text = false; // bytes, not a format
    t.run = [](const std::string &path) {
        Outcome o;
        o.accepted = true;
        const std::string bytes = slurp(path);
        using io::TextEncoding;
        for (TextEncoding e : {TextEncoding::Utf8, TextEncoding::Cp1258, TextEncoding::Tcvn3, TextEncoding::Vni,
                               TextEncoding::Latin1}) {
            const std::string u = io::decode(bytes, e);
            if (!validUtf8(u)) {
                o.violation = "decode(" + io::encodingName(e) + ") gave invalid UTF-8";
                break;
            }
            (void)io::encode(u, e);
        }
        // Detection sees attribute values: the lines of the input.
        std::vector<std::string> samples;
        std::istringstream in(bytes);
        for (std::string line; std::getline(in, line) && samples.size() < 200;)
            samples.push_back(line);
        const io::EncodingGuess g = io::detectEncoding(samples);
        if (!(g.confidence >= 0 && g.confidence <= 1))
            o.violation = "detectEncoding confidence outside 0..1";
        return o;
    };
    return t;
}

Target blobTarget()
{
    Target t;
    t.name = "blob";
    t.suffixes = {".bin"};
    t.text = false;
    t.run = [](const std::string &path) {
        Outcome o;
        const std::string bytes = slurp(path);
        const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
        store::Mbr mbr;
        // The input as ISO WKB (import) and as a SpatiaLite blob (read back from a land database).
        const std::vector<unsigned char> blob = store::multiPolygonBlobFromWkb(data, bytes.size(), 5899, &mbr);
        const std::vector<unsigned char> wkb = store::wkbFromSpatialiteBlob(data, bytes.size());
        o.accepted = !blob.empty() || !wkb.empty();
        if (!blob.empty() && store::wkbFromSpatialiteBlob(blob.data(), blob.size()).empty())
            o.violation = "a blob made from WKB does not read back";
        if (!wkb.empty()) {
            store::Mbr m2;
            if (store::multiPolygonBlobFromWkb(wkb.data(), wkb.size(), 5899, &m2).empty())
                o.violation = "WKB read from a blob is not accepted back";
        }
        return o;
    };
    return t;
}

std::vector<Target> makeTargets()
{
    std::vector<Target> out;
    out.push_back(importTarget("shapefile", {".shp", ".shx", ".dbf", ".prj", ".cpg"}, false, {}));
    out.push_back(importTarget("geojson", {".geojson"}, true,
                               {"{", "}", "[", "]", "null", "\"type\":", "\"Polygon\"", "\"MultiPolygon\"",
                                "\"GeometryCollection\"", "\"coordinates\":", "\"properties\":", "\"Feature\"",
                                "\"FeatureCollection\"", "[[[0,0],[1,0],[1,1],[0,0]]]", "\"crs\":",
                                "\"urn:ogc:def:crs:EPSG::5899\"", "1e400", "\"features\":[]", "[[]]"}));
    out.push_back(mappingTarget());
    out.push_back(gcpTarget());
    out.push_back(pointFileTarget());
    out.push_back(surveyPluginTarget("gsi", "gsi", ".gsi",
                                     {"*", "110001+", "21.324+", "22.324+", "31..00+", "32..00+", "81..10+", "82..10+",
                                      "83..10+", "84..10+", "85..10+", "86..10+", "87..10+", "88..10+", "71....+",
                                      "41....+", "+99999999", "-00000000", "+9999999999999999", " "}));
    out.push_back(surveyPluginTarget("sdr33", "sdr33", ".sdr",
                                     {"00NMSDR33", "02TP", "03NM", "07TP", "08KI", "09F1", "09F2", "09MC", "10NM",
                                      "                ", "9999999999999999", "-.", "111111"}));
    out.push_back(dxfTarget());
    out.push_back(cogoTarget());
    out.push_back(crsTarget());
    out.push_back(encodingTarget());
    out.push_back(blobTarget());
    return out;
}

} // namespace

const std::vector<Target> &targets()
{
    static const std::vector<Target> all = makeTargets();
    return all;
}

const Target *targetByName(const std::string &name)
{
    for (const auto &t : targets())
        if (t.name == name)
            return &t;
    return nullptr;
}

std::string fuzzDataDir() { return VNLAND_FUZZ_DATA_DIR; }

int64_t ciIterations(const Target &)
{
    // 3 000 per parser. CPU per input on a 2-core CI machine: CRS ~12 ms (PROJ parses and
    // identifies), the importer ~9 ms (GDAL, the land database and PROJ for every input),
    // DXF ~4 ms, the others under 1 ms: about 110 s in all.
    return 3000;
}

} // namespace vnland::fuzz
