// bench_report: 1 000 parcel extracts (PL13 + technical record, one PDF) and the
// parcel register (sổ mục kê) of 100 000 parcels as PDF, XLSX and CSV, on a
// synthetic coverage. Baseline measured in the same run: reading the same
// parcels once (forEachParcel). Targets: extracts < 60 s, register < 30 s.
//
// Usage: bench_report [PARCELS=100000] [EXTRACTS=1000] [WORKDIR]
#include "bench_support.h"

#include "report/report_tables.h"
#include "report/report_writer.h"
#include "store/database.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "synth/coverage_generator.h"

#include <QGuiApplication>

#include <gdal.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

using namespace vnland;
namespace fs = std::filesystem;

namespace {
/// CPU seconds of this process: the machine is shared, wall time alone misleads.
double cpu() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int qargc = 1;
    QGuiApplication app(qargc, argv);
    GDALAllRegister();
    const int64_t parcels = argc > 1 ? std::atoll(argv[1]) : 100000;
    const int extracts = argc > 2 ? std::atoi(argv[2]) : 1000;
    const fs::path dir = argc > 3 ? fs::path(argv[3]) : fs::temp_directory_path() / "vnland-bench-report";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string projectPath = (dir / "bench.sqlite").string();

    // --- a project of synthetic parcels ---
    double t0 = bench::now();
    auto project = store::Project::create(projectPath, {});
    {
        store::Transaction tx(project->db());
        store::ParcelWriter w(*project);
        synth::SynthOptions o;
        o.parcels = parcels;
        o.seed = 7;
        std::string err;
        const auto res = synth::generateCoverage(o, [&](const model::Parcel &p) { w.insert(p); }, &err);
        if (!res.ok) {
            std::fprintf(stderr, "bench_report: synthetic coverage failed: %s\n", err.c_str());
            return 2;
        }
        tx.commit();
    }
    const int64_t rows = project->db().queryInt("SELECT count(*) FROM parcel").value_or(0);
    std::printf("project: %lld objects (%lld parcels requested) built in %.1f s\n", static_cast<long long>(rows),
                static_cast<long long>(parcels), bench::now() - t0);

    // --- baseline: read every parcel once ---
    t0 = bench::now();
    int64_t n = 0;
    store::forEachParcel(*project, {}, [&](const model::Parcel &) {
        ++n;
        return true;
    });
    const double base = bench::now() - t0;
    std::printf("baseline: read %lld parcels in %.2f s\n", static_cast<long long>(n), base);

    QString err;
    // --- register ---
    t0 = bench::now();
    double c0 = cpu();
    const auto tables = report::registerTables(*project, {});
    const double tData = bench::now() - t0, cData = cpu() - c0;
    qsizetype lines = 0;
    for (const auto &t : tables)
        lines += t.rows.size();
    std::printf("register data: %lld lines in %.2f s (%.1f× baseline)\n", static_cast<long long>(lines), tData, tData / base);
    struct Out {
        report::ReportFormat f;
        const char *name;
    };
    bool ok = true;
    for (const Out o : {Out{report::ReportFormat::Pdf, "register.pdf"}, Out{report::ReportFormat::Xlsx, "register.xlsx"},
                        Out{report::ReportFormat::Csv, "register.csv"}}) {
        const double t1 = bench::now(), c1 = cpu();
        if (!report::writeTables(tables, o.f, QString::fromStdString((dir / o.name).string()), &err)) {
            std::fprintf(stderr, "bench_report: %s\n", err.toStdString().c_str());
            return 2;
        }
        const double t = tData + bench::now() - t1, c = cData + cpu() - c1;
        std::printf("register %-14s %7.2f s total, cpu %.2f s (%.1f× baseline), %.1f MB  [target < 30 s: %s]\n", o.name, t, c,
                    t / base, fs::file_size(dir / o.name) / 1e6, t < 30 ? "ok" : "MISSED");
        ok = ok && t < 30;
    }

    // --- extracts: the first N parcels of the coverage ---
    report::ReportFilter f;
    {
        store::Statement st(project->db(), "SELECT to_so, thua_so FROM parcel WHERE object_kind='parcel' AND thua_so IS NOT NULL"
                                           " ORDER BY to_so, thua_so LIMIT ?");
        st.bind(1, extracts);
        while (st.step())
            f.parcels.push_back({st.integer(0), st.integer(1)});
    }
    t0 = bench::now();
    c0 = cpu();
    const auto ex = report::buildExtracts(*project, f);
    const double tEx = bench::now() - t0;
    QStringList written;
    const double t1 = bench::now();
    if (!report::writeExtracts(ex, report::ReportFormat::Pdf, QString::fromStdString((dir / "extracts.pdf").string()), false,
                               &written, &err)) {
        std::fprintf(stderr, "bench_report: %s\n", err.toStdString().c_str());
        return 2;
    }
    const double tPdf = bench::now() - t1;
    std::printf("extracts: %zu parcels: data %.2f s + PDF %.2f s = %.2f s, cpu %.2f s (%.1f× baseline), %.1f MB  [target < 60 s: %s]\n",
                ex.size(), tEx, tPdf, tEx + tPdf, cpu() - c0, (tEx + tPdf) / base, fs::file_size(dir / "extracts.pdf") / 1e6,
                tEx + tPdf < 60 ? "ok" : "MISSED");
    ok = ok && tEx + tPdf < 60;
    std::printf("peak memory: %.0f MiB; files in %s\n", bench::selfPeakMiB(), dir.string().c_str());
    return ok ? 0 : 1;
}
