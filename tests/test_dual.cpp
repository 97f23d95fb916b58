// Tests for forward-mode AD (dual.hpp).
//   double:   gradients of every elementary function and of compositions (among them the arc-cosine
//             kernel expression) against central finite differences whose tolerance is derived from
//             a Richardson estimate of the truncation error plus a bound on the evaluation error;
//             Hessians (nested Dual) against finite differences of the AD gradient; closed-form
//             gradients and Hessians derived by hand; the conventions at kinks and singular points.
//   Interval: Dual<Interval, 3> on random boxes encloses value, gradient and Hessian at random points
//             of the box; the mean-value inclusion f(y) in f(x) + G(X).(y - x); the Clarke hulls of
//             abs/min/max and the whole-line derivative of sqrt at 0.
//   MpInterval: the same containment on a few boxes (Dual over the checker's scalar).
// Every checker is also run on a local mutant (sin' = -cos) and must reject it.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <random>
#include <string>

#include "relucert/dual.hpp"
#include "relucert/elementary.hpp"
#include "relucert/mp_interval.hpp"

using namespace relucert;

namespace {

constexpr int N = 3;
template <class S>
using Vec = std::array<S, N>;
constexpr double kU = 0x1p-53;  // unit roundoff of binary64

// ---- the functions under test ------------------------------------------------------------------
// sin with an optional wrong derivative rule (sin' = -cos) at the outermost AD level: the mutant
// every checker below must reject.
double sin_m(double x, bool) { return std::sin(x); }
Interval sin_m(const Interval& x, bool) { return sin(x); }
template <class T, int M>
Dual<T, M> sin_m(const Dual<T, M>& x, bool mutant) {
    Dual<T, M> r = sin(x);
    if (mutant)
        for (auto& di : r.d) di = -di;  // cos(v) d  ->  -cos(v) d
    return r;
}

// The arc-cosine kernel expression r (sin t + (pi - t) cos t) + sqrt(1 + r)(sin t - t cos t)
// + acos(cos(t) / 2) + exp(-r).
template <class S>
S arc_cosine_expression(const S& r, const S& t, bool mutant = false) {
    using std::acos;
    using std::cos;
    using std::exp;
    using std::sqrt;
    const S st = sin_m(t, mutant), ct = cos(t);
    return r * (st + (ScalarOps<S>::pi() - t) * ct) + sqrt(1 + r) * (st - t * ct) + acos(ct / 2) + exp(-r);
}

struct FunctionInfo {
    const char* name;
    Vec<double> lo, hi;  // the domain box: f is defined (and smooth away from kinks) on it
};

// Each function uses every variable (except where noted) so that all partial derivatives are tested.
const std::array<FunctionInfo, 22> kFunctions = {{
    {"rational", {0.5, -1.5, -1}, {2, 1.5, 1}},
    {"sqr_pow", {-1.5, 0.5, -1}, {1.5, 1.5, 1}},
    {"sqrt", {-1, 0.5, 0.25}, {1, 2, 1}},
    {"exp", {-1, -1, -1}, {1, 1, 1}},
    {"expm1", {-1, -1, -1}, {1, 1, 1}},
    {"log", {0.5, -1, 0.1}, {2, 1, 1}},
    {"log1p", {-0.9, -0.9, -0.9}, {0.9, 0.9, 0.9}},
    {"sin", {-2, -2, -2}, {2, 2, 2}},
    {"cos", {-2, -2, -2}, {2, 2, 2}},
    {"tan", {-1, -0.5, -0.6}, {1, 0.5, 0.6}},
    {"atan", {-2, -2, -2}, {2, 2, 2}},
    {"asin", {-1.2, -1.2, -1.2}, {1.2, 1.2, 1.2}},
    {"acos", {-1.2, -1.2, -1.2}, {1.2, 1.2, 1.2}},
    {"atan2", {0.2, -1, -1}, {1.5, 1, 1}},
    {"erf", {-1.5, -1.5, -1.5}, {1.5, 1.5, 1.5}},
    {"erfc", {-1, -1, -1}, {1, 1, 1}},
    {"gaussian_pdf", {-2, -2, -2}, {2, 2, 2}},
    {"gaussian_cdf", {-2, -2, -2}, {2, 2, 2}},
    {"abs", {-1, -1, -1}, {1, 1, 1}},
    {"min_max", {-1, -1, -1}, {1, 1, 1}},
    {"composition", {-1, -1, -1}, {1, 1, 1}},
    {"arc_cosine_kernel", {0, 0.05, -1}, {2, 3.1, 1}},  // (r, t, unused z: its derivative must be 0)
}};
constexpr int kArcCosine = 21;

template <class S>
S test_function(int id, const Vec<S>& v, bool mutant = false) {
    using std::abs;
    using std::acos;
    using std::asin;
    using std::atan;
    using std::atan2;
    using std::cos;
    using std::erf;
    using std::erfc;
    using std::exp;
    using std::expm1;
    using std::log;
    using std::log1p;
    using std::max;
    using std::min;
    using std::pow;
    using std::sqrt;
    using std::tan;
    const S &x = v[0], &y = v[1], &z = v[2];
    switch (id) {
        case 0: return x * y * z + x / (1 + y * y) - 3 * z + 2 / x;
        case 1: return sqr(x * y) + pow(x, 3) - pow(y, -2) + pow(z, 5) + pow(x, 0) * z + pow(y, 1);
        case 2: return sqrt(x * x + y + 2 * z);
        case 3: return exp(x * y - z);
        case 4: return expm1(x - y * z);
        case 5: return log(x + y * y + z);
        case 6: return log1p(x * y * z);
        case 7: return sin_m(x * y + z, mutant);
        case 8: return cos(x - y * z);
        case 9: return tan(x * y - z);
        case 10: return atan(x * y + z / (1 + x * x));
        case 11: return asin(x * y * z / 2);
        case 12: return acos((x - y) * z / 3);
        case 13: return atan2(y + z, x) + atan2(x, y - 2);
        case 14: return erf(x * y - z);
        case 15: return erfc(x + y - z);
        case 16: return gaussian_pdf(x * y + z);
        case 17: return gaussian_cdf(x - y * z);
        case 18: return abs(x * y - z) + abs(x + 2) + abs(y - 3);
        case 19: return min(x * y, z) + max(x, y * z) + max(z, 3.0) + min(0.5 * y, -4.0);
        case 20:
            return (x - y) / (x + y + 3) * exp(-z) + log(1 + sqr(sin(x) * cos(y))) * atan(z) / sqrt(1 + x * x) -
                   (1.5 - x) * z;
        case kArcCosine: return arc_cosine_expression(x, y, mutant);
        default: throw std::logic_error("no such test function");
    }
}
// Distance of v from the kinks of the non-smooth test functions (+inf for smooth ones).
double kink_distance(int id, const Vec<double>& v) {
    if (id == 18) return std::fabs(v[0] * v[1] - v[2]);
    if (id == 19) return std::min(std::fabs(v[0] * v[1] - v[2]), std::fabs(v[0] - v[1] * v[2]));
    return std::numeric_limits<double>::infinity();
}

// String concatenation by append (GCC 12 gives a false -Wrestrict on "literal" + std::string&&).
template <class... A>
std::string cat(const A&... a) {
    std::string s;
    (s.append(a), ...);
    return s;
}
std::string hex(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", x);
    return buf;
}
std::string str(const Vec<double>& v) { return cat("(", hex(v[0]), ", ", hex(v[1]), ", ", hex(v[2]), ")"); }
std::string str(const Interval& x) { return cat("[", hex(x.lo()), ", ", hex(x.hi()), "]"); }
std::string str(const MpInterval& x) { return x.to_string(); }

// Uniform point of the box shrunk by a relative margin on each side.
Vec<double> random_point(std::mt19937_64& rng, const Vec<double>& lo, const Vec<double>& hi, double margin) {
    Vec<double> p;
    for (int i = 0; i < N; ++i) {
        const double w = hi[i] - lo[i];
        p[i] = std::uniform_real_distribution<double>(lo[i] + margin * w, hi[i] - margin * w)(rng);
    }
    return p;
}

// ---- finite-difference checks (double) -----------------------------------------------------------
// Central difference of phi: R^N -> R along e_i with nominal step h; the steps actually taken are the
// exact doubles x_i +- h, and the quotient uses their exact difference.
template <class F>
double central_difference(const F& phi, Vec<double> x, int i, double h) {
    const double xi = x[i], xp = xi + h, xm = xi - h;
    x[i] = xp;
    const double fp = phi(x);
    x[i] = xm;
    const double fm = phi(x);
    return (fp - fm) / (xp - xm);
}

// |deriv - D(h)| / tol, where tol bounds the error of the central difference D(h):
//   truncation  D(h) - phi' = phi''' h^2 / 6 + O(h^4): estimated by Richardson as |D(2h) - D(h)| / 3,
//               and taken twice for safety;
//   evaluation  if each value of phi is within eps of the truth, D(h) is within eps / h; we take
//               eps = 256 u (|phi(x)| + 1) (the functions here are a few dozen operations deep).
// A ratio <= 1 passes. The formula is exercised on a mutant below (it must give a ratio >> 1).
template <class F>
double fd_ratio(const F& phi, const Vec<double>& x, int i, double deriv, std::string* detail) {
    const double h = 0x1p-16 * std::max(1.0, std::fabs(x[i]));
    const double d1 = central_difference(phi, x, i, h), d2 = central_difference(phi, x, i, 2 * h);
    const double eps = 256 * kU * (std::fabs(phi(x)) + 1);
    const double tol = 2 * std::fabs(d2 - d1) / 3 + 2 * eps / h;
    const double ratio = std::fabs(deriv - d1) / tol;
    if (detail && !(ratio <= 1))
        *detail = cat("x = ", str(x), ", i = ", std::to_string(i), ", ad = ", hex(deriv), ", fd = ", hex(d1),
                      ", tol = ", hex(tol));
    return ratio;
}

// Worst FD ratio of the AD gradient of test function id (optionally the mutant) over random points;
// also REQUIREs that the AD value equals the double evaluation bit for bit (same operations).
double worst_gradient_ratio(int id, bool mutant, int points, std::uint64_t seed, std::string* detail) {
    const FunctionInfo& fi = kFunctions[id];
    std::mt19937_64 rng(seed);
    double worst = 0;
    auto f = [&](const auto& v) { return test_function(id, v, mutant); };
    for (int p = 0; p < points; ++p) {
        const Vec<double> x = random_point(rng, fi.lo, fi.hi, 0.01);
        if (kink_distance(id, x) < 1e-3) continue;
        const auto g = gradient(f, x);
        REQUIRE(g.value == test_function(id, x, mutant));
        for (int i = 0; i < N; ++i) {
            std::string d;
            const double r = fd_ratio([&](const Vec<double>& v) { return test_function(id, v, mutant); }, x, i,
                                      g.gradient[i], &d);
            if (!(r <= worst)) {
                worst = r;
                if (detail) *detail = d;
            }
        }
    }
    return worst;
}

// Worst FD ratio of the nested-Dual Hessian against finite differences of the (already checked) AD
// gradient; REQUIREs that the nested evaluation reproduces value and gradient of the single level
// exactly and that the Hessian is symmetric to rounding.
double worst_hessian_ratio(int id, int points, std::uint64_t seed, std::string* detail) {
    const FunctionInfo& fi = kFunctions[id];
    std::mt19937_64 rng(seed);
    double worst = 0;
    auto f = [&](const auto& v) { return test_function(id, v); };
    for (int p = 0; p < points; ++p) {
        const Vec<double> x = random_point(rng, fi.lo, fi.hi, 0.01);
        if (kink_distance(id, x) < 1e-3) continue;
        const auto g = gradient(f, x);
        const auto h = gradient_and_hessian(f, x);
        REQUIRE(h.value == g.value);
        for (int i = 0; i < N; ++i) REQUIRE(h.gradient[i] == g.gradient[i]);
        for (int i = 0; i < N; ++i)
            for (int j = 0; j < i; ++j)
                REQUIRE(std::fabs(h.hessian[i][j] - h.hessian[j][i]) <=
                        64 * kU * (std::fabs(h.hessian[i][j]) + std::fabs(h.hessian[j][i]) + 1));
        for (int i = 0; i < N; ++i)
            for (int j = 0; j < N; ++j) {
                std::string d;
                auto gj = [&](const Vec<double>& v) { return gradient(f, v).gradient[j]; };
                const double r = fd_ratio(gj, x, i, h.hessian[j][i], &d);
                if (!(r <= worst)) {
                    worst = r;
                    if (detail) *detail = cat(d, " (H[", std::to_string(j), "][", std::to_string(i), "])");
                }
            }
    }
    return worst;
}

// ---- interval containment --------------------------------------------------------------------------
template <class I>
Vec<I> box_of(const Vec<double>& lo, const Vec<double>& hi) {
    Vec<I> b;
    for (int i = 0; i < N; ++i) b[i] = I(lo[i], hi[i]);
    return b;
}
template <>
Vec<MpInterval> box_of<MpInterval>(const Vec<double>& lo, const Vec<double>& hi) {
    Vec<MpInterval> b;
    for (int i = 0; i < N; ++i) b[i] = MpInterval(lo[i], hi[i], 128);
    return b;
}

// A random sub-box of the domain: centre uniform, half-widths of a random scale (1e-6 .. 0.3 of the
// domain's width).
void random_box(std::mt19937_64& rng, const FunctionInfo& fi, Vec<double>& lo, Vec<double>& hi) {
    static constexpr double kScales[] = {1e-6, 1e-3, 0.03, 0.3};
    const double s = kScales[std::uniform_int_distribution<int>(0, 3)(rng)];
    const Vec<double> c = random_point(rng, fi.lo, fi.hi, 0.0);
    for (int i = 0; i < N; ++i) {
        const double w = (fi.hi[i] - fi.lo[i]) * s * std::uniform_real_distribution<double>(0.1, 1.0)(rng);
        lo[i] = std::max(fi.lo[i], c[i] - w);
        hi[i] = std::min(fi.hi[i], c[i] + w);
    }
}

// Evaluates Dual<I, 3> (gradient) and Dual<Dual<I, 3>, 3> (Hessian) of function id on random boxes
// and counts the points of the box (strictly inside it) where the double value, gradient or Hessian
// is not enclosed. `mutant` selects the sin' = -cos mutant for the interval evaluation only (the
// double reference is always the correct rule).
template <class I>
int count_containment_failures(int id, bool mutant, int boxes, int points, std::uint64_t seed, std::string* first) {
    const FunctionInfo& fi = kFunctions[id];
    std::mt19937_64 rng(seed);
    int failures = 0;
    auto fI = [&](const auto& v) { return test_function(id, v, mutant); };
    auto fD = [&](const auto& v) { return test_function(id, v); };
    auto note = [&](const std::string& what, const Vec<double>& x, const I& enc, double val) {
        ++failures;
        if (first && first->empty())
            *first = cat(fi.name, ": ", what, " at x = ", str(x), ": ", hex(val), " not in ", str(enc));
    };
    for (int b = 0; b < boxes; ++b) {
        Vec<double> lo, hi;
        random_box(rng, fi, lo, hi);
        const Vec<I> X = box_of<I>(lo, hi);
        const auto G = gradient(fI, X);
        const auto H = gradient_and_hessian(fI, X);
        for (int p = 0; p < points; ++p) {
            Vec<double> x;
            for (int i = 0; i < N; ++i)
                x[i] = lo[i] + (hi[i] - lo[i]) * std::uniform_real_distribution<double>(0.001, 0.999)(rng);
            const auto h = gradient_and_hessian(fD, x);
            if (!G.value.contains(h.value)) note("value", x, G.value, h.value);
            if (!H.value.contains(h.value)) note("value (nested)", x, H.value, h.value);
            for (int i = 0; i < N; ++i) {
                const std::string si = std::to_string(i);
                if (!G.gradient[i].contains(h.gradient[i])) note(cat("gradient ", si), x, G.gradient[i], h.gradient[i]);
                if (!H.gradient[i].contains(h.gradient[i]))
                    note(cat("gradient (nested) ", si), x, H.gradient[i], h.gradient[i]);
                for (int j = 0; j < N; ++j)
                    if (!H.hessian[i][j].contains(h.hessian[i][j]))
                        note(cat("hessian ", si, std::to_string(j)), x, H.hessian[i][j], h.hessian[i][j]);
            }
        }
    }
    return failures;
}

// Mean-value inclusion: with x the box centre and G the interval gradient on the box, the true f(y)
// lies both in f([y]) (a point evaluation) and in f([x]) + sum_i G_i ([y_i] - [x_i]); so the two
// enclosures must intersect. Returns the number of (box, y) pairs where they are disjoint.
int count_mean_value_failures(int id, bool mutant, int boxes, int points, std::uint64_t seed, std::string* first) {
    const FunctionInfo& fi = kFunctions[id];
    std::mt19937_64 rng(seed);
    int failures = 0;
    auto f = [&](const auto& v) { return test_function(id, v, mutant); };
    for (int b = 0; b < boxes; ++b) {
        Vec<double> lo, hi;
        random_box(rng, fi, lo, hi);
        const auto G = gradient(f, box_of<Interval>(lo, hi));
        Vec<Interval> xc;
        for (int i = 0; i < N; ++i) xc[i] = Interval(lo[i] + (hi[i] - lo[i]) / 2);  // rounded, still in the box
        const Interval fx = test_function(id, xc);
        for (int p = 0; p < points; ++p) {
            Vec<Interval> y;
            Vec<double> yd;
            for (int i = 0; i < N; ++i) {
                yd[i] = std::uniform_real_distribution<double>(lo[i], hi[i])(rng);
                y[i] = Interval(yd[i]);
            }
            Interval mv = fx;
            for (int i = 0; i < N; ++i) mv += G.gradient[i] * (y[i] - xc[i]);
            const Interval fy = test_function(id, y);
            if (mv.hi() < fy.lo() || fy.hi() < mv.lo()) {
                ++failures;
                if (first && first->empty())
                    *first = cat(fi.name, ": y = ", str(yd), ", mean-value form ", str(mv), ", f(y) in ", str(fy));
            }
        }
    }
    return failures;
}

}  // namespace

