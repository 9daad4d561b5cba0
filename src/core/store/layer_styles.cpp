#include "store/layer_styles.h"

#include "store/database.h"
#include "store/reference_data.h"

#include <QColor>
#include <QString>
#include <QXmlStreamWriter>

namespace vnland::store {

namespace {

/// Bump when the styles change: projects with an older VNLand style get the new one.
constexpr const char *kStyleVersion = "vnland-style-1";
constexpr const char *kStyleName = "VNLand";

QString rgba(const QColor &c) { return QStringLiteral("%1,%2,%3,%4").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha()); }

void option(QXmlStreamWriter &w, const char *name, const QString &value)
{
    w.writeStartElement(QStringLiteral("Option"));
    w.writeAttribute(QStringLiteral("name"), QString::fromLatin1(name));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("QString"));
    w.writeAttribute(QStringLiteral("value"), value);
    w.writeEndElement();
}

void fillSymbol(QXmlStreamWriter &w, const QString &name, const QColor &fill, const QColor &outline, double outlineMm)
{
    w.writeStartElement(QStringLiteral("symbol"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("fill"));
    w.writeAttribute(QStringLiteral("name"), name);
    w.writeAttribute(QStringLiteral("alpha"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("clip_to_extent"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("force_rhr"), QStringLiteral("0"));
    w.writeStartElement(QStringLiteral("layer"));
    w.writeAttribute(QStringLiteral("class"), QStringLiteral("SimpleFill"));
    w.writeAttribute(QStringLiteral("enabled"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("pass"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("locked"), QStringLiteral("0"));
    w.writeStartElement(QStringLiteral("Option"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("Map"));
    option(w, "color", rgba(fill));
    option(w, "style", fill.alpha() == 0 ? QStringLiteral("no") : QStringLiteral("solid"));
    option(w, "outline_color", rgba(outline));
    option(w, "outline_style", QStringLiteral("solid"));
    option(w, "outline_width", QString::number(outlineMm));
    option(w, "outline_width_unit", QStringLiteral("MM"));
    option(w, "joinstyle", QStringLiteral("miter"));
    w.writeEndElement();   // Option
    w.writeEndElement();   // layer
    w.writeEndElement();   // symbol
}

void labeling(QXmlStreamWriter &w, const QString &expression, double sizePt, int placement)
{
    w.writeStartElement(QStringLiteral("labeling"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("simple"));
    w.writeStartElement(QStringLiteral("settings"));
    w.writeAttribute(QStringLiteral("calloutType"), QStringLiteral("simple"));
    w.writeStartElement(QStringLiteral("text-style"));
    w.writeAttribute(QStringLiteral("fieldName"), expression);
    w.writeAttribute(QStringLiteral("isExpression"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("fontFamily"), QStringLiteral("DejaVu Sans"));
    w.writeAttribute(QStringLiteral("fontSize"), QString::number(sizePt));
    w.writeAttribute(QStringLiteral("fontSizeUnit"), QStringLiteral("Point"));
    w.writeAttribute(QStringLiteral("textColor"), QStringLiteral("0,0,0,255"));
    w.writeAttribute(QStringLiteral("multilineHeight"), QStringLiteral("1"));
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("text-format"));
    w.writeAttribute(QStringLiteral("multilineAlign"), QStringLiteral("1"));   // centre
    w.writeAttribute(QStringLiteral("wrapChar"), QString());
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("placement"));
    w.writeAttribute(QStringLiteral("placement"), QString::number(placement));
    w.writeAttribute(QStringLiteral("centroidInside"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("fitInPolygonOnly"), QStringLiteral("0"));
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("rendering"));
    w.writeAttribute(QStringLiteral("obstacle"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("displayAll"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("scaleVisibility"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("scaleMin"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("scaleMax"), QStringLiteral("5000"));   // labels from 1:5000 in
    w.writeEndElement();
    w.writeEndElement();   // settings
    w.writeEndElement();   // labeling
}

std::string finish(QString &out) { return out.toStdString(); }

QXmlStreamWriter *begin(QString &out)
{
    auto *w = new QXmlStreamWriter(&out);
    w->setAutoFormatting(true);
    w->writeDTD(QStringLiteral("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"));
    w->writeStartElement(QStringLiteral("qgis"));
    w->writeAttribute(QStringLiteral("version"), QStringLiteral("3.28.0"));
    w->writeAttribute(QStringLiteral("styleCategories"), QStringLiteral("Symbology|Labeling"));
    w->writeAttribute(QStringLiteral("labelsEnabled"), QStringLiteral("1"));
    return w;
}

} // namespace

std::string parcelStyleQml()
{
    QString out;
    std::unique_ptr<QXmlStreamWriter> w(begin(out));
    w->writeStartElement(QStringLiteral("renderer-v2"));
    w->writeAttribute(QStringLiteral("type"), QStringLiteral("categorizedSymbol"));
    w->writeAttribute(QStringLiteral("attr"), QStringLiteral("landuse_code"));
    w->writeAttribute(QStringLiteral("symbollevels"), QStringLiteral("0"));
    w->writeAttribute(QStringLiteral("enableorderby"), QStringLiteral("0"));
    w->writeAttribute(QStringLiteral("forceraster"), QStringLiteral("0"));
    struct Cat {
        QString code, label;
        QColor fill;
    };
    std::vector<Cat> cats;
    const auto rows = parseCsv(schemaResource("landuse_colors.csv"));
    const auto &codes = landuseCodes();
    for (size_t i = 1; i < rows.size(); ++i) {   // row 0: header
        if (rows[i].size() < 2 || !QColor::isValidColorName(QString::fromStdString(rows[i][1])))
            continue;
        const auto it = codes.find(rows[i][0]);
        const QString code = QString::fromStdString(rows[i][0]);
        cats.push_back({code, it == codes.end() ? code : code + QStringLiteral(" – ") + QString::fromStdString(it->second.nameVi),
                        QColor::fromString(QString::fromStdString(rows[i][1]))});
    }
    w->writeStartElement(QStringLiteral("categories"));
    for (size_t i = 0; i < cats.size(); ++i) {
        w->writeStartElement(QStringLiteral("category"));
        w->writeAttribute(QStringLiteral("symbol"), QString::number(i));
        w->writeAttribute(QStringLiteral("value"), cats[i].code);
        w->writeAttribute(QStringLiteral("label"), cats[i].label);
        w->writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
        w->writeEndElement();
    }
    // The empty value is QGIS's "all other values": a code without a colour.
    w->writeStartElement(QStringLiteral("category"));
    w->writeAttribute(QStringLiteral("symbol"), QString::number(cats.size()));
    w->writeAttribute(QStringLiteral("value"), QString());
    w->writeAttribute(QStringLiteral("label"), QStringLiteral("Mã khác / other codes"));
    w->writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
    w->writeEndElement();
    w->writeEndElement();   // categories
    w->writeStartElement(QStringLiteral("symbols"));
    for (size_t i = 0; i < cats.size(); ++i)
        fillSymbol(*w, QString::number(i), cats[i].fill, QColor(60, 60, 60), 0.2);
    fillSymbol(*w, QString::number(cats.size()), QColor(235, 235, 235), QColor(60, 60, 60), 0.2);
    w->writeEndElement();   // symbols
    w->writeEndElement();   // renderer-v2
    // The cadastral label: the thửa number over the area, the land-use code beside the number.
    labeling(*w,
             QStringLiteral("coalesce(\"landuse_code\" || ' ', '') || coalesce(to_string(\"thua_so\"), '?') || '\\n' || "
                            "coalesce(format_number(coalesce(\"legal_area\", \"measured_area\"), 1), '')"),
             7, 1);
    w->writeEndElement();   // qgis
    w->writeEndDocument();
    return finish(out);
}

std::string sheetStyleQml()
{
    QString out;
    std::unique_ptr<QXmlStreamWriter> w(begin(out));
    w->writeStartElement(QStringLiteral("renderer-v2"));
    w->writeAttribute(QStringLiteral("type"), QStringLiteral("singleSymbol"));
    w->writeAttribute(QStringLiteral("symbollevels"), QStringLiteral("0"));
    w->writeAttribute(QStringLiteral("forceraster"), QStringLiteral("0"));
    w->writeStartElement(QStringLiteral("symbols"));
    fillSymbol(*w, QStringLiteral("0"), QColor(0, 0, 0, 0), QColor(200, 0, 0), 0.5);
    w->writeEndElement();
    w->writeEndElement();
    labeling(*w, QStringLiteral("'Tờ ' || \"to_so\" || coalesce(' (' || \"sheet_id\" || ')', '')"), 10, 1);
    w->writeEndElement();
    w->writeEndDocument();
    return finish(out);
}

void writeLayerStyles(Database &db)
{
    struct Layer {
        const char *table, *column;
        std::string qml;
    };
    const Layer layers[] = {{"parcel", "geom", parcelStyleQml()}, {"map_sheet", "frame", sheetStyleQml()}};
    for (const Layer &l : layers) {
        {
            Statement del(db, "DELETE FROM layer_styles WHERE f_table_name = ? AND f_geometry_column = ? AND styleName = ?");
            del.bind(1, l.table).bind(2, l.column).bind(3, kStyleName);
            del.step();
        }
        // Default unless the user saved a default of their own from QGIS.
        Statement own(db, "SELECT count(*) FROM layer_styles WHERE f_table_name = ? AND f_geometry_column = ? AND useAsDefault");
        own.bind(1, l.table).bind(2, l.column);
        const bool userDefault = own.step() && own.integer(0) > 0;
        Statement ins(db, "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName,"
                          " styleQML, styleSLD, useAsDefault, description, owner, ui)"
                          " VALUES ('', '', ?, ?, ?, ?, '', ?, ?, 'vnland', NULL)");
        ins.bind(1, l.table).bind(2, l.column).bind(3, kStyleName).bind(4, l.qml).bind(5, userDefault ? 0 : 1)
            .bind(6, std::string("Land-use colours and thửa labels, as in the VNLand editor (") + kStyleVersion + ")");
        ins.step();
    }
}

} // namespace vnland::store
