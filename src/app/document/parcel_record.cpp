// Journal form of parcel records (JSON, geometry as base64 WKB).
#include "document/command_target.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace vnland::app {

namespace {

QJsonValue optJson(const std::optional<int> &v) { return v ? QJsonValue(*v) : QJsonValue(); }
QJsonValue optJson(const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(); }
QJsonValue optJson(const std::optional<std::string> &v) { return v ? QJsonValue(QString::fromStdString(*v)) : QJsonValue(); }
std::string str(const QJsonValue &v) { return v.toString().toStdString(); }
std::optional<int> optIntJ(const QJsonValue &v) { return v.isNull() || v.isUndefined() ? std::nullopt : std::optional<int>(v.toInt()); }
std::optional<double> optRealJ(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() ? std::nullopt : std::optional<double>(v.toDouble());
}

} // namespace

QJsonObject recordToJson(const ParcelRecord &r)
{
    QJsonObject o;
    o[QStringLiteral("exists")] = r.exists;
    if (!r.exists)
        return o;
    const model::Parcel &p = r.parcel;
    o[QStringLiteral("id")] = qint64(p.id);
    o[QStringLiteral("uuid")] = QString::fromStdString(p.uuid);
    o[QStringLiteral("kind")] = QString::fromStdString(p.objectKind);
    o[QStringLiteral("commune")] = QString::fromStdString(p.communeCode);
    o[QStringLiteral("to")] = optJson(p.toSo);
    o[QStringLiteral("thua")] = optJson(p.thuaSo);
    o[QStringLiteral("toCu")] = QString::fromStdString(p.toSoCu);
    o[QStringLiteral("thuaCu")] = QString::fromStdString(p.thuaSoCu);
    o[QStringLiteral("measured")] = optJson(p.measuredArea);
    o[QStringLiteral("legal")] = optJson(p.legalArea);
    o[QStringLiteral("code")] = QString::fromStdString(p.landuseCode);
    o[QStringLiteral("legalCode")] = QString::fromStdString(p.legalLanduseCode);
    o[QStringLiteral("userType")] = QString::fromStdString(p.userTypeCode);
    o[QStringLiteral("owner")] = QString::fromStdString(p.ownerName);
    o[QStringLiteral("address")] = QString::fromStdString(p.address);
    o[QStringLiteral("cert")] = optJson(p.certificateIssued);
    o[QStringLiteral("flags")] = QString::fromStdString(p.flags);
    o[QStringLiteral("begin")] = QString::fromStdString(p.beginTime);
    o[QStringLiteral("end")] = optJson(p.endTime);
    o[QStringLiteral("conflict")] = r.identityConflict;
    o[QStringLiteral("import")] = r.importId ? QJsonValue(qint64(*r.importId)) : QJsonValue();
    o[QStringLiteral("wkb")] = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(p.wkb.data()), qsizetype(p.wkb.size())).toBase64());
    QJsonArray uses;
    for (const auto &u : r.uses)
        uses.append(QJsonObject{{QStringLiteral("code"), QString::fromStdString(u.code)},
                                {QStringLiteral("area"), optJson(u.area)},
                                {QStringLiteral("main"), u.isMain}});
    o[QStringLiteral("uses")] = uses;
    return o;
}

ParcelRecord recordFromJson(const QJsonObject &o)
{
    ParcelRecord r;
    r.exists = o.value(QStringLiteral("exists")).toBool();
    if (!r.exists)
        return r;
    model::Parcel &p = r.parcel;
    p.id = o.value(QStringLiteral("id")).toInteger();
    p.uuid = str(o.value(QStringLiteral("uuid")));
    p.objectKind = str(o.value(QStringLiteral("kind")));
    p.communeCode = str(o.value(QStringLiteral("commune")));
    p.toSo = optIntJ(o.value(QStringLiteral("to")));
    p.thuaSo = optIntJ(o.value(QStringLiteral("thua")));
    p.toSoCu = str(o.value(QStringLiteral("toCu")));
    p.thuaSoCu = str(o.value(QStringLiteral("thuaCu")));
    p.measuredArea = optRealJ(o.value(QStringLiteral("measured")));
    p.legalArea = optRealJ(o.value(QStringLiteral("legal")));
    p.landuseCode = str(o.value(QStringLiteral("code")));
    p.legalLanduseCode = str(o.value(QStringLiteral("legalCode")));
    p.userTypeCode = str(o.value(QStringLiteral("userType")));
    p.ownerName = str(o.value(QStringLiteral("owner")));
    p.address = str(o.value(QStringLiteral("address")));
    p.certificateIssued = optIntJ(o.value(QStringLiteral("cert")));
    p.flags = str(o.value(QStringLiteral("flags")));
    p.beginTime = str(o.value(QStringLiteral("begin")));
    if (const QJsonValue e = o.value(QStringLiteral("end")); e.isString())
        p.endTime = str(e);
    r.identityConflict = o.value(QStringLiteral("conflict")).toInt();
    if (const QJsonValue i = o.value(QStringLiteral("import")); !i.isNull() && !i.isUndefined())
        r.importId = i.toInteger();
    const QByteArray wkb = QByteArray::fromBase64(o.value(QStringLiteral("wkb")).toString().toLatin1());
    p.wkb.assign(wkb.begin(), wkb.end());
    for (const QJsonValue &u : o.value(QStringLiteral("uses")).toArray())
        r.uses.push_back({str(u[QStringLiteral("code")]), optRealJ(u[QStringLiteral("area")]), u[QStringLiteral("main")].toInt()});
    return r;
}

bool sameRecord(const ParcelRecord &a, const ParcelRecord &b) { return recordToJson(a) == recordToJson(b); }

} // namespace vnland::app