// =====================================================================================================
TEST_CASE("Dual<double>: gradients of every test function agree with finite differences", "[dual]") {
    for (int id = 0; id < static_cast<int>(kFunctions.size()); ++id) {
        std::string detail;
        const double worst = worst_gradient_ratio(id, false, 60, 1000 + static_cast<std::uint64_t>(id), &detail);
        INFO(kFunctions[id].name << ": worst |ad - fd| / tol = " << worst << " " << detail);
        CHECK(worst <= 1.0);
        CHECK(worst > 0.0);  // the comparison really ran
    }
}

TEST_CASE("Dual<Dual<double>>: Hessians agree with finite differences of the gradient", "[dual]") {
    for (int id = 0; id < static_cast<int>(kFunctions.size()); ++id) {
        std::string detail;
        const double worst = worst_hessian_ratio(id, 25, 2000 + static_cast<std::uint64_t>(id), &detail);
        INFO(kFunctions[id].name << ": worst |ad - fd| / tol = " << worst << " " << detail);
        CHECK(worst <= 1.0);
    }
}

TEST_CASE("the finite-difference check rejects a wrong derivative rule (mutant sin' = -cos)", "[dual]") {
    for (int id : {7, kArcCosine}) {
        const double good = worst_gradient_ratio(id, false, 60, 77, nullptr);
        const double bad = worst_gradient_ratio(id, true, 60, 77, nullptr);
        INFO(kFunctions[id].name << ": correct " << good << ", mutant " << bad);
        CHECK(good <= 1.0);
        CHECK(bad > 1e3);
    }
}

