# Shared by .ci/demo.sh and .ci/test.sh: install what is missing, configure, build.
# Debian 12, run as root (or with sudo available). Idempotent and quick when done before.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${VNLAND_BUILD_DIR:-$ROOT/build}"
JOBS="$(nproc)"

PACKAGES=(
  build-essential cmake pkg-config ccache
  libgdal-dev gdal-bin libproj-dev proj-bin proj-data libgeos-dev
  libspatialite-dev libsqlite3-dev sqlite3
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libboost-test-dev libxlsxwriter-dev
  xvfb xauth poppler-utils fonts-dejavu-core unzip
  postgresql-15 postgresql-15-postgis-3 libpq-dev
  libopencv-dev libtesseract-dev tesseract-ocr-eng tesseract-ocr-vie
)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "==> Installing: ${missing[*]}"
    local SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

build_all() {
  export CCACHE_NOHASHDIR=true CCACHE_BASEDIR="$ROOT"
  ccache --max-size=5G >/dev/null 2>&1 || true
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$BUILD" -j"$JOBS"
}

# Core, CLI, plugins and their tests built with AddressSanitizer + UndefinedBehaviorSanitizer
# (no editor, no benchmarks) in build-asan/.
ASAN_BUILD="${VNLAND_ASAN_BUILD_DIR:-$ROOT/build-asan}"
# The suites run there: survey files, the store and blob reader, import and export, encodings, CRS, sheets,
# georeferencing, topology, reports, editing operations, sample generation, kill -9 runs, PostGIS sync and the
# fuzz drivers (fewer iterations: VNLAND_FUZZ_ITERATIONS in .ci/test.sh) and the vectorizer's stages
# (test_vectorize_stages: the test_vectorize cases on small images, see tests/core/CMakeLists.txt).
ASAN_TESTS=(test_survey test_store test_encoding test_crs test_sheet test_georef test_io test_topology test_report
            test_edit test_synth test_kill test_postgis test_fuzz test_vectorize_stages)
build_sanitized() {
  export CCACHE_NOHASHDIR=true CCACHE_BASEDIR="$ROOT"
  cmake -S "$ROOT" -B "$ASAN_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNLAND_SANITIZE=address,undefined \
        -DVNLAND_BUILD_EDITOR=OFF -DVNLAND_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build "$ASAN_BUILD" -j"$JOBS" --target vnland vnland_survey_gsi vnland_survey_sdr33 vnland_csv_exporter \
        vnland_xlsx_writer vnland_postgis "${ASAN_TESTS[@]/test_vectorize_stages/test_vectorize}"
}
