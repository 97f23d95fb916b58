// The trusted checker: replays a certificate (certificate.hpp) with MPFR intervals (MpInterval, and
// Exact over MpInterval at tight points), on a code path that shares nothing with the search except
// the claim's own definition, the arithmetic layer and the (declarative) variable maps.
// It verifies, for a CERTIFIED certificate:
//   * the claim exists and the certificate's relation, variables, domains and maps are the claim's;
//     parameters are exact rationals, one per claim parameter (the statement checked is the claim at
//     those parameters);
//   * the tree covers the domain: each split point lies strictly inside its box, each node has exactly
//     two children, and each leaf's stated box equals the box the splits define (a removed leaf or a
//     shrunk box fails here);
//   * every leaf's evidence holds, recomputed at `precision` bits: a recorded lower bound must be
//     >= 0 (> 0 for strict claims) and reached by the checker's own enclosure; monotone faces are
//     re-derived from the gradient sign; Taylor and Hessian arguments are recomputed from exact
//     values at the exact point and enclosures over the box.
// For a REFUTED certificate it verifies that g violates the relation at the stated point.
// Claims with constraints: the certificate lists the constraints (compared with the claim's), an
// "infeasible" leaf is accepted only at the top level and only if its constraint is violated on the
// whole leaf, and a counterexample must be proven feasible.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <mpfr.h>

#include "relucert/engine/claim.hpp"
#include "relucert/io/json.hpp"

namespace relucert::engine {

struct CheckResult {
    bool valid = false;
    std::string reason;  // why invalid (or a summary when valid)
    std::string claim_id;
    Verdict verdict = Verdict::Undecided;
    std::size_t leaves = 0;
};

CheckResult check_certificate(const io::JsonValue& cert, mpfr_prec_t precision = 128);
// The same against a claim given by the caller (a claim file, not in the registry); nullptr: the
// registry. The certificate's claim id must be the claim's.
CheckResult check_certificate(const io::JsonValue& cert, const Claim* claim, mpfr_prec_t precision = 128);
// Parses first; malformed JSON is an invalid certificate, never a crash.
CheckResult check_certificate_text(std::string_view text, mpfr_prec_t precision = 128);

}  // namespace relucert::engine