TEST_CASE("Dual<double>: hand-derived gradient and Hessian", "[dual]") {
    SECTION("x y + sin(x) exp(y) + z^3 / 3 - log(z)") {
        auto f = [](const auto& v) {
            using std::exp;
            using std::log;
            using std::sin;
            return v[0] * v[1] + sin(v[0]) * exp(v[1]) + pow(v[2], 3) / 3 - log(v[2]);
        };
        const Vec<double> pts[] = {{0.3, -0.7, 1.9}, {-2.1, 0.4, 0.35}, {1.0, 1.0, 1.0}};
        for (const auto& p : pts) {
            const double x = p[0], y = p[1], z = p[2];
            const auto r = gradient_and_hessian(f, p);
            const double g[3] = {y + std::cos(x) * std::exp(y), x + std::sin(x) * std::exp(y), z * z - 1 / z};
            const double H[3][3] = {{-std::sin(x) * std::exp(y), 1 + std::cos(x) * std::exp(y), 0},
                                    {1 + std::cos(x) * std::exp(y), std::sin(x) * std::exp(y), 0},
                                    {0, 0, 2 * z + 1 / (z * z)}};
            for (int i = 0; i < 3; ++i) {
                CHECK(r.gradient[i] == Approx(g[i]).epsilon(1e-14).margin(1e-15));
                for (int j = 0; j < 3; ++j) CHECK(r.hessian[i][j] == Approx(H[i][j]).epsilon(1e-14).margin(1e-15));
            }
            CHECK(r.hessian[0][2] == 0.0);  // z does not meet x or y: exactly zero, not just small
            CHECK(r.hessian[2][1] == 0.0);
        }
    }
    SECTION("the arc-cosine kernel expression") {
        auto f = [](const auto& v) { return arc_cosine_expression(v[0], v[1]); };
        const double pi = std::numbers::pi;
        for (const auto& rt : {std::array<double, 2>{0.7, 1.1}, std::array<double, 2>{0.0, 0.05}, std::array<double, 2>{1.9, 3.0}}) {
            const double r = rt[0], t = rt[1], s = std::sin(t), c = std::cos(t), q = 1 - c * c / 4;
            const double sr = std::sqrt(1 + r);
            // d/dr and d/dt, derived by hand:
            const double fr = s + (pi - t) * c + (s - t * c) / (2 * sr) - std::exp(-r);
            const double ft = -r * (pi - t) * s + sr * t * s + s / (2 * std::sqrt(q));
            const double frr = -(s - t * c) / (4 * sr * sr * sr) + std::exp(-r);
            const double frt = -(pi - t) * s + t * s / (2 * sr);
            const double ftt = r * s - r * (pi - t) * c + sr * (s + t * c) + c / (2 * std::sqrt(q)) -
                               s * s * c / (8 * q * std::sqrt(q));
            const auto g = gradient_and_hessian(f, rt);
            CHECK(g.gradient[0] == Approx(fr).epsilon(1e-13).margin(1e-14));
            CHECK(g.gradient[1] == Approx(ft).epsilon(1e-13).margin(1e-14));
            CHECK(g.hessian[0][0] == Approx(frr).epsilon(1e-13).margin(1e-14));
            CHECK(g.hessian[0][1] == Approx(frt).epsilon(1e-13).margin(1e-14));
            CHECK(g.hessian[1][0] == Approx(frt).epsilon(1e-13).margin(1e-14));
            CHECK(g.hessian[1][1] == Approx(ftt).epsilon(1e-13).margin(1e-14));
        }
    }
}

