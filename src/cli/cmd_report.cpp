// vnland report register|summary|statistics|extract|validation — statutory
// reports as PDF, XLSX, CSV or HTML.
#include "args.h"
#include "commands.h"

#include "report/report_tables.h"
#include "report/report_writer.h"
#include "store/parcel_store.h"
#include "store/project.h"

#include <iostream>

namespace vnland::cli {

namespace {

const char *kUsage =
    "Usage: vnland report KIND PROJECT.sqlite --out FILE [--format pdf|xlsx|csv|html]\n"
    "         [--commune CODE] [--sheet N] [--code LANDUSE] [--parcels TỜ/THỬA,…] [--scheme 2018|2024] [--split]\n"
    "         [--include-candidates] [--draft]\n"
    "KIND: register    sổ mục kê đất đai (PL15)\n"
    "      summary     bảng tổng hợp theo tờ bản đồ (PL16)\n"
    "      statistics  thống kê diện tích theo loại đất và đối tượng (Biểu 01/TKĐĐ); identities checked first:\n"
    "                  when they fail nothing is written (exit 1), unless --draft: then a draft marked\n"
    "                  \"BẢN NHÁP\" on every page and worksheet is written, with the failed checks listed (exit 1)\n"
    "      extract     trích lục bản đồ địa chính + hồ sơ kỹ thuật thửa đất (PL13); --split: one file per parcel,\n"
    "                  --out is then a folder\n"
    "      validation  lỗi kiểm tra dữ liệu (needs a validation run in the project)\n"
    "The format defaults to the extension of --out (PDF otherwise).\n"
    "Parcels added by `vnland vectorize --into` and not yet reviewed (flag \"candidate\") are not approved:\n"
    "they are left out, named by count on stderr, and the exit code is 1; --include-candidates puts them in.\n";

} // namespace

int cmdReport(const Argv &argv)
{
    Args a(argv, {"out", "format", "commune", "sheet", "code", "parcels", "scheme"}, {"split", "help", "include-candidates", "draft"});
    if (!a.ok() || a.has("help") || a.positional().size() != 2 || !a.value("out")) {
        std::cerr << (a.ok() ? std::string() : "vnland report: " + a.error() + "\n") << kUsage;
        return a.has("help") ? 0 : 2;
    }
    const std::string kind = a.pos(0);
    if (kind != "register" && kind != "summary" && kind != "statistics" && kind != "extract" && kind != "validation") {
        std::cerr << "vnland report: unknown report '" << kind << "'\n" << kUsage;
        return 2;
    }
    if (a.has("draft") && kind != "statistics") {
        std::cerr << "vnland report: --draft is for the statistics report (the one whose checks can refuse it)\n";
        return 2;
    }
    const QString out = QString::fromStdString(*a.value("out"));
    report::ReportFormat format = report::formatForPath(out);
    if (const auto f = a.value("format")) {
        const auto parsed = report::parseFormat(*f);
        if (!parsed) {
            std::cerr << "vnland report: unknown --format '" << *f << "' (pdf, xlsx, csv, html)\n";
            return 2;
        }
        format = *parsed;
    }
    report::ReportFilter filter;
    filter.communeCode = a.value("commune", "");
    filter.landuseCode = a.value("code", "");
    if (const auto s = a.value("sheet")) {
        try {
            size_t n = 0;
            filter.toSo = std::stoi(*s, &n);
            if (n != s->size())
                throw std::invalid_argument("trailing");
        } catch (const std::exception &) {
            std::cerr << "vnland report: --sheet takes a sheet number (tờ), got '" << *s << "'\n";
            return 2;
        }
    }
    if (const auto p = a.value("parcels")) {
        std::string err;
        if (!report::ReportFilter::parseParcelList(*p, &filter.parcels, &err)) {
            std::cerr << "vnland report: --parcels: " << err << "\n";
            return 2;
        }
    }
    filter.includeCandidates = a.has("include-candidates");
    const std::string scheme = a.value("scheme", "2018");
    if (scheme != "2018" && scheme != "2024") {
        std::cerr << "vnland report: --scheme is 2018 or 2024, got '" << scheme << "'\n";
        return 2;
    }

    try {
        auto project = store::Project::open(a.pos(1), true);
        QString error;
        // Unreviewed vectorized parcels are not in a statutory report; the user is told how many.
        const int64_t candidates =
            kind == "validation" || filter.includeCandidates ? 0 : report::unreviewedCandidates(*project, filter);
        if (candidates > 0)
            std::cerr << "vnland report: " << a.pos(1) << ": " << candidates
                      << " vectorized parcel(s) not yet reviewed (flag \"candidate\") are left out of this report;"
                         " review them in the editor, or add --include-candidates\n";
        if (kind == "extract") {
            const auto extracts = report::buildExtracts(*project, filter);
            if (extracts.empty()) {
                std::cerr << "vnland report: " << a.pos(1) << ": no parcel matches the filter\n";
                return 1;
            }
            QStringList written;
            if (!report::writeExtracts(extracts, format, out, a.has("split"), &written, &error)) {
                std::cerr << "vnland report: " << error.toStdString() << "\n";
                return 2;
            }
            std::cout << "Wrote " << extracts.size() << " parcel extract(s) to "
                      << (written.size() == 1 ? written.first().toStdString()
                                              : std::to_string(written.size()) + " files in " + out.toStdString())
                      << "\n";
            // Exit 1 when a parcel's extract has no drawing: its geometry could not be read.
            int damaged = 0;
            for (const auto &e : extracts)
                if (!e.geometryProblem.empty()) {
                    std::cerr << "vnland report: " << a.pos(1) << ": " << store::parcelLabel(e.parcel)
                              << ": extract without coordinates or sketch: " << e.geometryProblem << "\n";
                    ++damaged;
                }
            return damaged || candidates ? 1 : 0;
        }
        QList<plugin::ReportTable> tables;
        bool landscape = true, draft = false;
        if (kind == "register") {
            tables = report::registerTables(*project, filter);
        } else if (kind == "summary") {
            tables = report::summaryTables(*project, filter);
            landscape = false;
        } else if (kind == "statistics") {
            std::vector<std::string> problems;
            tables = report::statisticsTables(*project, filter, scheme, &problems, a.has("draft"));
            if (!problems.empty()) {
                draft = a.has("draft");
                std::cerr << "vnland report: " << a.pos(1) << ": the land statistics do not add up, "
                          << (draft ? "written as a draft (BẢN NHÁP) listing:\n" : "nothing written:\n");
                for (const auto &p : problems)
                    std::cerr << "  - " << p << "\n";
                if (!draft)
                    return 1;
                report::markDraft(tables, problems);
            }
        } else if (kind == "validation") {
            tables = report::validationTables(*project, filter);
            if (tables.isEmpty()) {
                std::cerr << "vnland report: " << a.pos(1)
                          << ": the project has no validation results (validation_issue table); run the validation first\n";
                return 2;
            }
        }
        if (tables.isEmpty()) {
            std::cerr << "vnland report: " << a.pos(1) << ": no parcel matches the filter\n";
            return 1;
        }
        if (!report::writeTables(tables, format, out, &error, {landscape, draft})) {
            std::cerr << "vnland report: " << error.toStdString() << "\n";
            return 2;
        }
        qsizetype rows = 0;
        for (const auto &t : tables)
            rows += t.rows.size();
        std::cout << "Wrote " << kind << " (" << tables.size() << " table(s), " << rows << " rows) to " << out.toStdString()
                  << "\n";
        if (candidates > 0 || draft)
            return 1;
    } catch (const std::exception &e) {
        std::cerr << "vnland report: " << e.what() << "\n";
        return 2;
    }
    return 0;
}

} // namespace vnland::cli
