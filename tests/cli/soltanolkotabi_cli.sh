#!/usr/bin/env bash
# CLI contract of the Soltanolkotabi audit, claims and the eq2-1 experiment: exit codes and key outputs.
# usage: bash soltanolkotabi_cli.sh path/to/relucert
. "$(dirname "$0")/lib/common.sh" "$1"

# every audit item as expected (exit 0), including the known-wrong printed forms
expect 0 "audit soltanolkotabi --quick" -- "$R" audit soltanolkotabi --quick --markdown "$T/s.md"
contains "$T/s.md" "soltanolkotabi.grad-eq3-1.sgn0" "markdown lists the sgn(0) item"
contains "$T/s.md" "disagree (proven)" "the printed forms are refuted by proofs"
# a printed form treated as expected to agree is an unexpected result (exit 1)
expect 1 "fn1.printed with --expect-agree" -- "$R" audit soltanolkotabi.fn1.printed soltanolkotabi.eq6-2.printed --quick --expect-agree
# the l2-ball projection constant
expect 0 "certify proj-l2-ball" -- "$R" certify soltanolkotabi.proj-l2-ball
contains "$T/out" "CERTIFIED" "proj-l2-ball is certified"
# the experiment is registered and documented
expect 0 "reproduce --list" -- "$R" reproduce --list
contains "$T/out" "soltanolkotabi.eq2-1" "eq2-1 is listed"

exit $fail