TEST_CASE("Dual: construction, constants, mixed arithmetic, ScalarOps", "[dual]") {
    using D = Dual<double, 2>;
    const auto v = make_variables<double, 2>({3.0, -2.0});
    CHECK(v[0].v == 3.0);
    CHECK(v[0].d == std::array<double, 2>{1.0, 0.0});
    CHECK(v[1].d == std::array<double, 2>{0.0, 1.0});
    const D c = 5;  // constants have zero gradient
    CHECK(c.d == std::array<double, 2>{0.0, 0.0});
    // (1 - x) / 2 + 3 / y - 2 * x * y + 0.5 at (3, -2):
    D e = (1 - v[0]) / 2 + 3 / v[1] - 2 * v[0] * v[1] + 0.5;
    e += 1;
    e *= 2.0;
    CHECK(e.v == Approx(2 * ((1 - 3.0) / 2 + 3 / -2.0 + 12 + 0.5 + 1)).epsilon(1e-15));
    CHECK(e.d[0] == Approx(2 * (-0.5 + 4)).epsilon(1e-15));
    CHECK(e.d[1] == Approx(2 * (-3 / 4.0 - 6)).epsilon(1e-15));
    const D p = ScalarOps<D>::pi();
    CHECK(p.v == std::numbers::pi);
    CHECK(p.d == std::array<double, 2>{0.0, 0.0});
    CHECK(ScalarOps<D>::from_rational(Rational(1, 4)).v == 0.25);
    // nested ScalarOps and constants from the inner scalar
    using DD = Dual<D, 2>;
    const DD pp = ScalarOps<DD>::pi();
    CHECK(pp.v.v == std::numbers::pi);
    const DD mixed = DD(v[0]) * v[1] + 2.0;  // outer * inner: the inner Dual is a constant of the outer
    CHECK(mixed.v.v == -4.0);
    CHECK(mixed.v.d == std::array<double, 2>{-2.0, 3.0});
    CHECK(mixed.d[0].v == 0.0);

    const auto pI = ScalarOps<Dual<Interval, 1>>::from_rational(Rational(1, 3));
    CHECK(pI.v.contains(enclose(Rational(1, 3))));
    CHECK(pI.v.width() > 0);
    CHECK(pI.d[0] == Interval(0));
}

