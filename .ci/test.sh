#!/usr/bin/env bash
# Command 2 of the README: install what is missing, build, run every test.
source "$(dirname "$0")/common.sh"
install_missing
build_all
# A throw-away PostgreSQL 15 + PostGIS server on loopback for the PostGIS plugin tests.
source "$ROOT/.ci/postgres.sh"
cd "$BUILD"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$JOBS"
