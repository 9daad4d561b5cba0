#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build, and run the main job on the
# Cô Tô sample data: import -> info -> export. With a display, open the editor on it.
source "$(dirname "$0")/common.sh"
install_missing
build_all
OUT="${VNLAND_DEMO_DIR:-$ROOT/build/demo}"
VNLAND="$BUILD/src/cli/vnland"
SAMPLE="$ROOT/sample_data/coto"
rm -rf "$OUT" && mkdir -p "$OUT"
echo "==> Import (TCVN3 shapefile, VN-2000 / UTM 48N -> VN-2000 / TM-3 107°45' EPSG:5899)"
"$VNLAND" import "$SAMPLE/coto_tt75_tcvn3_utm48n.shp" --into "$OUT/coto.sqlite" --report "$OUT/import_report.json" --quiet
"$VNLAND" import "$SAMPLE/coto_sheets.geojson" --into "$OUT/coto.sqlite" --quiet
echo "==> Info"
"$VNLAND" info "$OUT/coto.sqlite"
echo "==> Export"
"$VNLAND" export "$OUT/coto.sqlite" --to "$OUT/coto.gpkg" --format gpkg
"$VNLAND" export "$OUT/coto.sqlite" --to "$OUT/coto_tt75.shp" --format shp
"$VNLAND" export "$OUT/coto.sqlite" --to "$OUT/coto_wgs84.geojson" --format geojson
"$VNLAND" export "$OUT/coto.sqlite" --to "$OUT/coto.csv" --format csv
echo "==> Validate (topology and attributes)"
"$VNLAND" validate "$OUT/coto.sqlite" --json "$OUT/validation.json" || true
echo "==> Reports"
"$VNLAND" report register "$OUT/coto.sqlite" --out "$OUT/so_muc_ke.pdf" 2>/dev/null
"$VNLAND" report statistics "$OUT/coto.sqlite" --out "$OUT/thong_ke.xlsx" --format xlsx 2>/dev/null
echo "==> Vectorize the scanned sheet tờ 3 (candidate parcels with their labels read; exit 1 = some need review)"
"$VNLAND" vectorize "$SAMPLE/scan/to3_322500-5-d.png" --gcps "$SAMPLE/scan/to3_322500-5-d_truth.points" \
    --transform polynomial2 --sheet 322500-5-d --scale 1000 \
    --out "$OUT/to3_candidates.gpkg" --report "$OUT/to3_vectorize.json" || [ $? -eq 1 ]
echo "==> Summary"
echo "Land database: $OUT/coto.sqlite (open it in QGIS or with: ogrinfo $OUT/coto.sqlite)"
echo "ogrinfo: parcel layer, $(ogrinfo -so "$OUT/coto.sqlite" parcel 2>/dev/null | grep -E 'Feature Count' | sed 's/.*: //') features, CRS $(ogrinfo -so "$OUT/coto.sqlite" parcel 2>/dev/null | grep -oE 'ID\["EPSG",[0-9]+\]' | tail -1)"
ls -l "$OUT"
if [ -n "${DISPLAY:-}" ] && [ -x "$BUILD/src/app/vnland-editor" ]; then
  echo "==> Opening the editor"
  "$BUILD/src/app/vnland-editor" "$OUT/coto.sqlite"
fi