TEST_CASE("Dual: the is_interval trait and sign classes", "[dual]") {
    STATIC_REQUIRE(ad::is_interval_v<Interval>);
    STATIC_REQUIRE(ad::is_interval_v<MpInterval>);
    STATIC_REQUIRE_FALSE(ad::is_interval_v<double>);
    STATIC_REQUIRE_FALSE(ad::is_interval_v<Dual<Interval, 2>>);
    STATIC_REQUIRE(ad::is_ad_v<Dual<Interval, 2>>);
    STATIC_REQUIRE(ad::is_constant_for_v<Interval, Dual<Interval, 2>>);
    STATIC_REQUIRE(ad::is_constant_for_v<double, Dual<Dual<Interval, 2>, 2>>);
    STATIC_REQUIRE(ad::is_constant_for_v<Interval, Dual<Dual<Interval, 2>, 2>>);
    STATIC_REQUIRE_FALSE(ad::is_constant_for_v<Interval, Dual<double, 2>>);
    STATIC_REQUIRE_FALSE(ad::is_constant_for_v<long, Dual<double, 2>>);
    CHECK(ad::sign_class(Interval(1, 2)) == 1);
    CHECK(ad::sign_class(Interval(-2, -1)) == -1);
    CHECK(ad::sign_class(Interval(0, 1)) == 0);
    CHECK(ad::sign_class(MpInterval(0.5, 1, 128)) == 1);
    CHECK(ad::sign_class(MpInterval(-1, 0, 128)) == 0);
    CHECK(ad::sign_class(Dual<Interval, 1>::variable(Interval(-3, -2), 0)) == -1);
    CHECK(ad::sign_class(0.0) == 0);
    CHECK(ad::hull_of(Interval(1, 2), Interval(-1, 0)) == Interval(-1, 2));
    CHECK(ad::hull_of(1.0, 3.0) == 2.0);  // the documented point convention: the midpoint
    const Interval E = ad::unbounded<Interval>();
    CHECK((E.lo() == -INFINITY && E.hi() == INFINITY));
}

