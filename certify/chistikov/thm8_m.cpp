// chistikov.thm8-M.<dataset>.<K>: the sign of M (Sec. 7, l. 236-241) on the Theorem 8 datasets, one
// claim per proper non-empty K of [3] (min_norm.hpp, m_cases):
//     f_K(s) = cos angle(p(s), q(s)) - sin angle(p(s), v*) < 0   for s in [0, 1],
// with p(s) = (1-s) chi_a + s chi_b, q = chi_c (|K| = 2) or p = chi_a, q(s) = (1-s) chi_b + s chi_c
// (|K| = 1). The angles do not depend on the scaling of p and q, so one cone coefficient per side is
// all there is for d = 3. M < 0 iff all six are CERTIFIED; M > 0 iff one is REFUTED (the engine's
// counterexample point proves f_K > 0 there, hence M > 0). M is not attained at a boundary s = 0 or 1
// with value 0 on these data (M != 0, Assumption 3), so no claim is tight.
#include "chistikov/min_norm.hpp"
#include "relucert/engine/claim.hpp"
#include "relucert/scalar.hpp"

namespace relucert::chistikov {
namespace {

struct MTerm {
    MCase c;
    Vec3<Rational> vstar;
    template <class T>
    T operator()(const T* x, const T*) const {
        return m_term<T>(c, vstar, x[0], &from_rational<T>);
    }
};

// Expected verdicts, from the data (and cross-checked in tests/test_chistikov_thm8.cpp against an
// independent interval enclosure of each f_K): on T8-A and T8-A' M > 0, attained at K = {2}, {3}
// (single chi's, p = chi_k and q = the other chi at a cone edge); on T8-B, T8-B' and the orthogonal
// example M < 0.
bool expect_positive_somewhere(const std::string& key, const std::string& label) {
    if (key == "A" || key == "Ap") return label != "K1" && label != "K23";
    return false;
}

std::string vec_text(const Vec3<Rational>& v) {
    std::string s = "(";
    for (int i = 0; i < 3; ++i) {
        s += to_string(v[i]);
        s += i < 2 ? ", " : ")";
    }
    return s;
}

void register_dataset(const Thm8Dataset& d) {
    for (const auto& c : m_cases(d)) {
        engine::ClaimInfo info;
        info.id = "chistikov.thm8-M." + d.key + "." + c.label;
        info.reference = "Sec. 7 l. 236-241 (definition of M), Theorem 8 l. 243-252; dataset " + d.name;
        const bool pair = c.K.size() == 2;
        info.statement = "M_K < 0 on " + d.name + ", K = {" +
                         (pair ? std::to_string(c.K[0] + 1) + "," + std::to_string(c.K[1] + 1) : std::to_string(c.K[0] + 1)) +
                         "}: cos angle(p,q) - sin angle(p,v*) < 0 for all p in cone{chi_k: k in K}, q in cone{chi_k: k not in K}";
        info.variables = {{"s", engine::Endpoint::finite(0), engine::Endpoint::finite(1),
                           pair ? "p = (1-s) chi_a + s chi_b (q = chi_c)" : "q = (1-s) chi_b + s chi_c (p = chi_a)"}};
        info.relation = engine::Relation::Less;
        info.expected = expect_positive_somewhere(d.key, c.label) ? engine::Verdict::Refuted : engine::Verdict::Certified;
        info.notes = "x = " + vec_text(d.x[0]) + ", " + vec_text(d.x[1]) + ", " + vec_text(d.x[2]) + ", v* = " +
                     vec_text(d.vstar) + "; p0 = " + vec_text(c.p0) + ", p1 = " + vec_text(c.p1) + ", q0 = " +
                     vec_text(c.q0) + ", q1 = " + vec_text(c.q1) +
                     ". REFUTED here means M > 0 (Theorem 8 (ii) applies); all six CERTIFIED means M < 0 (Theorem 8 (i)).";
        static std::vector<engine::ClaimRegistration> regs;
        regs.emplace_back(engine::make_claim<1>(std::move(info), MTerm{c, d.vstar}));
    }
}

const bool registered = [] {
    for (const auto& d : thm8_datasets()) register_dataset(d);
    register_dataset(orthogonal_example());
    return true;
}();

}  // namespace
}  // namespace relucert::chistikov
