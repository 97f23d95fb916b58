// The projection constants of the convergence argument ([21] (7.34), used at l. 147-151 and l. 228-230):
// for w* in K and any z, |P_K(z) - w*| <= kappa |z - w*|, with kappa = 1 for convex K (nonexpansiveness,
// w* = P_K(w*)) and kappa = 2 for an arbitrary closed K (|P_K(z) - w*| <= |P_K(z) - z| + |z - w*| and
// |P_K(z) - z| <= |w* - z|). The constants themselves are not legible in the paper (l. 151, 230);
// these are the values of [21] that the text cites.
//
// soltanolkotabi.proj-two-point: kappa = 2 is the best constant for general nonconvex K. K = {-1, 1}
//   = {w : R(w) <= R(w*)} for R(w) = ||w| - 1|, w* = 1, z = -e with e in (0, 1]: P_K(z) = -1, so
//   |P_K(z) - w*| / |z - w*| = 2 / (1 + e) -> 2 as e -> 0. Claim: kappa (1 + e) - 2 >= 0 on [0, 1]; tight
//   at e = 0 exactly for kappa = 2 (e = 0 itself is a tie of the projection; the sup is approached).
// soltanolkotabi.proj-l0: the sparse set K = {|w|_0 <= s} in its smallest case d = 2, s = 1, w* = e1 (the
//   set is a cone, so |w*| = 1 loses nothing). For z = (x, y) with |y| >= |x| hard thresholding keeps
//   (0, y) and |P_K(z) - w*|^2 = 1 + y^2; for |x| > |y| it keeps (x, 0) and the ratio is <= 1. With y = t >= 0
//   (symmetry) and x = t v, v in [-1, 1]: kappa2 ((t v - 1)^2 + t^2) - (1 + t^2) >= 0 on [0, inf) x [-1, 1];
//   homogenised with t = q / (1 - q), q in [0, 1], times (1 - q)^2:
//   kappa2 ((q v - (1 - q))^2 + q^2) - ((1 - q)^2 + q^2) >= 0 on [0, 1] x [-1, 1].
//   The sup of the ratio is the golden ratio squared (3 + sqrt 5)/2 at v = 1, t = (sqrt 5 - 1)/2, which is
//   the known tight constant of hard thresholding for |w*|_0 = s in every dimension (Shen & Li 2017,
//   "A tight bound of hard thresholding"); the claim certifies the 2-D case only.
#include "relucert/engine/claim.hpp"

namespace relucert::soltanolkotabi {
namespace {
struct TwoPoint {
    template <class T>
    T operator()(const T* x, const T* p) const {
        return p[0] * (T(1) + x[0]) - T(2);
    }
};
struct L0Plane {
    template <class T>
    T operator()(const T* x, const T* p) const {
        // t = q / (1 - q), multiplied by (1 - q)^2 > 0 (q = 1 is the limit t -> inf)
        const T& q = x[0];
        const T& v = x[1];
        const T r = T(1) - q;
        const T dx = q * v - r;
        return p[0] * (dx * dx + q * q) - (r * r + q * q);
    }
};
engine::ClaimInfo two_point() {
    engine::ClaimInfo c;
    c.id = "soltanolkotabi.proj-two-point";
    c.reference = "[21] (7.34) as cited at l. 151, 230: |P_K(z) - w*| <= kappa |z - w*|, kappa = 2 for nonconvex K";
    c.statement = "K = {-1, 1}, w* = 1, z = -e: |P_K(z) - w*| = 2 <= kappa |z - w*| = kappa (1 + e) for e in [0, 1]";
    c.variables = {{"e", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "-z (distance of z to the midpoint 0)"}};
    c.parameters = {{"kappa", Rational(2), "projection constant (nonconvex K)"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "tight at e = 0 for kappa = 2: no kappa < 2 holds for all closed K";
    return c;
}
engine::ClaimInfo l0_plane() {
    engine::ClaimInfo c;
    c.id = "soltanolkotabi.proj-l0";
    c.reference = "[21] (7.34) as cited at l. 151, 230; K = {|w|_0 <= s} (Sec. 4, iterative hard thresholding), d = 2, s = 1";
    c.statement = "|H_1(z) - e1|^2 <= kappa2 |z - e1|^2 for z = (t v, t), t = q/(1-q) >= 0, |v| <= 1 (where H_1 keeps the 2nd entry)";
    c.variables = {{"q", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "|z_2| / (1 + |z_2|) (kept entry)"},
                   {"v", engine::Endpoint::finite(-1), engine::Endpoint::finite(1), "z_1 / |z_2| (dropped entry)"}};
    c.parameters = {{"kappa2", Rational(4), "squared projection constant (kappa = 2 for nonconvex K)"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "best kappa2 = (3 + sqrt 5)/2 ~ 2.618034 (golden ratio squared) at v = 1, t = (sqrt 5 - 1)/2, q = (3 - sqrt 5)/2";
    return c;
}
const engine::ClaimRegistration reg_two(engine::make_claim<1>(two_point(), TwoPoint{}));
const engine::ClaimRegistration reg_l0(engine::make_claim<2>(l0_plane(), L0Plane{}));
}  // namespace
}  // namespace relucert::soltanolkotabi