TEST_CASE("Dual: conventions at kinks and singular points", "[dual]") {
    SECTION("double: abs'(0) = 0, ties of min/max average the gradients, sqrt at 0") {
        const auto x = make_variables<double, 2>({0.0, 0.0});
        CHECK(abs(x[0]).d == std::array<double, 2>{0.0, 0.0});
        CHECK(abs(x[0] - 1).d == std::array<double, 2>{-1.0, 0.0});
        CHECK(min(x[0], x[1]).d == std::array<double, 2>{0.5, 0.5});
        CHECK(max(x[0], 2 * x[1]).d == std::array<double, 2>{0.5, 1.0});
        CHECK(max(x[0] + 1, 2 * x[1]).d == std::array<double, 2>{1.0, 0.0});
        const auto s = sqrt(x[0]) + x[1];
        CHECK(s.d[0] == INFINITY);
        CHECK(s.d[1] == 1.0);  // not NaN: x[0] does not depend on x[1]
        const auto h = gradient_and_hessian([](const auto& v) { return abs(v[0]); }, std::array<double, 1>{0.0});
        CHECK(h.gradient[0] == 0.0);
        CHECK(h.hessian[0][0] == 0.0);
    }
    SECTION("Interval: Clarke hulls for abs, min, max; exact branches when the order is certain") {
        const auto x = make_variables<Interval, 2>({Interval(-1, 2), Interval(0.5, 3)});
        CHECK(abs(x[0]).v == Interval(0, 2));
        CHECK(abs(x[0]).d[0] == Interval(-1, 1));
        CHECK(abs(x[0]).d[1] == Interval(0));
        CHECK(abs(x[0] + 5).d[0] == Interval(1));
        CHECK(abs(x[0] - 5).d[0] == Interval(-1));
        CHECK(abs(3 * x[0]).d[0] == Interval(-3, 3));
        const auto m = min(x[0], x[1]);  // ranges overlap
        CHECK(m.v == Interval(-1, 2));
        CHECK(m.d[0] == Interval(0, 1));
        CHECK(m.d[1] == Interval(0, 1));
        const auto M = max(x[0], x[1] + 10);  // certain order: the second branch only
        CHECK(M.d[0] == Interval(0));
        CHECK(M.d[1] == Interval(1));
        const auto s = sqrt(x[0] + 1);  // argument [0, 3] touches the singular point
        CHECK((s.d[0].lo() == -INFINITY && s.d[0].hi() == INFINITY));
        CHECK(s.d[1] == Interval(0));  // 0 * (whole line) = 0: x[1] does not enter
    }
    SECTION("Interval Hessians: the whole line across a kink, exact away from it") {
        auto f = [](const auto& v) { return abs(v[0]) * v[1]; };
        const auto across = gradient_and_hessian(f, std::array<Interval, 2>{Interval(-1, 2), Interval(1, 2)});
        CHECK((across.hessian[0][0].lo() == -INFINITY && across.hessian[0][0].hi() == INFINITY));
        CHECK(across.hessian[1][1] == Interval(0));
        CHECK(across.gradient[0] == Interval(-2, 2));
        // d/dy of sign(x) y is sign(x): the switch {x = 0} is not crossed in direction y, so this
        // entry stays bounded (the Dirac mass only appears in d/dx)
        CHECK(across.hessian[0][1] == Interval(-1, 1));
        CHECK(across.hessian[1][0] == Interval(-1, 1));
        const auto away = gradient_and_hessian(f, std::array<Interval, 2>{Interval(1, 2), Interval(1, 2)});
        CHECK(away.hessian[0][0] == Interval(0));
        CHECK(away.hessian[0][1] == Interval(1));
        CHECK(away.gradient[0] == Interval(1, 2));
        auto g = [](const auto& v) { return max(v[0], v[1]); };
        const auto tie = gradient_and_hessian(g, std::array<Interval, 2>{Interval(0, 1), Interval(0.5, 2)});
        CHECK(tie.gradient[0] == Interval(0, 1));
        CHECK(tie.hessian[0][0].hi() == INFINITY);
    }
}

