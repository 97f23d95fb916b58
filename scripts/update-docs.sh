#!/usr/bin/env bash
# Regenerates the tool-produced parts of the documentation: proofs/toy.md's verdict table and the
# README's verdict table (between the VERDICTS markers). Usage: bash scripts/update-docs.sh [BUILD_DIR]
# With --check, compares instead of writing and exits 1 if anything is stale (used by the CLI tests).
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
B=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$B/relucert" certify --all --quiet --markdown "$tmp/table.md" >/dev/null
# README: replace the block between the markers
awk -v table="$tmp/table.md" '
  /<!-- VERDICTS:BEGIN/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
  /<!-- VERDICTS:END/ { skip = 0 }
  !skip { print }' README.md > "$tmp/README.md"
{
  sed -n '1,/<!-- VERDICTS:BEGIN/p' proofs/toy.md
  cat "$tmp/table.md"
  sed -n '/<!-- VERDICTS:END/,$p' proofs/toy.md
} > "$tmp/toy.md"
if [ $check = 1 ]; then
  status=0
  cmp -s "$tmp/README.md" README.md || { echo "README.md verdict table is stale: run bash scripts/update-docs.sh" >&2; status=1; }
  cmp -s "$tmp/toy.md" proofs/toy.md || { echo "proofs/toy.md is stale: run bash scripts/update-docs.sh" >&2; status=1; }
  exit $status
fi
cp "$tmp/README.md" README.md
cp "$tmp/toy.md" proofs/toy.md
