#!/bin/sh
# Rebuilds every file in sample_data/coto/ with the checked-in generator
# (`vnland synth`). Same seed, same bytes: running it on a clean tree must
# leave `git status` clean.
#   VNLAND=/path/to/vnland sample_data/coto/regenerate.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ -z "${VNLAND:-}" ]; then
  for candidate in "$root"/build*/src/cli/vnland "$(command -v vnland 2>/dev/null || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then VNLAND=$candidate; break; fi
  done
fi
if [ -z "${VNLAND:-}" ]; then
  echo "regenerate.sh: build vnland first or set VNLAND=/path/to/vnland" >&2
  exit 2
fi

SEED=2029
PARCELS=300
FAULTS="overlap=3,gap=2,sliver=2,self_intersection=1,duplicate_number=2,unknown_code=3,spike=1,duplicate_geometry=1"

cd "$here"
# (a) Circular 75 exchange shapefile, TCVN3 (ABC) text, VN-2000 / UTM 48N, no .cpg
"$VNLAND" synth --parcels $PARCELS --seed $SEED --format shp --encoding tcvn3 --crs 3405 \
  --out coto_tt75_tcvn3_utm48n.shp
# (b) the same commune as GeoJSON (RFC 7946, WGS84), (d) its map sheets
"$VNLAND" synth --parcels $PARCELS --seed $SEED --format geojson --out coto_wgs84.geojson \
  --sheets coto_sheets.geojson
# (c) faulty variant, UTF-8 with .cpg, VN-2000 / TM-3 107°45' (EPSG:5899), and its manifest
"$VNLAND" synth --parcels $PARCELS --seed $SEED --format shp --encoding utf-8 --crs 5899 \
  --faults "$FAULTS" --manifest coto_faulty_manifest.json --out coto_faulty.shp
# (e) scanned-looking tờ 3 with its text and true grid-cross GCPs (seeds in scan/ are hand-placed; see README)
"$VNLAND" georef sample --sheet 322500-5-d --parcels coto_faulty.shp --epsg 5899 --noise 3 \
  --out scan/to3_322500-5-d.png --truth scan/to3_322500-5-d_truth.points
