// Editor dialog tests (offscreen): the report preview dialog (Báo cáo) and the
// COGO traverse dialog (đường chuyền), driven with QTest clicks and key events
// and checked against the core report tables, the written files, the core's
// traverse adjustment and the survey_point rows in the project.
#define BOOST_TEST_MODULE editor_dialogs
#include "app_fixture.h"
#include <boost/test/unit_test.hpp>

#include "editor_test_project.h"
#include "test_support.h"

#include "survey/cogo_dialog.h"
#include "main_window.h"
#include "reports/report_dialog.h"
#include "translations.h"

#include "report/report_tables.h"
#include "store/database.h"
#include "store/project.h"
#include "survey/cogo.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

#include <cmath>

using namespace vnland;

namespace {

BOOST_TEST_GLOBAL_FIXTURE(AppFixture);

struct ProjectFixture {
    ProjectFixture()
    {
        path = tmp.file("dialogs.sqlite");
        project.write(path);
    }
    test::TempDir tmp;
    std::string path;
    test::TestProject project;
};

/// Waits for the dialog's worker (preview or save) to finish, handling events.
bool waitIdle(const app::ReportDialog &dlg, int ms = 30000)
{
    QElapsedTimer t;
    t.start();
    while (dlg.isBusy() && t.elapsed() < ms)
        QTest::qWait(20);
    return !dlg.isBusy();
}

/// Opens the editor of a leg table cell, types @p text with key clicks and commits with Return.
void typeIntoCell(QTableWidget *table, int row, int col, const QString &text)
{
    const QModelIndex index = table->model()->index(row, col);
    table->setCurrentIndex(index);
    table->edit(index);
    auto *editor = qobject_cast<QLineEdit *>(table->indexWidget(index));
    BOOST_REQUIRE_MESSAGE(editor, "no line editor for cell " << row << "," << col);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);   // replace what the cell held
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

BOOST_FIXTURE_TEST_CASE(register_preview_and_save, ProjectFixture)
{
    app::ReportDialog dlg(QString::fromStdString(path), app::ReportKind::Register);
    dlg.show();
    BOOST_REQUIRE(waitIdle(dlg));
    // Independent of the dialog: the core's register tables for the same project.
    auto p = store::Project::open(path, true);
    const auto expected = report::registerTables(*p, {});
    BOOST_REQUIRE_EQUAL(expected.size(), 1);
    BOOST_REQUIRE_EQUAL(dlg.preview()->count(), 1);
    QTableWidget *table = dlg.previewTable(0);
    BOOST_REQUIRE(table);
    // 12 parcels, one land use each, then the total row.
    BOOST_TEST(table->rowCount() == 13);
    BOOST_TEST(table->rowCount() == expected.first().rows.size());
    BOOST_TEST(table->columnCount() == expected.first().columns.size());
    bool found = false;
    for (int r = 0; r < table->rowCount(); ++r)
        for (int c = 0; c < table->columnCount(); ++c)
            if (table->item(r, c) && table->item(r, c)->text() == QStringLiteral("Chủ thửa 7"))
                found = true;
    BOOST_TEST(found);
    BOOST_TEST(dlg.problemsView()->isHidden());

    // PDF (default format) through the Save button; the write runs on a worker.
    const QString pdf = QString::fromStdString(tmp.file("so_muc_ke.pdf"));
    dlg.pathEdit()->setText(pdf);
    BOOST_REQUIRE(dlg.saveButton()->isEnabled());
    QSignalSpy savedSpy(&dlg, &app::ReportDialog::saved);
    QTest::mouseClick(dlg.saveButton(), Qt::LeftButton);
    BOOST_REQUIRE(savedSpy.count() == 1 || savedSpy.wait(60000));
    BOOST_TEST(savedSpy.first().at(0).toBool(), savedSpy.first().at(1).toString().toStdString());
    BOOST_TEST(QFileInfo(pdf).size() > 1000);
    BOOST_TEST(readAll(pdf).startsWith("%PDF"));

    // CSV: choosing the format changes the extension; the owner names are written in UTF-8.
    dlg.formatCombo()->setCurrentIndex(dlg.formatCombo()->findData(QStringLiteral("csv")));
    const QString csv = dlg.pathEdit()->text();
    BOOST_TEST(csv.endsWith(QStringLiteral("so_muc_ke.csv")));
    QTest::mouseClick(dlg.saveButton(), Qt::LeftButton);
    BOOST_REQUIRE(savedSpy.count() == 2 || savedSpy.wait(60000));
    BOOST_TEST(savedSpy.last().at(0).toBool(), savedSpy.last().at(1).toString().toStdString());
    const QByteArray bytes = readAll(csv);
    BOOST_TEST(bytes.contains(QStringLiteral("Chủ thửa 12").toUtf8()));
    BOOST_TEST(dlg.statusLabel()->text().contains(csv));

    // XLSX through the report-writer plugin (a zip container).
    dlg.formatCombo()->setCurrentIndex(dlg.formatCombo()->findData(QStringLiteral("xlsx")));
    const QString xlsx = dlg.pathEdit()->text();
    BOOST_TEST(xlsx.endsWith(QStringLiteral("so_muc_ke.xlsx")));
    QTest::mouseClick(dlg.saveButton(), Qt::LeftButton);
    BOOST_REQUIRE(savedSpy.count() == 3 || savedSpy.wait(60000));
    BOOST_TEST(savedSpy.last().at(0).toBool(), savedSpy.last().at(1).toString().toStdString());
    BOOST_TEST(readAll(xlsx).startsWith("PK"));
}

BOOST_FIXTURE_TEST_CASE(extract_of_selected_parcels, ProjectFixture)
{
    app::ReportDialog dlg(QString::fromStdString(path), app::ReportKind::Extract, {{5, 3}, {5, 6}});
    BOOST_REQUIRE(waitIdle(dlg));
    // One vertex table per parcel, four corners each (rectangles).
    BOOST_REQUIRE_EQUAL(dlg.tables().size(), 2);
    BOOST_TEST(dlg.previewTable(0)->rowCount() >= 4);
    const QString pdf = QString::fromStdString(tmp.file("trich_luc.pdf"));
    dlg.pathEdit()->setText(pdf);
    QSignalSpy savedSpy(&dlg, &app::ReportDialog::saved);
    QTest::mouseClick(dlg.saveButton(), Qt::LeftButton);
    BOOST_REQUIRE(savedSpy.count() == 1 || savedSpy.wait(60000));
    BOOST_TEST(savedSpy.first().at(0).toBool(), savedSpy.first().at(1).toString().toStdString());
    BOOST_TEST(QFileInfo(pdf).size() > 1000);
}

BOOST_FIXTURE_TEST_CASE(validation_report_of_a_clean_project, ProjectFixture)
{
    app::ReportDialog dlg(QString::fromStdString(path), app::ReportKind::Validation);
    BOOST_REQUIRE(waitIdle(dlg));
    // The project has the validation_issue table but no issue in it.
    BOOST_REQUIRE_EQUAL(dlg.tables().size(), 1);
    BOOST_TEST(dlg.previewTable(0)->rowCount() == 0);
    // Exactly the total line, no per-rule lines.
    BOOST_TEST(dlg.tables().first().footerLines == QStringList{QStringLiteral("Tổng số lỗi: 0")},
               dlg.tables().first().footerLines.join(QLatin1Char('|')).toStdString());
    BOOST_TEST(dlg.saveButton()->isEnabled());
}

BOOST_FIXTURE_TEST_CASE(menus_reach_the_dialogs, ProjectFixture)
{
    app::MainWindow w;
    QMenu *reports = w.menuBar()->findChild<QMenu *>(QStringLiteral("reportsMenu"));
    BOOST_REQUIRE(reports);
    BOOST_TEST(!reports->isEnabled());   // no project yet
    BOOST_REQUIRE(test::openAndWait(w, QString::fromStdString(path)));
    BOOST_TEST(reports->isEnabled());
    BOOST_TEST(reports->actions().size() == 5);
    // Each entry is one text of its own (not a title with "…" glued on).
    QStringList texts;
    for (QAction *a : reports->actions())
        texts << a->text();
    BOOST_TEST(texts == (QStringList{QStringLiteral("Parcel register…"), QStringLiteral("Summary table…"),
                                     QStringLiteral("Land statistics…"), QStringLiteral("Parcel extract…"),
                                     QStringLiteral("Validation report…")}),
               texts.join(QStringLiteral(" | ")).toStdString());
    BOOST_TEST(w.findChild<QAction *>(QStringLiteral("cogoAction")) != nullptr);
}

BOOST_FIXTURE_TEST_CASE(cogo_traverse_misclose_and_store, ProjectFixture)
{
    auto p = store::Project::open(path);
    app::CogoDialog dlg(*p);
    dlg.show();
    BOOST_TEST(!dlg.storeButton()->isEnabled());
    QTest::keyClicks(dlg.startNorthEdit(), QStringLiteral("2320000.000"));
    QTest::keyClicks(dlg.startEastEdit(), QStringLiteral("502000.000"));
    const char *legs[][3] = {{"B", "26-10-00", "285.10"},
                             {"C", "142-35-00", "610.45"},
                             {"D", "253-50-00", "720.48"},
                             {"A", "336-25-30", "451.03"}};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 3; ++c)
            typeIntoCell(dlg.legTable(), r, c, QString::fromLatin1(legs[r][c]));
    BOOST_TEST(dlg.legTable()->item(2, 1)->text() == QStringLiteral("253-50-00"));
    dlg.closingCombo()->setCurrentIndex(dlg.closingCombo()->findData(app::CogoDialog::CloseOnStart));

