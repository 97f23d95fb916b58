#!/usr/bin/env bash
# CLI contract of `relucert audit`: exit codes, usage errors, JSON validity, a deterministic markdown table.
# usage: bash audit_cli.sh path/to/relucert
. "$(dirname "$0")/lib/common.sh" "$1"

expect 0 "audit --help" -- "$R" audit --help
contains "$T/out" "--markdown" "help documents --markdown"
expect 0 "audit --list" -- "$R" audit --list
contains "$T/out" "linear.htilde.printed" "--list shows the printed items"

# the paper's audit: every item as expected (exit 0), with JSON and markdown
expect 0 "audit linear --quick" -- "$R" audit linear --quick --json "$T/a.json" --markdown "$T/a.md"
contains "$T/out" "linear.kernel-eq5 .* agree .* expected" "kernel agrees"
contains "$T/out" "linear.h-expansion.printed .* disagree .* expected" "printed gamma1 disagrees, as expected"
lacks "$T/out" "UNEXPECTED" "nothing unexpected"
if python3 -m json.tool "$T/a.json" >/dev/null; then echo "ok: --json is valid JSON"; else echo "FAIL: --json is not valid JSON"; fail=1; fi
contains "$T/a.json" '"as_expected": true' "JSON has as_expected"
contains "$T/a.json" '"proven_disagreement": true' "JSON records a proven disagreement"
python3 - "$T/a.json" <<'EOF' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
items = d["items"]
assert len(items) >= 20, len(items)
assert all(i["as_expected"] for i in items)
assert d["summary"]["unexpected"] == 0
printed = [i for i in items if i["id"].endswith(".printed")]
assert printed and all(i["result"] == "disagree" for i in printed)
print("ok: JSON structure")
EOF
contains "$T/a.md" "| id | reference | method |" "markdown has the table header"
contains "$T/a.md" "linear.htilde.printed-normalisation" "markdown lists every item"
lacks "$T/a.md" " s)" "markdown has no timings"

# deterministic: the same seed gives the same table; ids select items
expect 0 "audit linear again" -- "$R" audit linear --quick --markdown "$T/b.md"
if cmp -s "$T/a.md" "$T/b.md"; then echo "ok: markdown is deterministic"; else echo "FAIL: markdown differs between runs"; fail=1; fi
expect 0 "audit one id" -- "$R" audit linear.grad-eq7 --quick
contains "$T/out" "1 items" "one id runs one item"
expect 0 "audit --all" -- "$R" audit --all --quick

# unexpected results exit 1 (every item treated as expected to agree: the .printed ones are not)
expect 1 "audit --expect-agree exits 1" -- "$R" audit linear.h-expansion.printed linear.h-expansion --quick --expect-agree
contains "$T/out" "UNEXPECTED" "--expect-agree reports UNEXPECTED"

# usage errors: exit 64
expect 64 "no target" -- "$R" audit
expect 64 "unknown id suggests close ids" -- "$R" audit linear.htlide
contains "$T/err" "did you mean" "suggestion for a misspelt id"
expect 64 "unknown option" -- "$R" audit linear --bogus
expect 64 "bad seed" -- "$R" audit linear --seed abc
expect 64 "--all with ids" -- "$R" audit --all linear
expect 64 "--json without a file" -- "$R" audit linear --json

# relucert list shows the audit items
expect 0 "list" -- "$R" list
contains "$T/out" "audit items" "list has an audit section"
expect 0 "list --json" -- "$R" list --json
if python3 -m json.tool "$T/out" >/dev/null; then echo "ok: list --json is valid JSON"; else echo "FAIL: list --json invalid"; fail=1; fi
contains "$T/out" '"audit_items"' "list --json has audit_items"

exit $fail
