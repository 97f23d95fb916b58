#!/usr/bin/env bash
# The engine's tests once under AddressSanitizer + UBSan (run by scripts/relucert.sh test), in a build
# without the papers' claims (RELUCERT_PAPERS=OFF): the engine tests use only the toy claims.
set -euo pipefail
cd "$(dirname "$0")/.."
B=${SAN_BUILD_DIR:-build-asan}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Debug -DRELUCERT_SANITIZE=ON -DRELUCERT_BENCH=OFF -DRELUCERT_PAPERS=OFF >/dev/null
cmake --build "$B" -j "$JOBS" --target relucert test_engine_search test_engine_checker test_engine_json test_interval_arith
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$B" --output-on-failure -R "^(test_engine_search|test_engine_checker|test_engine_json|test_interval_arith|cli_engine_cli)$"