TEST_CASE("Dual<Interval>: encloses value, gradient and Hessian at random points of random boxes", "[dual]") {
    for (int id = 0; id < static_cast<int>(kFunctions.size()); ++id) {
        std::string first;
        const int failures = count_containment_failures<Interval>(id, false, 60, 6, 3000 + static_cast<std::uint64_t>(id), &first);
        INFO(first);
        CHECK(failures == 0);
    }
}

TEST_CASE("Dual<Interval>: the containment check rejects the mutant sin' = -cos", "[dual]") {
    for (int id : {7, kArcCosine}) {
        std::string first;
        const int failures = count_containment_failures<Interval>(id, true, 60, 6, 99, &first);
        INFO(kFunctions[id].name << ": " << failures << " failures; first: " << first);
        CHECK(failures > 0);
    }
}

TEST_CASE("Dual<Interval>: mean-value inclusion f(y) in f(x) + G(X).(y - x)", "[dual]") {
    for (int id : {2, 7, 12, 13, 18, 19, 20, kArcCosine}) {
        std::string first;
        const int failures = count_mean_value_failures(id, false, 80, 10, 4000 + static_cast<std::uint64_t>(id), &first);
        INFO(first);
        CHECK(failures == 0);
    }
    SECTION("and rejects the mutant") {
        for (int id : {7, kArcCosine}) {
            const int failures = count_mean_value_failures(id, true, 80, 10, 5, nullptr);
            INFO(kFunctions[id].name);
            CHECK(failures > 0);
        }
    }
}

TEST_CASE("Dual<MpInterval>: encloses the double derivatives on random boxes", "[dual]") {
    for (int id : {0, 5, 12, 14, 17, 19, kArcCosine}) {
        std::string first;
        const int failures = count_containment_failures<MpInterval>(id, false, 6, 4, 6000 + static_cast<std::uint64_t>(id), &first);
        INFO(first);
        CHECK(failures == 0);
    }
    std::string first;
    CHECK(count_containment_failures<MpInterval>(kArcCosine, true, 10, 4, 7, &first) > 0);
}
