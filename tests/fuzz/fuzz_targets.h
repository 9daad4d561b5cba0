// The fuzz drivers: one Target per parser of VNLand, calling the same entry
// points the CLI and the editor use.
#pragma once

#include "fuzz_engine.h"

#include <string>
#include <vector>

namespace vnland::fuzz {

/// shapefile, geojson, mapping, points, pnezd, gsi, sdr33, dxf, cogo, crs, encoding, blob.
const std::vector<Target> &targets();
const Target *targetByName(const std::string &name);

/// tests/data/fuzz in the source tree.
std::string fuzzDataDir();

/// Iterations a CI run does for @p target (a few thousand, fewer for the slow importer).
int64_t ciIterations(const Target &target);

} // namespace vnland::fuzz
