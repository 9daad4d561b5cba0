// Writes the editor test project through the core store API.
#include "editor_test_project.h"

#include "store/parcel_store.h"
#include "store/project.h"

#include <cstring>
#include <vector>

namespace vnland::test {
namespace {

void put32(std::vector<unsigned char> &b, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        b.push_back(static_cast<unsigned char>(v >> (8 * i)));
}

void putD(std::vector<unsigned char> &b, double d)
{
    unsigned char x[8];
    std::memcpy(x, &d, 8);
    b.insert(b.end(), x, x + 8);
}

std::vector<unsigned char> rectWkb(const QRectF &r)
{
    std::vector<unsigned char> b{1};
    put32(b, 3);
    put32(b, 1);
    put32(b, 5);
    const QPointF pts[] = {r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft(), r.topLeft()};
    for (const QPointF &p : pts) {
        putD(b, p.x());
        putD(b, p.y());
    }
    return b;
}

} // namespace

QRectF TestProject::parcelRect(int thua) const
{
    const int i = thua - 1, r = i / cols, c = i % cols;
    return QRectF(kOriginE + c * kW, kOriginN + r * kH, kW, kH);
}

void TestProject::write(const std::string &path) const
{
    auto project = store::Project::create(path, {});
    project->ensureCommune("07192", "Cô Tô");
    store::Transaction tx(project->db());
    store::ParcelWriter writer(*project);
    for (int t = 1; t <= rows * cols; ++t) {
        model::Parcel p;
        p.communeCode = "07192";
        p.toSo = 5;
        p.thuaSo = t;
        p.measuredArea = kW * kH;
        p.legalArea = 500.0;
        p.landuseCode = t % 2 == 0 ? "ONT" : "CLN";
        p.ownerName = "Chủ thửa " + std::to_string(t);
        p.address = "Thôn Thanh Ấm, xã Cô Tô";
        p.wkb = rectWkb(parcelRect(t));
        writer.insert(p);
    }
    store::Statement sheet(project->db(),
                           "INSERT INTO map_sheet(commune_code, to_so, scale, sheet_id, frame)"
                           " VALUES ('07192', 5, 1000, '2320-502-5', GeomFromWKB(?, ?))");
    const auto frame = rectWkb(QRectF(kOriginE - 10, kOriginN - 10, cols * kW + 20, rows * kH + 20));
    sheet.bindBlob(1, frame.data(), frame.size()).bind(2, project->srid());
    sheet.exec();
    tx.commit();
}

} // namespace vnland::test