    // The same traverse through the core's file parser.
    const std::string text = "START A 2320000.000 502000.000\n"
                             "LEG B 26-10-00 285.10\nLEG C 142-35-00 610.45\nLEG D 253-50-00 720.48\n"
                             "LEG A 336-25-30 451.03\nCLOSE A\n";
    const auto parsed = survey::parseTraverse(text, "test");
    BOOST_REQUIRE(parsed.ok);
    const survey::TraverseResult core = survey::adjustTraverse(parsed.traverse);
    BOOST_REQUIRE(core.miscloseDistance > 0.01);

    const QRegularExpression f(QStringLiteral("f = ([0-9.]+) m"));
    const auto m = f.match(dlg.miscloseLabel()->text());
    BOOST_REQUIRE_MESSAGE(m.hasMatch(), dlg.miscloseLabel()->text().toStdString());
    BOOST_TEST(std::abs(m.captured(1).toDouble() - core.miscloseDistance) < 1e-4);
    BOOST_TEST(dlg.ratioLabel()->text() == QStringLiteral("1:%1").arg(qRound64(core.ratio)));
    BOOST_REQUIRE(dlg.result());
    BOOST_REQUIRE_EQUAL(dlg.resultTable()->rowCount(), int(core.adjusted.size()));
    BOOST_TEST(dlg.resultTable()->item(2, 1)->text() == QString::number(core.adjusted[2].north, 'f', 3));

