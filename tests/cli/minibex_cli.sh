#!/usr/bin/env bash
# Claim files through the CLI: verdicts and exit codes of `certify FILE.bch`, certificates replayed by
# `check` (embedded source and --claim), `minimize` (enclosure, JSON, exit codes), parse errors (65).
set -u
R="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$T/true.bch" <<'B'
// source: toy
variables
  x in [0, 1];
prove exp(x) >= 1 + x;
B
cat > "$T/false.bch" <<'B'
variables
  x in [0, 1];
prove sin(x) >= x/2 + 1/10;
B
cat > "$T/cons.bch" <<'B'
variables
  x in [-2, 2];
  y in [-2, 2];
prove x + y <= 3/2;
constraints
  x^2 + y^2 <= 1;
end
B
cat > "$T/min.bch" <<'B'
variables
  x in [-2, 2];
  y in [-2, 2];
minimize x + y;
constraints
  x^2 + y^2 <= 1;
end
B
cat > "$T/eq.bch" <<'B'
variables
  x in [-2, 2];
  y in [-2, 2];
minimize x^2 + y^2;
constraints
  x + y = 1;
end
B
printf 'variables\n  x in [0, 1];\nprove foo(x) >= 0;\n' > "$T/bad.bch"

"$R" certify "$T/true.bch" --quiet --cert "$T/c1.json" > "$T/out" 2>&1; [ $? -eq 0 ] || fail "true claim file: exit $?"
grep -q "true .*CERTIFIED" "$T/out" || fail "true claim: no CERTIFIED line"
"$R" check "$T/c1.json" > "$T/out"; [ $? -eq 0 ] || fail "check of a file claim's certificate"
grep -q "embedded" "$T/out" || fail "check does not say it used the embedded claim file"
"$R" check "$T/c1.json" --claim "$T/true.bch" > /dev/null || fail "check --claim"
"$R" check "$T/c1.json" --claim "$T/false.bch" > /dev/null; [ $? -eq 65 ] || fail "check against another claim file must fail"
# a tampered embedded source must not verify: change the claim to a false one
sed 's/1 + x/1 + 2*x/' "$T/c1.json" > "$T/c1bad.json"
"$R" check "$T/c1bad.json" > /dev/null; [ $? -eq 65 ] || fail "tampered source accepted"

"$R" certify "$T/false.bch" --quiet --cert "$T/c2.json" > /dev/null 2>&1; [ $? -eq 1 ] || fail "false claim file must exit 1"
"$R" check "$T/c2.json" > /dev/null || fail "check of a refutation"
"$R" certify "$T/cons.bch" --quiet --cert "$T/c3.json" > /dev/null 2>&1; [ $? -eq 0 ] || fail "constrained claim"
"$R" check "$T/c3.json" > /dev/null || fail "check of a constrained certificate"
grep -q '"infeasible"' "$T/c3.json" || fail "constrained certificate has no infeasible leaves"

"$R" certify "$T/bad.bch" > "$T/err" 2>&1; [ $? -eq 65 ] || fail "parse error must exit 65"
grep -q "bad.bch:3:7: unknown function 'foo'" "$T/err" || fail "parse error message: $(cat "$T/err")"

"$R" minimize "$T/min.bch" --tol 1e-5 --json "$T/m.json" > "$T/out"; [ $? -eq 0 ] || fail "minimize exit"
grep -q "CONVERGED" "$T/out" || fail "minimize did not converge"
grep -q '"lo"' "$T/m.json" && grep -q '"point"' "$T/m.json" && grep -q '"boxes"' "$T/m.json" || fail "minimize JSON"
"$R" minimize "$T/min.bch" --tol 1e-12 --max-boxes 50 > /dev/null; [ $? -eq 2 ] || fail "budget exhausted must exit 2"
"$R" minimize "$T/eq.bch" --tol 1e-5 > "$T/out"; [ $? -eq 0 ] || fail "minimize with an equality"
grep -q "relaxed to |lhs - rhs| <= 1/1000000000" "$T/out" || fail "equality relaxation not stated"
"$R" minimize "$T/bad.bch" > /dev/null 2>&1; [ $? -eq 65 ] || fail "minimize parse error must exit 65"
"$R" minimize "$T/true.bch" > /dev/null 2>&1; [ $? -eq 65 ] || fail "minimize without 'minimize' must exit 65"
"$R" minimize > /dev/null 2>&1; [ $? -eq 64 ] || fail "minimize without a file must exit 64"
"$R" minimize "$T/min.bch" --tol x > /dev/null 2>&1; [ $? -eq 64 ] || fail "bad --tol must exit 64"
echo "minibex CLI: all checks passed"
