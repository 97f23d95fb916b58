#!/usr/bin/env bash
# CLI contract for the linear paper's claims: verdict exit codes, certificates replayed by the
# checker, best constants (text and Markdown row), bench-grid.
# usage: bash linear_cli.sh path/to/relucert
. "$(dirname "$0")/lib/common.sh" "$1"

expect 0 "lemma4 certified" -- "$R" certify linear.lemma4 --cert "$T/l4.cert"
contains "$T/out" "3 tight point" "lemma4 reports its three tight points"
expect 0 "lemma4 certificate replays" -- "$R" check "$T/l4.cert"
expect 1 "lemma4 at alpha = 0.31 refuted" -- "$R" certify linear.lemma4 --param alpha=31/100
expect 1 "printed gamma1 refuted" -- "$R" certify linear.fig6.printed --cert "$T/p.cert"
expect 0 "refutation certificate replays" -- "$R" check "$T/p.cert"
expect 0 "best alpha" -- "$R" best linear.lemma4 --param alpha --quiet --markdown "$T/best.md"
contains "$T/out" "alpha = 3/10 (exact best constant, attained)" "alpha = 3/10 is the exact best constant"
contains "$T/best.md" '| `linear.lemma4` | alpha | 3/10 | 3/10 (0.3) |' "best writes a Markdown row"
expect 64 "best: unknown parameter" -- "$R" best linear.lemma4 --param gamma
expect 0 "bench-grid" -- "$R" bench-grid linear.lemma4 --grid 50 --json "$T/bg.json"
contains "$T/out" "CERTIFIED" "bench-grid shows the verdict"
contains "$T/bg.json" '"grid_points": 2500' "bench-grid JSON has the grid size"
expect 64 "bench-grid: bad grid" -- "$R" bench-grid --grid 1
expect 64 "bench-grid: unknown claim" -- "$R" bench-grid linear.nope
exit $fail
