// Land-use colour table.
#include "gui/landuse_colors.h"

#include "store/reference_data.h"

namespace vnland::gui {

LanduseColors LanduseColors::fromCsv(const std::string &text)
{
    LanduseColors t;
    const auto rows = store::parseCsv(text);
    for (size_t i = 1; i < rows.size(); ++i) {
        if (rows[i].size() < 2)
            continue;
        const QColor c(QString::fromStdString(rows[i][1]).trimmed());
        if (!c.isValid())
            continue;
        const QString code = QString::fromStdString(rows[i][0]).trimmed().toUpper();
        if (code == QLatin1String("*DEFAULT"))
            t.m_default = c.rgb();
        else
            t.m_byCode.insert(code, c.rgb());
    }
    return t;
}

const LanduseColors &LanduseColors::builtIn()
{
    static const LanduseColors table = fromCsv(store::schemaResource("landuse_colors.csv"));
    return table;
}

QRgb LanduseColors::fill(const QString &code, const QString &objectKind) const
{
    if (!code.isEmpty()) {
        auto it = m_byCode.constFind(code.toUpper());
        if (it != m_byCode.constEnd())
            return *it;
    }
    if (!objectKind.isEmpty() && objectKind != QLatin1String("parcel")) {
        auto it = m_byCode.constFind(QLatin1Char('*') + objectKind.toUpper());
        if (it != m_byCode.constEnd())
            return *it;
    }
    return m_default;
}

} // namespace vnland::gui
