#include "csv_exporter.h"

#include "store/parcel_store.h"
#include "store/project.h"

#include <QFile>
#include <QSaveFile>

namespace vnland::plugins {
namespace {

QByteArray csvField(const std::string &s)
{
    QByteArray b = QByteArray::fromStdString(s);
    if (b.contains(',') || b.contains('"') || b.contains('\n') || b.contains('\r')) {
        b.replace("\"", "\"\"");
        b = '"' + b + '"';
    }
    return b;
}

QByteArray number(const std::optional<double> &v)
{
    return v ? QByteArray::number(*v, 'f', 1) : QByteArray();
}

QByteArray integer(const std::optional<int> &v) { return v ? QByteArray::number(*v) : QByteArray(); }

} // namespace

bool CsvExporter::exportProject(store::Project &project, const QString &outPath, const plugin::ExportOptions &options,
                                QString *error)
{
    QSaveFile f(outPath);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = outPath + QStringLiteral(": cannot write (") + f.errorString() + QLatin1Char(')');
        return false;
    }
    f.write("\xEF\xBB\xBF"); // BOM: Excel then reads UTF-8
    f.write("uuid,object_kind,commune_code,to_so,thua_so,to_so_cu,thua_so_cu,measured_area,legal_area,"
            "landuse_code,user_type_code,owner_name,address,certificate_issued,flags,begin_time,end_time\r\n");
    store::ParcelFilter filter;
    filter.communeCode = options.communeCode.toStdString();
    filter.includeHistory = options.includeHistory;
    store::forEachParcel(project, filter, [&](const model::Parcel &p) {
        QByteArrayList row{csvField(p.uuid),
                           csvField(p.objectKind),
                           csvField(p.communeCode),
                           integer(p.toSo),
                           integer(p.thuaSo),
                           csvField(p.toSoCu),
                           csvField(p.thuaSoCu),
                           number(p.measuredArea),
                           number(p.legalArea),
                           csvField(p.landuseCode),
                           csvField(p.userTypeCode),
                           csvField(p.ownerName),
                           csvField(p.address),
                           integer(p.certificateIssued),
                           csvField(p.flags),
                           csvField(p.beginTime),
                           csvField(p.endTime.value_or(""))};
        f.write(row.join(',') + "\r\n");
        return true;
    });
    if (!f.commit()) {
        *error = outPath + QStringLiteral(": cannot write (") + f.errorString() + QLatin1Char(')');
        return false;
    }
    return true;
}

} // namespace vnland::plugins
