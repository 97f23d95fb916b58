// Certificates: the JSON record of a search that a separate checker (checker.hpp) replays.
//
// Format "relucert-certificate/1":
//   { "format", "claim" (id), "statement", "relation" (">=", ...), "parameters" {name: "p/q"},
//     "variables" [{"name", "lo", "hi" (exact: "0", "pi", "1/2", "inf"), "map", "internal": [lo, hi]}],
//     "verdict": "CERTIFIED" | "REFUTED",
//     "tree" (certified):  node = {"split": {"var": i, "at": HEX}, "children": [node, node]}
//                               | {"box": [[HEX, HEX], ...], "evidence": EVIDENCE}
//     "counterexample" (refuted): {"internal": [HEX, ...], "point": {name: number or "inf"}, ...} }
//   EVIDENCE = {"kind": "bound" | "mean-value", "lower": HEX}
//            | {"kind": "monotone", "var": i, "dir": 1 | -1, "face": EVIDENCE}
//            | {"kind": "taylor", "var": i, "end": -1 | 1, "order": m, "rem": R}
//            | {"kind": "hessian", "where": [-1 | 0 | 1, ...]}
//            | {"kind": "exact-point", "lower": HEX}
//            | {"kind": "infeasible", "constraint": k}      (claims with constraints, top level only)
//   claims with constraints add "constraints": [statement, ...] (the checker compares them with the
//   claim's); the CLI adds "source" for claim files (the file's text, see docs/claim-files.md).
// Boxes are in the internal coordinates (domain.hpp); every number is a C99 hex float (exact round
// trip), every parameter an exact rational.
#pragma once

#include <string>

#include "relucert/engine/search.hpp"
#include "relucert/io/json.hpp"

namespace relucert::engine {

std::string hex_double(double x);             // "%a"
double parse_hex_double(const std::string& s);  // strict: a finite double, whole string; throws std::invalid_argument

// Certificate of a CERTIFIED or REFUTED search (throws std::logic_error for UNDECIDED).
io::JsonValue make_certificate(const Claim& claim, const SearchResult& r);

// Claim-coordinate point as a JSON object {name: number | "inf" | "-inf"}.
io::JsonValue point_json(const Claim& claim, const std::vector<VariableMap>& maps, const std::vector<double>& s);

}  // namespace relucert::engine
