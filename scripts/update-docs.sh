#!/usr/bin/env bash
# Regenerates the tool-produced parts of the documentation: every block between
#   <!-- NAME:BEGIN (scripts/update-docs.sh) -->  and  <!-- NAME:END -->
# in README.md and proofs/*.md, and the figures under proofs/figures/. Usage:
#   bash scripts/update-docs.sh [--check] [BUILD_DIR]
# With --check, compares instead of writing and exits 1 if anything is stale (used by the CLI tests).
# Everything generated here is deterministic (no timings): verdicts, box counts, constants, audits.
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
B=${1:-build}
R="$B/relucert"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/out/proofs/figures"

ids_with_prefix() { "$R" list | awk -v p="$1" '/^audit items/ { done = 1 } !done && index($1, p) == 1 { print $1 }'; }

# ---- generated content ------------------------------------------------------------------------
"$R" certify --all --quiet --markdown "$tmp/VERDICTS.md" >/dev/null || true
# shellcheck disable=SC2046
"$R" certify $(ids_with_prefix toy.) --quiet --markdown "$tmp/TOY-VERDICTS.md" >/dev/null || true
for pair in linear.:LINEAR soltanolkotabi.:SOLTAN chistikov.:CHISTIKOV vardi.:VARDI; do
  prefix=${pair%%:*} block=${pair##*:}
  ids=$(ids_with_prefix "$prefix")
  # shellcheck disable=SC2086
  [ -n "$ids" ] && { "$R" certify $ids --quiet --markdown "$tmp/$block-VERDICTS.md" >/dev/null || true; }
done
"$R" certify linear.lemma4 --quiet --svg "$tmp/out/proofs/figures/linear-lemma4.svg" >/dev/null
# Best-constant tables: proofs/best-constants.list holds "BLOCK ID PARAM" lines; each BLOCK-BEST block
# gets one row per line (relucert best ... --markdown).
while read -r block id param; do
  case "$block" in ''|'#'*) continue ;; esac
  f="$tmp/$block-BEST.md"
  [ -f "$f" ] || printf '%s\n%s\n' "| claim | parameter | paper's value | best certified | refuted (counterexample) | exact? |" \
                               "|---|---|---|---|---|---|" > "$f"
  "$R" best "$id" --param "$param" --quiet --threads 1 --markdown "$f" >/dev/null 2>&1 || true
done < proofs/best-constants.list
help_text=$("$R" --help 2>&1 || true)  # captured first: grep -q on a pipe would SIGPIPE the tool
# <BLOCK>-AUDIT: `relucert audit PAPER --markdown` for every paper that has audit items.
for pair in linear:LINEAR soltanolkotabi:SOLTAN chistikov:CHISTIKOV vardi:VARDI; do
  paper=${pair%%:*} block=${pair##*:}
  if grep -q '^ *audit' <<<"$help_text"; then
    "$R" audit "$paper" --markdown "$tmp/$block-AUDIT.md" >/dev/null 2>&1 || true
  else
    echo "(the audit command is not built)" > "$tmp/$block-AUDIT.md"
  fi
done

# ---- splice the blocks -------------------------------------------------------------------------
splice() {  # splice FILE: replaces every NAME block whose content file $tmp/NAME.md exists
  local file=$1 out=$2
  awk -v dir="$tmp" '
    match($0, /<!-- [A-Z0-9-]+:BEGIN/) {
      print
      name = substr($0, RSTART + 5, RLENGTH - 11)
      f = dir "/" name ".md"
      if ((getline line < f) > 0) { print line; while ((getline line < f) > 0) print line; skip = 1 }
      else { print "(no generated content for " name ")" ; skip = 1 }
      next
    }
    /<!-- [A-Z0-9-]+:END -->/ { skip = 0 }
    !skip { print }' "$file" > "$out"
}
files=(README.md proofs/*.md)
for f in "${files[@]}"; do
  mkdir -p "$tmp/out/$(dirname "$f")"
  splice "$f" "$tmp/out/$f"
done

status=0
for f in "${files[@]}" proofs/figures/linear-lemma4.svg; do
  if [ $check = 1 ]; then
    cmp -s "$tmp/out/$f" "$f" || { echo "$f is stale: run bash scripts/update-docs.sh" >&2; status=1; }
  else
    mkdir -p "$(dirname "$f")"
    cp "$tmp/out/$f" "$f"
  fi
done
exit $status
