# Shared helpers of the CLI contract scripts (sourced; tests/cli/*.sh are the tests).
# After sourcing: R = the relucert binary ($1), T = a scratch directory removed on exit, fail = 0.
#   expect CODE DESCRIPTION -- command...   run it, compare the exit status, keep stdout/stderr in $T/out, $T/err
#   contains FILE PATTERN DESCRIPTION       the file has the pattern
#   lacks FILE PATTERN DESCRIPTION          the file has not
# Each prints "ok: ..." or "FAIL: ..." and sets fail=1 on failure; scripts end with `exit $fail`.
set -u
R="$1"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
fail=0
expect() {
    local want="$1" what="$2"
    shift 3
    "$@" >"$T/out" 2>"$T/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $what: exit $got, want $want"; sed 's/^/  | /' "$T/out" "$T/err" | head -20; fail=1
    else
        echo "ok: $what"
    fi
}
contains() {
    if grep -q -- "$2" "$1"; then echo "ok: $3"; else echo "FAIL: $3 (no '$2' in $1)"; fail=1; fi
}
lacks() {
    if grep -q -- "$2" "$1"; then echo "FAIL: $3 ('$2' in $1)"; fail=1; else echo "ok: $3"; fi
}
