// Audit of the yardstick trajectories of Chistikov, Englert & Lazic (Sec. 3 l. 125-127) and of
// Proposition 2 (l. 150-155): the closed form of alpha_j^t and of the crossing times tau_j^l
// (certify/audit/chistikov_common.hpp) against an independent RK4 integration, and the structure
// Proposition 2 asserts (each point of I_{-s_j}(z_j) crosses exactly once, one at a time, nothing else
// touches the boundary).
#include <algorithm>
#include <cmath>
#include <set>

#include "audit/chistikov_yardsticks.hpp"

namespace relucert::audit::chistikov {

std::vector<TrainingSet> yardstick_sets() {
    return {thm8_set("A"), thm8_set("B"), sec8_set_in_setting(trainer::DataScheme::centred, 4, 1),
            sec8_set_in_setting(trainer::DataScheme::uncentred, 4, 1), sec8_set(trainer::DataScheme::centred, 16, 3)};
}

std::vector<CheckResult> prop2_checks(const AuditContext& ctx, YardstickVariant variant) {
    auto rng = item_rng(ctx, "chistikov.prop2");
    // RK4 with step h = 2e-3 / |gamma_[n]|: global error ~ (g h)^4 ~ 1e-11 relative; bisection to 2^-60 of a step.
    ToleranceComparison tc("tau_j^l (closed form, MPFR) vs RK4 integration of d alpha/dt = s |alpha| gamma_{I+(alpha)}, in units of "
                           "1/|gamma_[n]|",
                           "RK4 h = 2e-3/|gamma_[n]|, event bisection; closed form in MPFR 256-bit", 1e-8);
    PredicateCheck st("Prop. 2: n_j crossings, an enumeration of I_{-s_j}(z_j), 0 < tau^1 < ... < tau^{n_j}, no other point on the "
                      "boundary on [tau^{l-1}, tau^l] (margin > 0)",
                      "closed form (double) with the exact per-piece minimum of |alphabar'xbar_i|");
    const std::size_t units = ctx.quick ? 6 : 25;
    for (const auto& data : yardstick_sets()) {
        const auto x = data.columns<M>();
        const auto y = data.labels<M>();
        const auto xd = data.columns<double>();
        const auto yd = data.labels<double>();
        const double g_all = gamma_of(data, std::vector<bool>(static_cast<std::size_t>(data.n()), true)).norm();
        std::size_t done = 0;
        while (done < units) {
            const Vec<double> z = random_normal_vector(rng, static_cast<std::size_t>(data.d()), 1.0 / std::sqrt(20.0 * data.d()));
            const int s = rng.uniform01() < 0.5 ? -1 : 1;
            bool any = false;
            for (const auto& xi : xd) any = any || vdot(xi, z) > 0;
            if (!any) continue;  // not in J+ or J-
            ++done;
            const auto ysm = yardstick(x, y, mp(z), s, variant);
            const auto ysd = yardstick(xd, yd, z, s, variant);
            const double horizon = (ysd.tau.empty() ? 1.0 : 1.5 * ysd.tau.back()) + 2.0 / g_all;
            const auto ref = yardstick_rk4(data, Eigen::Map<const Eigen::VectorXd>(z.data(), static_cast<Eigen::Index>(z.size())), s, horizon,
                                           2e-3 / g_all);
            const std::string where = data.name + " s=" + std::to_string(s) + " z=" + format_vector(z, 3);
            if (ref.order != ysm.order) {
                tc.compare(1.0, 0.0, where + ": crossing order differs (closed form " + std::to_string(ysm.order.size()) + " crossings, RK4 " +
                                         std::to_string(ref.order.size()) + ")",
                           1.0);
            } else {
                for (std::size_t l = 0; l < ref.tau.size(); ++l)
                    tc.compare(ysm.tau[l] * mp(g_all), mp(ref.tau[l] * g_all), where + " l=" + std::to_string(l + 1), 1.0);
            }
            // Proposition 2's structure
            std::set<int> expected;
            for (std::size_t i = 0; i < xd.size(); ++i)
                if ((vdot(xd[i], z) > 0) != (s > 0)) expected.insert(static_cast<int>(i));
            const std::set<int> got(ysd.order.begin(), ysd.order.end());
            bool increasing = !ysd.tau.empty() || expected.empty();
            for (std::size_t l = 0; l < ysd.tau.size(); ++l) increasing = increasing && ysd.tau[l] > (l == 0 ? 0.0 : ysd.tau[l - 1]);
            const double margin = yardstick_margin(data, ysd);
            const bool ok = got == expected && ysd.order.size() == ysd.n_j && increasing && margin > 0;
            st.add(ok, margin, where + ": n_j = " + std::to_string(ysd.n_j) + ", crossings " + std::to_string(ysd.order.size()) + ", margin " + sci(margin));
        }
    }
    return {tc.result(), st.result()};
}

namespace {
std::vector<CheckResult> prop2(const AuditContext& ctx) { return prop2_checks(ctx, YardstickVariant::derived); }

const AuditRegistration r_p2({"chistikov.prop2", "Sec. 3 l. 125-127 (yardsticks), Proposition 2 l. 150-155",
                              "for j in J+ u J-: a unique enumeration i^1..i^{n_j} of I_{-s_j}(z_j) and 0 < tau^1 < ... < tau^{n_j} with "
                              "I_{s_j}(alpha^t) = I_{s_j}(z_j) u {i^1..i^{l-1}} and I_0(alpha^t) = {} on (tau^{l-1}, tau^l), I_0(alpha^{tau^l}) = {i^l}",
                              "closed form (derived: on a piece alpha = c sinh(u0 + s|gamma|t) gammabar + q) against RK4; Prop. 2's structure "
                              "on random z_j",
                              true,
                              "closed form: with alpha = p gammabar + q, q orthogonal to gamma = gamma_{I+}, c = |q|: q is constant and "
                              "p = c sinh(u0 + s|gamma| t), so x_i'alpha = 0 at tau = s(asinh(-x_i'q/(c x_i'gammabar)) - u0)/|gamma|",
                              prop2});
}  // namespace

}  // namespace relucert::audit::chistikov
