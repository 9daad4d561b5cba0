// Keeps the editor's translations complete and in the glossary's words: reads
// src/app/translations/vnland_editor_{vi,en}.ts (no display, no widgets), checks that every
// tr() text in src/app is in them and finished, that placeholders and accelerators survive,
// that the Vietnamese uses the terms of shared/reference/glossary.md, and that the compiled
// translations shipped in the editor answer at run time under the contexts the code uses.
#define BOOST_TEST_MODULE editor_translations
#include <boost/test/unit_test.hpp>

#include "test_support.h"
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <filesystem>
#include <map>
#include <vector>

namespace {

struct Message {
    QString context;
    QString source;
    QString type;            // the translation's type attribute ("unfinished", "vanished", …)
    QStringList translations; // one entry, or one per numerus form
    bool numerus = false;
};

QString appDir() { return QString::fromStdString(vnland::test::sampleDir()) + QStringLiteral("/../src/app"); }
QString tsPath(const char *lang) { return appDir() + QStringLiteral("/translations/vnland_editor_%1.ts").arg(QLatin1String(lang)); }

std::vector<Message> readTs(const QString &path, QString *language)
{
    QFile f(path);
    BOOST_REQUIRE_MESSAGE(f.open(QIODevice::ReadOnly), "cannot open " << path.toStdString());
    QXmlStreamReader xml(&f);
    std::vector<Message> out;
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            out.push_back(m);
        } else if (xml.name() == QLatin1String("source") && !out.empty()) {
            out.back().source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && !out.empty()) {
            out.back().type = xml.attributes().value(QLatin1String("type")).toString();
            if (!out.back().numerus)
                out.back().translations << xml.readElementText();
        } else if (xml.name() == QLatin1String("numerusform") && !out.empty()) {
            out.back().translations << xml.readElementText();
        }
    }
    BOOST_REQUIRE_MESSAGE(!xml.hasError(), path.toStdString() << ": " << xml.errorString().toStdString() << " at line "
                                                               << xml.lineNumber());
    return out;
}

std::string where(const Message &m) { return m.context.toStdString() + " \"" + m.source.toStdString() + "\""; }

std::string placeholders(const QString &s)
{
    QStringList out;
    static const QRegularExpression re(QStringLiteral("%(?:n|L?\\d{1,2})"));
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured();
    out.sort();
    return out.join(QLatin1Char(' ')).toStdString();
}

int accelerators(QString s) { return int(s.remove(QStringLiteral("&&")).count(QLatin1Char('&'))); }

std::string tags(const QString &s)
{
    QStringList out;
    static const QRegularExpression re(QStringLiteral("</?[a-zA-Z]+"));
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured();
    out.sort();
    return out.join(QLatin1Char(' ')).toStdString();
}

/// The texts passed as string literals to tr(…) and QCoreApplication::translate(ctx, …) in @p code
/// (adjacent literals joined, C escapes decoded). Calls with a computed text are skipped.
QStringList trLiterals(const QByteArray &code)
{
    QStringList out;
    auto skipSpace = [&](qsizetype i) {
        while (i < code.size() && QChar::isSpace(uchar(code[i])))
            ++i;
        return i;
    };
    // Reads "…" "…" starting at i (after spaces); returns the end position or -1 if no literal.
    auto literals = [&](qsizetype i, QByteArray *text) -> qsizetype {
        bool any = false;
        for (i = skipSpace(i); i < code.size() && code[i] == '"'; i = skipSpace(i)) {
            any = true;
            for (++i; i < code.size() && code[i] != '"'; ++i) {
                if (code[i] != '\\') {
                    text->append(code[i]);
                    continue;
                }
                const char e = code[++i];
                text->append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            }
            ++i;
        }
        return any ? i : -1;
    };
    static const QRegularExpression call(QStringLiteral("(?<![A-Za-z0-9_])(tr|translate)\\s*\\("));
    const QString asText = QString::fromLatin1(code); // byte offsets == char offsets in Latin-1
    for (auto it = call.globalMatch(asText); it.hasNext();) {
        const auto m = it.next();
        qsizetype i = m.capturedEnd();
        QByteArray text;
        if (m.captured(1) == QLatin1String("translate")) {
            QByteArray ctx;
            i = literals(i, &ctx);
            if (i < 0 || code.at(skipSpace(i)) != ',')
                continue;
            i = skipSpace(i) + 1;
        }
        if (literals(i, &text) >= 0)
            out << QString::fromUtf8(text);
    }
    return out;
}

