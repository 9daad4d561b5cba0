// Fill colours by land-use code (mã loại đất), read from the data file
// schemas/landuse_colors.csv embedded in the core library.
#pragma once

#include <QColor>
#include <QHash>
#include <QString>

namespace vnland::gui {

class LanduseColors {
public:
    /// Parses "code,fill,note" rows; "*road", "*waterway" and "*default" are fallbacks.
    static LanduseColors fromCsv(const std::string &text);
    /// The table shipped with the build (store::schemaResource("landuse_colors.csv")).
    static const LanduseColors &builtIn();

    QRgb fill(const QString &code, const QString &objectKind = QString()) const;
    int size() const { return int(m_byCode.size()); }

private:
    QHash<QString, QRgb> m_byCode;
    QRgb m_default = qRgb(242, 242, 242);
};

} // namespace vnland::gui
