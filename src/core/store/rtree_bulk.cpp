// R*Tree node format (sqlite ext/rtree/rtree.c): every node is one BLOB of
// iNodeSize bytes in %_node(nodeno, data): a 2-byte big-endian tree depth (root
// only), a 2-byte cell count, then cells of an 8-byte big-endian id (row id in
// leaves, child node number above) and the float32 big-endian coordinates
// minX maxX minY maxY. The root is node 1. %_rowid maps row id -> leaf node,
// %_parent maps node -> parent node. Coordinates are rounded outwards to float.
#include "store/rtree_bulk.h"

#include "store/database.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace vnland::store {
namespace {

float roundDown(double v)
{
    float f = static_cast<float>(v);
    if (static_cast<double>(f) > v)
        f = std::nextafter(f, -INFINITY);
    return f;
}

float roundUp(double v)
{
    float f = static_cast<float>(v);
    if (static_cast<double>(f) < v)
        f = std::nextafter(f, INFINITY);
    return f;
}

struct Box {
    int64_t id; // row id (leaf level) or child node index (upper levels)
    float minX, maxX, minY, maxY;
};

void put16(unsigned char *p, unsigned v)
{
    p[0] = static_cast<unsigned char>(v >> 8);
    p[1] = static_cast<unsigned char>(v);
}

void put64(unsigned char *p, uint64_t v)
{
    for (int i = 7; i >= 0; --i) {
        p[i] = static_cast<unsigned char>(v);
        v >>= 8;
    }
}

void putFloat(unsigned char *p, float f)
{
    uint32_t u;
    std::memcpy(&u, &f, 4);
    p[0] = static_cast<unsigned char>(u >> 24);
    p[1] = static_cast<unsigned char>(u >> 16);
    p[2] = static_cast<unsigned char>(u >> 8);
    p[3] = static_cast<unsigned char>(u);
}

/// Groups @p boxes into nodes of at most @p maxCells by STR; returns the groups.
std::vector<std::vector<Box>> strPack(std::vector<Box> boxes, size_t maxCells)
{
    const size_t n = boxes.size();
    const size_t leaves = (n + maxCells - 1) / maxCells;
    const size_t slices = static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(leaves))));
    const size_t perSlice = slices * maxCells;
    std::sort(boxes.begin(), boxes.end(),
              [](const Box &a, const Box &b) { return a.minX + a.maxX < b.minX + b.maxX; });
    std::vector<std::vector<Box>> groups;
    for (size_t s = 0; s < n; s += perSlice) {
        const size_t e = std::min(n, s + perSlice);
        std::sort(boxes.begin() + s, boxes.begin() + e,
                  [](const Box &a, const Box &b) { return a.minY + a.maxY < b.minY + b.maxY; });
        for (size_t i = s; i < e; i += maxCells)
            groups.emplace_back(boxes.begin() + i, boxes.begin() + std::min(e, i + maxCells));
    }
    return groups;
}

} // namespace

void bulkLoadRtree(Database &db, const std::string &name, std::vector<RtreeEntry> entries)
{
    // Shadow table names come from our own schema, never from user input.
    const std::string nodeTable = "\"" + name + "_node\"", rowidTable = "\"" + name + "_rowid\"",
                      parentTable = "\"" + name + "_parent\"";
    const bool empty = db.queryInt("SELECT count(*) FROM " + rowidTable).value_or(0) == 0;
    if (!empty || entries.empty()) {
        Statement ins(db, "INSERT INTO \"" + name + "\" VALUES (?, ?, ?, ?, ?)");
        for (const RtreeEntry &e : entries)
            ins.bind(1, e.id).bind(2, e.minX).bind(3, e.maxX).bind(4, e.minY).bind(5, e.maxY).exec();
        return;
    }
    int rootSize = 0;
    {
        Statement st(db, "SELECT data FROM " + nodeTable + " WHERE nodeno = 1");
        if (!st.step())
            throw DbError(db.path() + ": R*Tree " + name + " has no root node");
        st.blobData(0, &rootSize);
    }
    const size_t nodeSize = static_cast<size_t>(rootSize);
    const size_t cellSize = 8 + 4 * 4;
    const size_t maxCells = (nodeSize - 4) / cellSize;
    if (maxCells < 4)
        throw DbError(db.path() + ": unexpected R*Tree node size in " + name);

    std::vector<Box> level;
    level.reserve(entries.size());
    for (const RtreeEntry &e : entries)
        level.push_back({e.id, roundDown(e.minX), roundUp(e.maxX), roundDown(e.minY), roundUp(e.maxY)});
    entries.clear();

    // Build the levels bottom-up; nodes get provisional numbers in creation order.
    struct Node {
        std::vector<Box> cells;
        int depth;
    };
    std::vector<Node> nodes;
    int depth = 0;
    while (true) {
        auto groups = strPack(std::move(level), maxCells);
        level.clear();
        for (auto &g : groups) {
            Box b{static_cast<int64_t>(nodes.size()), g[0].minX, g[0].maxX, g[0].minY, g[0].maxY};
            for (const Box &c : g) {
                b.minX = std::min(b.minX, c.minX);
                b.maxX = std::max(b.maxX, c.maxX);
                b.minY = std::min(b.minY, c.minY);
                b.maxY = std::max(b.maxY, c.maxY);
            }
            nodes.push_back({std::move(g), depth});
            level.push_back(b);
        }
        if (level.size() == 1)
            break;
        ++depth;
    }
    // The root (last node) becomes node 1; the others follow from 2.
    const size_t rootIndex = nodes.size() - 1;
    const auto nodeNo = [&](size_t index) -> int64_t {
        return index == rootIndex ? 1 : static_cast<int64_t>(index) + 2;
    };

    Statement putNode(db, "INSERT OR REPLACE INTO " + nodeTable + "(nodeno, data) VALUES (?, ?)");
    Statement putRowid(db, "INSERT INTO " + rowidTable + "(rowid, nodeno) VALUES (?, ?)");
    Statement putParent(db, "INSERT INTO " + parentTable + "(nodeno, parentnode) VALUES (?, ?)");
    std::vector<unsigned char> blob(nodeSize);
    for (size_t i = 0; i < nodes.size(); ++i) {
        const Node &node = nodes[i];
        std::fill(blob.begin(), blob.end(), 0);
        put16(blob.data(), i == rootIndex ? static_cast<unsigned>(depth) : 0);
        put16(blob.data() + 2, static_cast<unsigned>(node.cells.size()));
        unsigned char *p = blob.data() + 4;
        for (const Box &c : node.cells) {
            const int64_t id = node.depth == 0 ? c.id : nodeNo(static_cast<size_t>(c.id));
            put64(p, static_cast<uint64_t>(id));
            putFloat(p + 8, c.minX);
            putFloat(p + 12, c.maxX);
            putFloat(p + 16, c.minY);
            putFloat(p + 20, c.maxY);
            p += cellSize;
            if (node.depth == 0)
                putRowid.bind(1, c.id).bind(2, nodeNo(i)).exec();
            else
                putParent.bind(1, nodeNo(static_cast<size_t>(c.id))).bind(2, nodeNo(i)).exec();
        }
        putNode.bind(1, nodeNo(i)).bindBlob(2, blob.data(), blob.size()).exec();
    }
}

} // namespace vnland::store
