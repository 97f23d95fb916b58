#!/usr/bin/env bash
# One entry point for a fresh Debian (bookworm) machine:
#   bash scripts/relucert.sh main   install what is missing, build, certify every claim (verdict table)
#   bash scripts/relucert.sh test   install what is missing, build, run the whole test suite (CTest)
# Environment: BUILD_DIR (default build), JOBS (default: number of cores).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
case "$mode" in
  main|test) ;;
  *) echo "usage: bash scripts/relucert.sh main|test" >&2; exit 64 ;;
esac

BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
packages=(g++ make cmake pkg-config libboost-dev libmpfr-dev libmpfi-dev libgmp-dev libeigen3-dev catch2 libflint-arb-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "relucert: installing missing packages: ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS"

if [ "$mode" = main ]; then
  exec "$BUILD_DIR/relucert" certify --all
fi

# The whole suite: fast tests, the 4*10^5-argument containment runs and paper-scale experiments (label "long"), the CLI tests.
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"

# The engine once more under AddressSanitizer and UBSan (a small build: only what the check needs).
if [ -x scripts/sanitize-check.sh ]; then bash scripts/sanitize-check.sh; fi
