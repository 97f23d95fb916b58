#!/usr/bin/env bash
# CLI contract of the engine commands: exit codes, usage errors, JSON, certificates and the checker.
# usage: bash engine_cli.sh path/to/relucert
. "$(dirname "$0")/lib/common.sh" "$1"

expect 0 "list" -- "$R" list
for id in toy.arc-cosine-tight toy.sin-minus-tcos toy.cos-chord toy.log-unbounded toy.corner-cubic toy.edge-quadratic toy.false-dip; do
    contains "$T/out" "$id" "list shows $id"
done
expect 0 "list --json" -- "$R" list --json
contains "$T/out" '"claims"' "list --json has claims"

expect 0 "certify a true tight claim" -- "$R" certify toy.sin-minus-tcos --quiet
expect 1 "certify a false claim" -- "$R" certify toy.false-dip --quiet
expect 2 "certify with a tiny budget is undecided" -- "$R" certify toy.edge-quadratic --max-boxes 1 --quiet
expect 0 "certify --all matches the expected verdicts" -- "$R" certify --all --quiet --threads 2 --json "$T/all.json"
contains "$T/all.json" '"tight_points"' "--json has tight points"
contains "$T/all.json" '"counterexample"' "--json has counterexamples"
contains "$T/all.json" '"x": "inf"\|"lower_bound"' "--json has lower bounds"

# usage errors: exit 64 with one line
expect 64 "unknown claim" -- "$R" certify toy.cos-chrod
contains "$T/err" "did you mean toy.cos-chord" "close match suggested"
[ "$(wc -l <"$T/err")" -eq 1 ] && echo "ok: one line" || { echo "FAIL: usage error is not one line"; fail=1; }
expect 64 "non-finite parameter" -- "$R" certify toy.cos-chord --param c=inf
expect 64 "malformed parameter" -- "$R" certify toy.cos-chord --param c=1/0
expect 64 "unknown parameter" -- "$R" certify toy.cos-chord --param zz=1
expect 64 "bad thread count" -- "$R" certify toy.cos-chord --threads 0
expect 64 "no claim" -- "$R" certify
expect 64 "check without files" -- "$R" check
expect 0 "parameter override that keeps the claim true" -- "$R" certify toy.cos-chord --param c=3 --quiet
expect 1 "parameter override that makes it false" -- "$R" certify toy.cos-chord --param c=19/10 --quiet

# certificates: valid, identical for any thread count, mutations rejected
expect 0 "certify --cert (1 thread)" -- "$R" certify toy.corner-cubic --cert "$T/c1.json" --threads 1 --quiet
expect 0 "certify --cert (3 threads)" -- "$R" certify toy.corner-cubic --cert "$T/c3.json" --threads 3 --quiet
cmp -s "$T/c1.json" "$T/c3.json" && echo "ok: certificates identical for 1 and 3 threads" || { echo "FAIL: certificates differ"; fail=1; }
expect 0 "check a valid certificate" -- "$R" check "$T/c1.json"
sed 's/"lower": "0x[0-9a-f.]*p[-+][0-9]*"/"lower": "0x1p+30"/' "$T/c1.json" >"$T/bad.json"
cmp -s "$T/c1.json" "$T/bad.json" && { echo "FAIL: mutation did not apply"; fail=1; }
expect 65 "check rejects an altered bound" -- "$R" check "$T/bad.json"
contains "$T/out" "INVALID" "reason printed"
echo '{"format": "relucert-certificate/1", "claim": "toy.cos-chord"' >"$T/trunc.json"
expect 65 "check rejects truncated JSON" -- "$R" check "$T/trunc.json"
expect 65 "check rejects a missing file" -- "$R" check "$T/does-not-exist.json"
expect 1 "certify several claims into one certificate file (one refuted: exit 1)" -- "$R" certify toy.cos-chord toy.false-dip --cert "$T/two.json" --quiet
expect 0 "check a certificate bundle" -- "$R" check "$T/two.json"

# best and svg
expect 0 "best brackets the chord slope" -- "$R" best toy.cos-chord --param c --tol 1e-3 --json "$T/best.json" --quiet
contains "$T/best.json" '"certified": "2"' "best certified value is 2"
contains "$T/best.json" '"exact": true' "best constant is attained, exactly"
expect 64 "best without --param" -- "$R" best toy.cos-chord
expect 0 "svg for a 2-D claim" -- "$R" certify toy.edge-quadratic --svg "$T/eq.svg" --quiet
contains "$T/eq.svg" "<svg" "svg written"
exit $fail
