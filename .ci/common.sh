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

# The .deb that cpack makes from the normal build, installed with dpkg (its declared dependencies must already be
# there: they are what the build installs) and smoke-tested from /usr: version, an import of the installed sample
# data, the editor's screenshot of it (offscreen) and the plugins it finds in /usr/lib/vnland/plugins.
package_smoke_test() {
  echo "==> Package: cpack, install, smoke test"
  local SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  local pkg
  pkg="$(mktemp -d)"
  (cd "$BUILD" && cpack -B "$pkg" >/dev/null)
  $SUDO dpkg -i "$pkg"/vnland_*_amd64.deb >/dev/null
  local work
  work="$(mktemp -d)"
  (
    cd "$work"
    local version plugins
    version="$(/usr/bin/vnland --version)"
    grep -q '^vnland [0-9]' <<<"$version"
    plugins="$(/usr/bin/vnland plugins)"
    grep -q 'postgis' <<<"$plugins"
    /usr/bin/vnland import /usr/share/vnland/sample_data/coto/coto_tt75_tcvn3_utm48n.shp --into coto.sqlite --quiet
    QT_QPA_PLATFORM=offscreen /usr/bin/vnland-editor --screenshot shot.png coto.sqlite
    cp shot.png "${TMPDIR:-/tmp}/vnland-package-shot.png"
    [ "$(head -c 8 shot.png | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]
  ) || { echo "package smoke test failed (work folder $work)" >&2; return 1; }
  rm -rf "$pkg" "$work"
  echo "installed package: vnland --version, import, vnland-editor --screenshot all work"
}
