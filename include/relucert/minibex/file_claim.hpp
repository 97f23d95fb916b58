// Claims from claim files: a parsed Problem (parser.hpp) becomes an engine::Claim through the same
// make_claim<N> path as a hand-written claim (N = 1..8 dispatched at run time; more variables are
// refused). The functor evaluates the Program with minibex::eval on every scalar the engine uses.
//
// `prove F REL G` with constraints: the claim "F - G REL 0 at every point of the domain that
// satisfies every constraint", with the constraints attached as engine constraints (claim.hpp):
// boxes where a constraint certainly fails are closed as infeasible (replayed by the checker), and a
// counterexample must be proven feasible. No reformulation such as max(f, c) is used, so strictness
// at the boundary {c = 0} is exactly as written. An equality h = 0 is the pair h >= 0, h <= 0, used
// exactly (no tolerance): a box is infeasible where h certainly has no zero, and a counterexample must
// have h = 0 exactly (Exact evaluation). No relaxation is made for `prove`.
//
// `minimize F` (minimize.hpp): inequality constraints are used exactly; an equality h = 0 is relaxed
// to |h| <= eq_tol (default 1e-9, printed with the result), see docs/claim-files.md.
#pragma once

#include <memory>
#include <string>

#include "relucert/engine/claim.hpp"
#include "relucert/minibex/parser.hpp"

namespace relucert::minibex {

inline constexpr int kMaxFileDim = 8;

// id: meta "id" if given, else the file's stem ("tests/external/foo.bch" -> "foo").
std::string claim_id(const Problem& p);

// The claim of the `prove` section (std::invalid_argument if there is none or too many variables).
// Its expected verdict is read from the "answer" metadata when it names one (CERTIFIED/REFUTED).
std::unique_ptr<engine::Claim> make_prove_claim(const Problem& p);

// A claim for f = the objective (relation >=, unused), constraints attached, equalities relaxed
// to |h| <= eq_tol.
std::unique_ptr<engine::Claim> make_objective_claim(const Problem& p, const Rational& eq_tol);

// A claim "prog REL 0" over the problem's variables (used for constraints and by the tests).
std::unique_ptr<engine::Claim> make_program_claim(const Problem& p, const Program& prog, engine::Relation rel,
                                                  std::string id, std::string statement);

}  // namespace relucert::minibex
