// Audit items for the remarks after Theorem 8 (Chistikov, Englert & Lazic Sec. 7 l. 254), on top of the
// exact Theorem 8 checks of certify/chistikov/: the Z-matrix sufficient condition for M < 0 and the
// orthogonal case. Both use the exact linear algebra and the rigorous enclosure of M of
// certify/chistikov/min_norm.hpp.
#include <sstream>
#include <string>

#include "audit/chistikov_common.hpp"
#include "chistikov/datasets.hpp"
#include "chistikov/min_norm.hpp"

namespace relucert::audit::chistikov {
namespace {

using relucert::chistikov::Thm8Dataset;

std::string fmt_interval(const Interval& x) {
    std::ostringstream os;
    os << '[' << sci(x.lo()) << ", " << sci(x.hi()) << ']';
    return os.str();
}

// Random integer datasets x_i = (a_i, b_i, 10) with |(a_i, b_i)| < 10 (so angle(v*, x_i) < pi/4, v* = e3).
std::vector<Thm8Dataset> random_integer_datasets(trainer::Rng& rng, std::size_t count) {
    std::vector<Thm8Dataset> out;
    while (out.size() < count) {
        Thm8Dataset d;
        d.name = "random";
        d.key = "rnd";
        for (auto& x : d.x) {
            long a = 0, b = 0;
            do {
                a = static_cast<long>(rng.below(19)) - 9, b = static_cast<long>(rng.below(19)) - 9;
            } while (a * a + b * b >= 100);
            x = {Rational(a), Rational(b), Rational(10)};
        }
        if (d.det() == 0) continue;
        std::ostringstream os;  // (not a chain of string + : GCC 12 reports a false -Wrestrict there)
        os << "x = ";
        for (int i = 0; i < 3; ++i) os << (i ? ", (" : "(") << d.x[i][0].str() << "," << d.x[i][1].str() << ",10)";
        d.name = os.str();
        out.push_back(d);
    }
    return out;
}

std::vector<CheckResult> zmatrix(const AuditContext& ctx) {
    PredicateCheck z("Z-matrix inverse Gram (chi_k'chi_l <= 0 for k != l, exact) => M < 0 (M enclosed rigorously); the Gram matrix "
                     "X'X is entrywise positive",
                     "exact rationals for the Z-matrix and Gram conditions; interval enclosure of M (256 pieces per case)");
    std::size_t zcount = 0;
    auto rng = item_rng(ctx, "chistikov.thm8-zmatrix");
    auto sets = relucert::chistikov::thm8_datasets();
    for (const auto& d : random_integer_datasets(rng, ctx.quick ? 40 : 200)) sets.push_back(d);
    for (const auto& d : sets) {
        if (!relucert::chistikov::angles_below_pi_over_4(d)) continue;
        const bool zm = relucert::chistikov::inverse_gram_is_z_matrix(d);
        if (!zm) continue;
        ++zcount;
        const Interval M = relucert::chistikov::m_enclosure(d, 256);
        z.add(M.hi() < 0 && relucert::chistikov::gram_is_positive(d), -M.hi(), d.name + ": Z-matrix, M in " + fmt_interval(M), M.lo() > 0);
    }
    if (zcount == 0) z.add(false, 0, "no Z-matrix dataset sampled");
    return {z.result()};
}

std::vector<CheckResult> orthogonal(const AuditContext&) {
    PredicateCheck c("orthogonal x_i: every cos angle(p, q) term of M is 0 (chi_k pairwise orthogonal, exact) and M < 0",
                     "exact rationals; interval enclosure of M (1024 pieces per case)");
    const auto d = relucert::chistikov::orthogonal_example();
    bool orth = true;
    for (int k = 0; k < 3; ++k)
        for (int l = k + 1; l < 3; ++l) orth = orth && relucert::chistikov::dot(d.chi(k), d.chi(l)) == 0;
    const Interval M = relucert::chistikov::m_enclosure(d, 1024);
    c.add(orth && M.hi() < 0, -M.hi(), "x_i = (i+1) e_i, v* = (1,2,2)/3: chi_k'chi_l = 0 exactly, M in " + fmt_interval(M) +
                                           " (outside the paper's setting: orthogonal points cannot all be within pi/4 of v*)");
    return {c.result()};
}

const AuditRegistration rz({"chistikov.thm8-zmatrix", "Sec. 7 l. 254",
                            "a sufficient condition for M < 0 is that any two distinct rows chi_k of X^-1 have non-positive inner "
                            "product (the inverse Gram matrix is a Z-matrix); in our setting the Gram matrix is positive",
                            "the four Theorem 8 datasets and random integer datasets inside the pi/4 setting: exact Z-matrix test, "
                            "rigorous enclosure of M",
                            true, "", zmatrix});
const AuditRegistration ro({"chistikov.thm8-orthogonal", "Sec. 7 l. 254",
                            "if the training points were orthogonal then all the cos angle(p, q) terms in M would be zero and M < 0",
                            "exact orthogonality of the chi_k; enclosure of M on x_i = (i+1) e_i", true,
                            "also certified case by case as chistikov.thm8-M.orth.*", orthogonal});

}  // namespace
}  // namespace relucert::audit::chistikov
