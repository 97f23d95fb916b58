// The untrusted search: branch and bound over internal boxes (domain.hpp) that ends in
//   CERTIFIED  every leaf of the subdivision carries evidence that g = +-f satisfies the relation,
//   REFUTED    a point of the domain where an interval (or exact) evaluation proves the violation,
//   UNDECIDED  the box budget ran out or boxes could not be split further; the rest is reported.
// Per box, in order (each step is a separate, composable test):
//   1. natural interval extension of g;
//   2. a point test at the centre (counterexamples);
//   3. the mean-value form g(c) + sum_i g_i(X) (X_i - c_i) with the gradient enclosure (Dual);
//   4. monotonicity: a gradient component of fixed sign collapses the box to the face where g is
//      smallest, and the face is processed recursively (down to points, evaluated exactly);
//   5. tight-point arguments at exact candidate points p (box corners and centres) where g(p) looks 0:
//      a. 1-D Taylor: on an edge (one free variable) with p an end, exact Taylor coefficients
//         c_0..c_{m-1} = 0 and c_m != 0 at p, and a Lagrange remainder enclosed over the box, give
//         g(p + h) = h^m (c_m + ... + C_R h^{R-m}) >= 0 (higher-order contact: f ~ t^3 works);
//      b. Hessian: g(p) >= 0 exactly, exact gradient at p with the sign that makes g(p) + grad.h >= g(p)
//         on the box (zero in a coordinate where p is interior), and the Hessian enclosure over the
//         box positive definite (interval Cholesky) give g >= g(p) on the box;
//   6. otherwise bisect, by default along the variable with the largest |g_i(X)| w(X_i) (the
//      mean-value smear), else the widest; always at split_point(), a dyadic double.
// Claims with constraints (Claim::constraints()): before step 1 a box on which some constraint is
// certainly violated is closed as infeasible. On a box that is not certainly feasible, a counterexample
// (steps 2, 4, 5 and point boxes) counts only at a point where every constraint is proven to hold
// (interval or exact evaluation), and a monotone face is processed without the infeasibility test
// (g must hold on the whole face, since the face bounds g on the whole box); a face that fails then
// falls through to the later steps instead of deciding the box. Every other argument proves g on the
// whole box, feasible or not, so it stays valid unchanged.
// Determinism: boxes are processed in batches of fixed size in a deterministic best-first order
// (lowest parent bound first, then creation order); each box's outcome depends only on the box, so
// verdicts, subdivisions and certificates are identical for any number of threads.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "relucert/engine/claim.hpp"
#include "relucert/engine/domain.hpp"

namespace relucert::engine {

using Box = std::vector<Interval>;  // internal coordinates; a degenerate component is a face

struct SearchOptions {
    unsigned threads = 1;
    std::size_t max_boxes = 200000;
    bool mean_value = true;
    bool monotonicity = true;
    bool tight_points = true;
    bool smart_bisection = true;
    // called from the main thread after each batch: boxes processed, boxes open
    std::function<void(std::size_t, std::size_t)> progress;
};

// Why a leaf holds. Bound/MeanValue record the search's lower bound of g, rounded down to 24 bits
// (the checker must reach it). Monotone: g nondecreasing in `var` (dir +1: smallest at the lower face)
// or nonincreasing (dir -1: upper face), then `face` on that face. Taylor: p at the lower (end -1) or
// upper (end +1) end of the one free variable `var`, contact order `order`, remainder order `rem`.
// Hessian: p chosen per variable by `where` (-1 lower end, 0 split point, +1 upper end; degenerate
// variables: 0). ExactPoint: the box is a point and g there is exactly >= 0 (> 0). Infeasible (claims
// with constraints only, never inside a monotone face): constraint `var` is violated on the whole box.
struct Evidence {
    enum class Kind { Bound, MeanValue, Monotone, Taylor, Hessian, ExactPoint, Infeasible };
    Kind kind = Kind::Bound;
    double lower = 0;
    int var = -1;
    int dir = 0;
    int end = 0;
    int order = 0;
    int rem = 0;
    std::vector<int> where;
    std::shared_ptr<const Evidence> face;
};
std::string to_string(Evidence::Kind k);  // "bound", "mean-value", "monotone", "taylor", "hessian", "exact-point"

struct TightPoint {
    std::vector<PiAffine> point;  // claim coordinates, exact
    std::string argument;
};

struct Counterexample {
    std::vector<double> internal;  // internal coordinates (exact doubles)
    Interval value;                // enclosure of g = +-f there (g < 0, or <= 0 for strict claims)
    bool exact = false;            // value proven exactly (a tight point of a strict claim)
    std::string exact_value;       // when exact
};

struct SubdivisionNode {
    Box box;
    int split_var = -1;  // >= 0: split at split_at into children lo_child, hi_child
    double split_at = 0;
    int lo_child = -1, hi_child = -1;
    std::shared_ptr<const Evidence> evidence;  // leaves of a certified search
    bool undecided = false;                    // a leaf left open
};

struct SearchResult {
    Verdict verdict = Verdict::Undecided;
    std::size_t boxes = 0;  // boxes processed
    double seconds = 0;
    std::optional<double> lower_bound;  // certified: min over leaves of the proven lower bound of g
    std::vector<TightPoint> tight_points;
    std::optional<Counterexample> counterexample;
    std::vector<Box> remaining;  // undecided
    std::vector<SubdivisionNode> tree;  // node 0 is the domain
    std::vector<VariableMap> maps;
    std::vector<Rational> params;
    std::string reason;  // why undecided
};

SearchResult run_search(const Claim& claim, const std::vector<Rational>& params, const SearchOptions& options);

// The claim's default parameter values.
std::vector<Rational> default_params(const Claim& claim);

// Claim-coordinate text of an internal point: numbers as "%.17g", "inf"/"-inf" at infinity.
std::vector<std::string> point_text(const std::vector<VariableMap>& maps, const std::vector<double>& s);

}  // namespace relucert::engine
