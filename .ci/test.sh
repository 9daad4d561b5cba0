#!/usr/bin/env bash
# Command 2 of the README: install what is missing, build, install the .deb and smoke-test it, run every test — then the parser-facing
# core and CLI suites (ASAN_TESTS in common.sh) once more in an AddressSanitizer + UBSan build.
source "$(dirname "$0")/common.sh"
install_missing
build_all
# The .deb from cpack, installed and run from /usr (vnland --version, an import, vnland-editor --screenshot).
package_smoke_test
build_sanitized
# A throw-away PostgreSQL 15 + PostGIS server on loopback for the PostGIS plugin tests.
source "$ROOT/.ci/postgres.sh"
cd "$BUILD"
echo "==> Tests"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$JOBS"
cd "$ASAN_BUILD"
echo "==> Tests under AddressSanitizer + UndefinedBehaviorSanitizer"
# Leak checking is off: GDAL, PROJ and Qt keep process-lifetime allocations by design. A single allocation over
# 2 GiB fails (std::bad_alloc), as the address-space limit does for fuzz children in the normal build.
# The fuzz drivers run 1 000 mutations per parser here (3 000 in the normal build).
VNLAND_FUZZ_ITERATIONS=1000 \
ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=0:max_allocation_size_mb=2048:allocator_may_return_null=1" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$JOBS" -R "^($(IFS='|'; echo "${ASAN_TESTS[*]}"))\$"