struct Translations {
    std::vector<Message> vi, en;
    QString viLanguage, enLanguage;
    Translations()
    {
        vi = readTs(tsPath("vi"), &viLanguage);
        en = readTs(tsPath("en"), &enLanguage);
    }
    /// The Vietnamese text of @p source in @p context (first form); empty when absent.
    QString vietnamese(const QString &context, const QString &source) const
    {
        for (const Message &m : vi)
            if (m.context == context && m.source == source)
                return m.translations.value(0);
        return {};
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(translations, Translations)

BOOST_AUTO_TEST_CASE(both_files_are_read_with_their_language)
{
    BOOST_TEST(viLanguage.toStdString() == "vi_VN");
    BOOST_TEST(enLanguage.toStdString() == "en_US");
    BOOST_TEST(vi.size() > 400u);
    BOOST_TEST(vi.size() == en.size());
}

BOOST_AUTO_TEST_CASE(every_message_is_finished_and_not_empty)
{
    for (const auto *file : {&vi, &en}) {
        for (const Message &m : *file) {
            BOOST_TEST_CONTEXT((file == &vi ? "vi " : "en ") << where(m))
            {
                BOOST_TEST(m.type.isEmpty(), "translation type=\"" << m.type.toStdString() << "\" (run lupdate, translate)");
                BOOST_TEST(!m.translations.isEmpty());
                for (const QString &t : m.translations)
                    BOOST_TEST(!t.trimmed().isEmpty());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(placeholders_accelerators_and_tags_survive)
{
    for (const auto *file : {&vi, &en}) {
        for (const Message &m : *file) {
            for (const QString &t : m.translations) {
                BOOST_TEST_CONTEXT((file == &vi ? "vi " : "en ") << where(m) << " -> \"" << t.toStdString() << "\"")
                {
                    BOOST_TEST(placeholders(t) == placeholders(m.source));
                    BOOST_TEST(accelerators(t) == accelerators(m.source));
                    BOOST_TEST(tags(t) == tags(m.source));
                }
            }
        }
    }
    // Vietnamese has one plural form, English two.
    for (const Message &m : vi)
        if (m.numerus)
            BOOST_TEST(m.translations.size() == 1, where(m));
    for (const Message &m : en)
        if (m.numerus)
            BOOST_TEST(m.translations.size() == 2, where(m));
}

BOOST_AUTO_TEST_CASE(every_tr_text_in_the_editor_sources_is_in_the_files)
{
    QSet<QString> inVi, inEn;
    for (const Message &m : vi)
        inVi.insert(m.source);
    for (const Message &m : en)
        inEn.insert(m.source);
    const std::vector<std::string> files = vnland::test::projectSources({"src/app", "src/gui"});
    BOOST_REQUIRE(files.size() > 40);
    int found = 0;
    for (const std::string &path : files) {
        const QString name = QString::fromStdString(path);
        QFile f(name);
        BOOST_REQUIRE(f.open(QIODevice::ReadOnly));
        for (const QString &text : trLiterals(f.readAll())) {
            ++found;
            BOOST_TEST(inVi.contains(text), name.toStdString() << ": \"" << text.toStdString()
                                                               << "\" is not in vnland_editor_vi.ts (run the lupdate target)");
            BOOST_TEST(inEn.contains(text), name.toStdString() << ": \"" << text.toStdString()
                                                               << "\" is not in vnland_editor_en.ts (run the lupdate target)");
        }
    }
    BOOST_TEST(found > 400);
}

BOOST_AUTO_TEST_CASE(vietnamese_uses_the_glossary_terms)
{
    const std::pair<const char *, const char *> expected[] = {
        {"ParcelTableModel|Land user", "Chủ sử dụng"},
        {"ParcelTableModel|Land-use code", "Mã loại đất"},
        {"ParcelTableModel|Legal area (m²)", "Diện tích pháp lý"},
        {"MainWindow|Parcels", "Thửa đất"},
        {"MainWindow|Map sheet frames", "tờ bản đồ"},
        {"MainWindow|&Georeference scanned map…", "Nắn bản đồ quét"},
        {"DigitizeActions|&Digitize", "Số &hóa"},
        {"GeorefWindow|Load ground control points", "điểm khống chế"},
        {"GeorefWindow|Map sheet:", "Số hiệu mảnh"},
        {"GeorefWindow|Projective", "Xạ ảnh"},
        {"GeorefWindow|Detect grid crosses", "mắt lưới"},
        {"GeorefWindow|Mean error %1 m (%2 px), largest %3 m, %4 points", "Sai số trung phương"},
        {"GeorefWindow| — tolerance %1 m: %2", "hạn sai"},
        {"vnland::gui::GcpTableModel|Residual (m)", "Sai số"},
        {"ValidationPanel|Fix issue", "Sửa lỗi"},
        {"DigitizeTools|Merge parcels", "Hợp thửa"},
        {"vnland::app|Split parcel", "Tách thửa"},
    };
    for (const auto &row : expected) {
        const QString key = QString::fromUtf8(row.first);
        const QString context = key.section(QLatin1Char('|'), 0, 0);
        const QString fullContext = context.startsWith(QLatin1String("vnland::")) ? context : QStringLiteral("vnland::app::") + context;
        const QString text = vietnamese(fullContext, key.section(QLatin1Char('|'), 1));
        BOOST_TEST(text.contains(QString::fromUtf8(row.second)), key.toStdString() << " -> \"" << text.toStdString() << "\"");
    }
    // Words the glossary replaces (other words for the same concept, or the old tone placement).
    static const QRegularExpression avoid(
        QStringLiteral("\\b(lô đất|mảnh đất|chủ sở hữu|điểm kiểm soát|tham chiếu địa lý|tỉ lệ|toạ|hoá|xoá|huỷ|thoả)\\b"),
        QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::CaseInsensitiveOption);
    for (const Message &m : vi)
        for (QString t : m.translations)
            BOOST_TEST(!t.remove(QLatin1Char('&')).contains(avoid), where(m) << " -> \"" << t.toStdString() << "\"");
}

BOOST_AUTO_TEST_CASE(compiled_translations_answer_under_the_runtime_contexts)
{
    int argc = 1;
    char arg0[] = "test_translations";
    char *argv[] = {arg0, nullptr};
    QCoreApplication app(argc, argv);
    BOOST_REQUIRE(vnland::app::installTranslations(app, QStringLiteral("vi")));
    auto tr = [](const char *context, const char *text, int n = -1) {
        return QCoreApplication::translate(context, text, nullptr, n).toStdString();
    };
    BOOST_TEST(tr("vnland::app::MainWindow", "&Georeference scanned map…") == "&Nắn bản đồ quét…");
    BOOST_TEST(tr("vnland::gui::GcpTableModel", "Residual (m)") == "Sai số (m)");
    BOOST_TEST(tr("vnland::app::ValidationPanel", "%n issue(s) on %1 parcel(s) examined in %2 s.", 3) ==
               "3 lỗi trên %1 thửa đã kiểm tra trong %2 giây.");
    BOOST_TEST(tr("vnland::app::ValidationPanel", "%1 %n of them accepted as exception(s).", 2) ==
               "%1 Trong đó 2 lỗi được chấp nhận là ngoại lệ.");
    // parcel_edits.cpp looks its texts up under vnland::app, the context lupdate files them under.
    BOOST_TEST(tr("vnland::app", "Add parcel") == "Thêm thửa");
    BOOST_TEST(tr("vnland::app", "Delete %n parcel(s)", 2) == "Xóa 2 thửa");
    BOOST_TEST(tr("vnland::gui::RasterLayer", "the file has no raster bands") == "tệp không có kênh ảnh nào");
}

BOOST_AUTO_TEST_SUITE_END()
