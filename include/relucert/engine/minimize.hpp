// Certified global minimisation: an enclosure [lo, hi] of min f over {x in the domain : every
// constraint of the claim holds} (Claim::constraints(), claim.hpp), by branch and bound over the
// engine's internal boxes (domain.hpp: the same compactification of unbounded variables).
//   lo: the smallest lower bound over the boxes still open; each box's bound is the better of the
//       natural interval extension and the mean-value form (gradient by Dual); a box on which a
//       constraint certainly fails is dropped, as is a box whose bound exceeds hi. Where the box is
//       certainly feasible and df/dx_i has a certain sign, the box is replaced by the face where f is
//       smallest (never a face at infinity).
//   hi: the upper end of an interval evaluation of f at a point where every constraint is proven to
//       hold by interval evaluation (box centres, improved by Newton steps in double from the best one,
//       each re-verified rigorously). The point is returned.
// Stops when hi - lo <= tol (absolute), the box budget is spent or no box can be split further.
// Equality constraints are the claim layer's business (claim files relax h = 0 to |h| <= eq_tol,
// which makes [lo, hi] an enclosure of the relaxed problem's minimum; lo is also a lower bound for
// the exact problem). Not a second verdict search: it shares only the claim interface and domain.hpp
// with search.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "relucert/engine/claim.hpp"
#include "relucert/engine/domain.hpp"

namespace relucert::engine {

struct MinimizeOptions {
    double tol = 1e-6;              // target hi - lo (absolute)
    std::size_t max_boxes = 2000000;
};

struct MinimizeResult {
    bool converged = false;         // hi - lo <= tol
    bool feasible_found = false;    // hi is finite (a proven feasible point exists)
    double lo = -rounding::kInf, hi = rounding::kInf;
    std::vector<double> point;      // internal coordinates of the point achieving hi
    std::vector<std::string> point_text;  // claim coordinates, "%.17g"
    std::size_t boxes = 0;
    double seconds = 0;
    std::string reason;             // why not converged
    std::vector<VariableMap> maps;
};

MinimizeResult minimize(const Claim& f, const MinimizeOptions& options);

}  // namespace relucert::engine
