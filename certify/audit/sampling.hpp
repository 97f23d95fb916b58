// What every paper's audit items share (certify/audit/*.cpp): Monte Carlo sample sizes and point
// counts (smaller under --quick, same decision rules), the finite-difference step and the tolerance it
// justifies, and one random stream per item.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "relucert/audit/audit.hpp"
#include "relucert/trainer/rng.hpp"

namespace relucert::audit {

inline constexpr const char* kRewriteMethod = "MPFR 256-bit intervals at random points";

// Monte Carlo sizes and point counts (the quick mode divides by 10 / uses fewer points).
inline std::size_t mc_samples(const AuditContext& c) { return c.quick ? 200000 : 2000000; }
inline std::size_t rewrite_points(const AuditContext& c) { return c.quick ? 20 : 100; }
inline std::size_t fd_points(const AuditContext& c) { return c.quick ? 3 : 10; }
inline std::string mc_method(const AuditContext& c) {
    return "Monte Carlo " + std::string(c.quick ? "2x10^5" : "2x10^6") + " samples";
}
// Finite differences: central, Richardson-extrapolated, step h = 2^-24, evaluated at 256 bits. With
// D(h) = F' + F''' h^2/6 + F^(5) h^4/120 + ..., (4 D(h/2) - D(h))/3 = F' - F^(5) h^4/480 + O(h^6), i.e.
// an error of about 2.6e-32 |F^(5)| (rounding adds ~1e-70/h). The tolerance 1e-18 relative to
// max(1, largest |component|) therefore holds for |F^(5)| up to ~1e13 -- far above what the test
// points (norms in [0.5, 2], pairwise |cos| <= 0.95-0.99) give: the observed discrepancies are ~1e-30
// -- while an error in a printed formula shows at >= 1e-3.
inline constexpr double kFdStep = 0x1p-24;
inline constexpr double kFdTolerance = 1e-18;
inline constexpr const char* kFdMethod = "central FD h=2^-24, Richardson, MPFR 256-bit";

// Per-item random stream: the context's seed mixed with the item's id, so items are independent of
// which others run.
inline trainer::Rng item_rng(const AuditContext& c, const std::string& id) {
    std::uint64_t h = 1469598103934665603ull;
    for (char ch : id) h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
    return trainer::Rng(c.seed * 0x9E3779B97F4A7C15ull ^ h);
}

}  // namespace relucert::audit