    BOOST_REQUIRE(dlg.storeButton()->isEnabled());
    QSignalSpy storedSpy(&dlg, &app::CogoDialog::stored);
    QTest::mouseClick(dlg.storeButton(), Qt::LeftButton);
    BOOST_REQUIRE_EQUAL(storedSpy.count(), 1);
    p.reset();

    // The loop's closing point is the start: A, B, C, D stored once each.
    store::Database db(path, store::Database::Mode::ReadOnly);
    BOOST_TEST(db.queryInt("SELECT count(*) FROM survey_point").value_or(-1) == 4);
    BOOST_TEST(db.queryInt("SELECT count(*) FROM survey_line WHERE kind = 'traverse'").value_or(-1) == 4);
    const double cNorth = std::stod(db.queryText("SELECT x_north FROM survey_point WHERE name = 'C'").value_or("0"));
    const double cEast = std::stod(db.queryText("SELECT y_east FROM survey_point WHERE name = 'C'").value_or("0"));
    BOOST_TEST(std::abs(cNorth - core.adjusted[2].north) < 1e-6);
    BOOST_TEST(std::abs(cEast - core.adjusted[2].east) < 1e-6);
    // The adjusted point moved from the unadjusted one by the compass-rule share of the misclose.
    BOOST_TEST(std::abs(cNorth - core.unadjusted[2].north) > 1e-4);
}

