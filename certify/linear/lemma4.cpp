// linear.lemma4, linear.fig6, linear.fig6.printed: the correlation inequality (Lemma 4, Sec. 6 l. 332;
// proof E.1.2 l. 777-861) in its reduced form h_tilde >= 0 (reduced.hpp).
//
// Reduction (each step checked; proofs/linear-functions.md):
//   1. <W - W*, grad L> from A.4 (audited: linear.corr-a4), h := that - alpha |W - W*|^2 expanded as
//      g - (gamma1 w1 + gamma2 w2)^T a + (1 - 2 alpha)|a|^2 (audited: linear.h-expansion; the printed
//      gamma1 has the wrong sign of 2 alpha: linear.h-expansion.printed);
//   2. h depends on a only through (gamma1 w1 + gamma2 w2)^T a and |a|, and the constraint
//      |w1 + w2| <= rho |a| only through |a|: the minimum over a is h_tilde (exact, attained);
//      Lemma 4 <=> h_tilde(w1, w2) >= 0 for all w1, w2 != 0;
//   3. h_tilde is homogeneous of degree 2 and rotation invariant: a function of (theta, r) times |w1|^2
//      (the paper's l. 861 and Figure 6 divide by |w1| instead, which leaves a factor |w1|);
//   4. with u = theta / pi and t = r / (1 + r) the domain theta in [0, pi], r in (0, inf) is the
//      compact square [0, 1]^2 (its edges t = 0, 1 are the limits w2 -> 0, w1 -> 0).
// Tight points at alpha = 3/10, rho = 1/2: (u, t) = (1, 1/2) is W = W* (value 0, zero gradient,
// positive definite Hessian), and (0, 0), (0, 1) are the limits w2 -> 0 (w1 -> 0) with theta = 0 and
// |a| = 2|w1|, where h_tilde / |w1|^2 -> 3/2 - 5 alpha + ... : alpha = 3/10 and rho = 1/2 are both the
// best constants (`relucert best linear.lemma4 --param alpha` / `--param rho`).
#include "linear/reduced.hpp"
#include "relucert/engine/claim.hpp"

namespace relucert::linear {
namespace {

template <Gamma1 Which>
struct HTilde {
    template <class T>
    T operator()(const T* x, const T* p) const {
        return h_tilde(x[0], T(T(1) - x[1]), x[1], p[0], p[1], Which);
    }
};

using engine::Endpoint;

engine::ClaimInfo base_info(const Endpoint& t_lo, const Endpoint& t_hi) {
    engine::ClaimInfo c;
    c.variables = {{"u", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "theta / pi, theta = angle(w1, w2)"},
                   {"t", t_lo, t_hi, "|w2| / (|w1| + |w2|), i.e. r = |w2|/|w1| = t / (1 - t)"}};
    c.parameters = {{"alpha", Rational(3, 10), "correlation constant (paper: 0.3)"},
                    {"rho", Rational(1, 2), "initialisation radius: |w1 + w2| <= rho |a| (paper: 1/2)"}};
    c.relation = engine::Relation::GreaterEq;
    return c;
}

engine::ClaimInfo lemma4_info() {
    engine::ClaimInfo c = base_info(Endpoint::finite(0), Endpoint::finite(1));
    c.id = "linear.lemma4";
    c.reference = "Lemma 4 (Sec. 6, l. 332), proof E.1.2 (l. 777-861), eq. (3)";
    c.statement =
        "<W-W*, grad L(W)> >= alpha |W-W*|_F^2 whenever |w1+w2| <= rho |a|, reduced to "
        "h_tilde(theta, r) / |w1|^2 >= 0 on theta in [0, pi], r in [0, inf] (u = theta/pi, t = r/(1+r))";
    c.expected = engine::Verdict::Certified;
    c.notes =
        "the whole domain, not only Figure 6's r in [1e-5, 1e5]; gamma1 as the definitions give it (-2 alpha). "
        "Tight: (u,t) = (1,1/2) is W = W*; (0,0) and (0,1) are the limits w2 -> 0 (w1 -> 0) at theta = 0, "
        "where alpha = 3/10 and rho = 1/2 are sharp.";
    return c;
}

engine::ClaimInfo fig6_info() {
    // Figure 6's plotted range r in [1e-5, 1e5]: t = r / (1 + r) in [1/100001, 100000/100001].
    engine::ClaimInfo c = base_info(Endpoint::finite(Rational(1, 100001)), Endpoint::finite(Rational(100000, 100001)));
    c.id = "linear.fig6";
    c.reference = "Figure 6 (l. 859) and l. 861, Sec. 6 l. 328-330";
    c.statement = "h_tilde(w1, w2) >= 0 for theta in [0, pi], r = |w2|/|w1| in [1e-5, 1e5] (the plotted range), alpha = 0.3";
    c.expected = engine::Verdict::Certified;
    c.notes = "what the figure shows, proven; linear.lemma4 covers all r. The caption's 1/|w1| normalisation is not a function "
              "of (theta, r) alone (degree 2 homogeneity); the sign is unaffected.";
    return c;
}

engine::ClaimInfo fig6_printed_info() {
    engine::ClaimInfo c = base_info(Endpoint::finite(Rational(1, 100001)), Endpoint::finite(Rational(100000, 100001)));
    c.id = "linear.fig6.printed";
    c.reference = "E.1.2 l. 786 (gamma1 as printed) with Figure 6's range";
    c.statement = "h_tilde >= 0 on Figure 6's range with gamma1 := (3 pi - sin theta |w2|/|w1| - theta)/(2 pi) + 2 alpha as printed";
    c.expected = engine::Verdict::Refuted;
    c.notes = "the printed sign of 2 alpha in gamma1 makes h_tilde negative (about -2.56 |w1|^2 at theta = 0, r -> 0): "
              "the figure cannot have been drawn from the printed formula.";
    return c;
}

const engine::ClaimRegistration reg_lemma4(engine::make_claim<2>(lemma4_info(), HTilde<Gamma1::derived>{}));
const engine::ClaimRegistration reg_fig6(engine::make_claim<2>(fig6_info(), HTilde<Gamma1::derived>{}));
const engine::ClaimRegistration reg_fig6_printed(engine::make_claim<2>(fig6_printed_info(), HTilde<Gamma1::printed>{}));

}  // namespace
}  // namespace relucert::linear
