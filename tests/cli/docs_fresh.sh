#!/usr/bin/env bash
# The README's verdict table and proofs/toy.md are produced by the tool: fail if they are stale.
set -euo pipefail
relucert=$1
here=$(cd "$(dirname "$0")/../.." && pwd)
bash "$here/scripts/update-docs.sh" --check "$(dirname "$relucert")"