BOOST_AUTO_TEST_CASE(cogo_rejects_unreadable_bearing)
{
    test::TempDir tmp;
    const std::string path = tmp.file("c.sqlite");
    test::TestProject{}.write(path);
    auto p = store::Project::open(path);
    app::CogoDialog dlg(*p);
    QTest::keyClicks(dlg.startNorthEdit(), QStringLiteral("1000"));
    QTest::keyClicks(dlg.startEastEdit(), QStringLiteral("2000"));
    typeIntoCell(dlg.legTable(), 0, 1, QStringLiteral("abc"));
    typeIntoCell(dlg.legTable(), 0, 2, QStringLiteral("100"));
    BOOST_TEST(!dlg.storeButton()->isEnabled());
    BOOST_TEST(dlg.statusLabel()->text().contains(QStringLiteral("abc")));
    typeIntoCell(dlg.legTable(), 0, 1, QStringLiteral("90-00-00"));
    BOOST_TEST(dlg.storeButton()->isEnabled());
    BOOST_REQUIRE(dlg.result());
    BOOST_TEST(std::abs(dlg.result()->adjusted.back().east - 2100.0) < 1e-9);
    BOOST_TEST(dlg.miscloseLabel()->text().contains(QStringLiteral("open traverse")));

    // Closing on a known point 5 cm further east: f = 0.05 m over 100 m, 1:2000.
    dlg.closingCombo()->setCurrentIndex(dlg.closingCombo()->findData(app::CogoDialog::CloseOnKnownPoint));
    BOOST_TEST(!dlg.storeButton()->isEnabled());   // closing coordinates missing
    QTest::keyClicks(dlg.closeNameEdit(), QStringLiteral("GPS2"));
    QTest::keyClicks(dlg.closeNorthEdit(), QStringLiteral("1000"));
    QTest::keyClicks(dlg.closeEastEdit(), QStringLiteral("2100,05"));   // decimal comma accepted
    BOOST_TEST(dlg.miscloseLabel()->text().startsWith(QStringLiteral("f = 0.0500 m")), dlg.miscloseLabel()->text().toStdString());
    BOOST_TEST(dlg.ratioLabel()->text() == QStringLiteral("1:2000"));
    BOOST_REQUIRE(dlg.result());
    BOOST_TEST(dlg.result()->adjusted.back().name == "GPS2");
    BOOST_TEST(std::abs(dlg.result()->adjusted.back().east - 2100.05) < 1e-9);
}

BOOST_FIXTURE_TEST_CASE(statistics_problems_are_shown_and_block_saving, ProjectFixture)
{
    {
        app::ReportDialog dlg(QString::fromStdString(path), app::ReportKind::Statistics);
        BOOST_REQUIRE(waitIdle(dlg));
        BOOST_TEST(dlg.problemsView()->isHidden());
        BOOST_REQUIRE_EQUAL(dlg.tables().size(), 1);
        BOOST_TEST(dlg.previewTable(0)->rowCount() > 10);
    }
    {
        // A land-use code outside the statistics list breaks NNP + PNN + CSD = unit total.
        store::Database db(path, store::Database::Mode::ReadWrite);
        db.exec("UPDATE parcel SET landuse_code = 'XYZ' WHERE thua_so = 1");
        db.exec("UPDATE parcel_landuse SET code = 'XYZ' WHERE parcel_id = (SELECT id FROM parcel WHERE thua_so = 1)");
    }
    app::ReportDialog dlg(QString::fromStdString(path), app::ReportKind::Statistics);
    dlg.show();
    BOOST_REQUIRE(waitIdle(dlg));
    BOOST_TEST(dlg.tables().isEmpty());
    BOOST_TEST(!dlg.problemsView()->isHidden());
    BOOST_TEST(dlg.problemsView()->toPlainText().contains(QStringLiteral("XYZ")));
    BOOST_TEST(!dlg.saveButton()->isEnabled());
}


BOOST_AUTO_TEST_CASE(vietnamese_menus_and_titles)
{
    auto *app = QCoreApplication::instance();
    BOOST_REQUIRE(app::installTranslations(*app, QStringLiteral("vi")));
    {
        app::MainWindow w;
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        BOOST_TEST(menus.contains(QStringLiteral("&Báo cáo")), menus.join(QLatin1Char(',')).toStdString());
        QMenu *reports = w.menuBar()->findChild<QMenu *>(QStringLiteral("reportsMenu"));
        BOOST_REQUIRE(reports);
        QStringList entries;
        for (QAction *a : reports->actions())
            entries << a->text();
        BOOST_TEST(entries == QStringList({QStringLiteral("Sổ mục kê đất đai…"), QStringLiteral("Bảng tổng hợp…"),
                                           QStringLiteral("Thống kê đất đai…"), QStringLiteral("Trích lục thửa đất…"),
                                           QStringLiteral("Báo cáo kiểm tra…")}),
                   entries.join(QLatin1Char(',')).toStdString());
        BOOST_TEST(w.findChild<QAction *>(QStringLiteral("cogoAction"))->text() == QStringLiteral("Đường chuyền &COGO…"));
    }
    for (QTranslator *t : app->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    QLocale::setDefault(QLocale::c());
}
