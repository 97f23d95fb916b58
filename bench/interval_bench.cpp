// relucert_bench: throughput of rigorous interval evaluation on the foundation issue's expression
//   f(t, r) = r (sin t + (pi - t) cos t) + sqrt(1 + r) (sin t - t cos t) + acos(cos t / 2) + exp(-r)
// over small boxes (width 1e-3 in t and r), side by side in one run: relucert's Interval, Arb
// (arb_t balls at prec 53), MPFI at 53 bits, relucert's MpInterval at 53 bits, and for reference
// an UNPROVEN padded-libm interval (libm at the endpoints widened by 2 ulps: not rigorous, only the
// ceiling the issue quotes). Prints boxes/s, the ratio to Arb, and the mean width of each enclosure.
//
// Usage: relucert_bench [seconds-per-row (default 1)]
#include <arb.h>
#include <mpfi.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "relucert/elementary.hpp"
#include "relucert/mp_interval.hpp"
#include "relucert/scalar.hpp"

namespace {

using relucert::Interval;

// The expression, written once for every relucert scalar type.
// (pi is passed in so that the MPFR rows keep their 53-bit precision.)
template <class T>
T bench_expression(const T& t, const T& r, const T& pi) {
    using std::acos, std::cos, std::exp, std::sin, std::sqrt;
    const T st = sin(t), ct = cos(t);
    return r * (st + (pi - t) * ct) + sqrt(1 + r) * (st - t * ct) + acos(ct / 2) + exp(-r);
}

struct Box {
    double t_lo, t_hi, r_lo, r_hi;
};

std::vector<Box> make_boxes(std::size_t n) {
    std::mt19937_64 g(2026);
    std::uniform_real_distribution<double> ut(0.0, 3.14), ur(0.0, 2.0);
    std::vector<Box> boxes(n);
    for (auto& b : boxes) {
        b.t_lo = ut(g);
        b.t_hi = b.t_lo + 1e-3;
        b.r_lo = ur(g);
        b.r_hi = b.r_lo + 1e-3;
    }
    return boxes;
}

struct Row {
    std::string name;
    double boxes_per_s = 0, mean_width = 0;
    bool rigorous = true;
};

// Runs `eval` over the boxes repeatedly for about `seconds`; eval returns the enclosure width.
Row measure(const std::string& name, bool rigorous, const std::vector<Box>& boxes, double seconds,
            const std::function<double(const Box&)>& eval) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    std::size_t count = 0;
    double width_sum = 0;
    double elapsed = 0;
    while (elapsed < seconds) {
        for (std::size_t i = 0; i < 1000; ++i) {
            width_sum += eval(boxes[count % boxes.size()]);
            ++count;
        }
        elapsed = std::chrono::duration<double>(clock::now() - start).count();
    }
    return Row{name, count / elapsed, width_sum / count, rigorous};
}

double arb_eval(const Box& b, slong prec) {
    // balls: midpoint +- radius covering the box (arb_set_interval_arf is exact containment)
    arb_t t, r, st, ct, pi, x, y, z, res;
    arb_init(t); arb_init(r); arb_init(st); arb_init(ct); arb_init(pi);
    arb_init(x); arb_init(y); arb_init(z); arb_init(res);
    arf_t lo, hi;
    arf_init(lo); arf_init(hi);
    arf_set_d(lo, b.t_lo); arf_set_d(hi, b.t_hi); arb_set_interval_arf(t, lo, hi, prec);
    arf_set_d(lo, b.r_lo); arf_set_d(hi, b.r_hi); arb_set_interval_arf(r, lo, hi, prec);
    arb_sin_cos(st, ct, t, prec);  // Arb computes both at once
    arb_const_pi(pi, prec);
    arb_sub(x, pi, t, prec);       // (pi - t) cos t + sin t
    arb_mul(x, x, ct, prec);
    arb_add(x, x, st, prec);
    arb_mul(res, r, x, prec);
    arb_mul(y, t, ct, prec);       // sqrt(1 + r) (sin t - t cos t)
    arb_sub(y, st, y, prec);
    arb_add_ui(z, r, 1, prec);
    arb_sqrt(z, z, prec);
    arb_mul(y, y, z, prec);
    arb_add(res, res, y, prec);
    arb_mul_2exp_si(x, ct, -1);    // acos(cos t / 2)
    arb_acos(x, x, prec);
    arb_add(res, res, x, prec);
    arb_neg(x, r);                 // exp(-r)
    arb_exp(x, x, prec);
    arb_add(res, res, x, prec);
    const double w = 2 * mag_get_d(arb_radref(res));
    arf_clear(lo); arf_clear(hi);
    arb_clear(t); arb_clear(r); arb_clear(st); arb_clear(ct); arb_clear(pi);
    arb_clear(x); arb_clear(y); arb_clear(z); arb_clear(res);
    return w;
}

double mpfi_eval(const Box& b) {
    mpfi_t t, r, st, ct, pi, x, y, z, res;
    for (auto* v : {t, r, st, ct, pi, x, y, z, res}) mpfi_init2(v, 53);
    mpfi_interv_d(t, b.t_lo, b.t_hi);
    mpfi_interv_d(r, b.r_lo, b.r_hi);
    mpfi_sin(st, t);
    mpfi_cos(ct, t);
    mpfi_const_pi(pi);
    mpfi_sub(x, pi, t);
    mpfi_mul(x, x, ct);
    mpfi_add(x, x, st);
    mpfi_mul(res, r, x);
    mpfi_mul(y, t, ct);
    mpfi_sub(y, st, y);
    mpfi_add_ui(z, r, 1);
    mpfi_sqrt(z, z);
    mpfi_mul(y, y, z);
    mpfi_add(res, res, y);
    mpfi_div_2ui(x, ct, 1);
    mpfi_acos(x, x);
    mpfi_add(res, res, x);
    mpfi_neg(x, r);
    mpfi_exp(x, x);
    mpfi_add(res, res, x);
    const double w = mpfr_get_d(&res->right, MPFR_RNDU) - mpfr_get_d(&res->left, MPFR_RNDD);
    for (auto* v : {t, r, st, ct, pi, x, y, z, res}) mpfi_clear(v);
    return w;
}

// NOT rigorous: libm at the endpoints, widened by 2 ulps, monotonicity ignored where it is wrong.
// Only a speed reference (the "padded libm" ceiling), never used by relucert.
struct Padded {
    double lo, hi;
};
Padded pad(double a, double b) { return {std::nextafter(std::nextafter(a, -INFINITY), -INFINITY), std::nextafter(std::nextafter(b, INFINITY), INFINITY)}; }
double padded_eval(const Box& b) {
    // t in [0, pi]: sin not monotone, cos decreasing; a fair-speed stand-in with four libm calls per endpoint
    const double st1 = std::sin(b.t_lo), st2 = std::sin(b.t_hi), ct1 = std::cos(b.t_lo), ct2 = std::cos(b.t_hi);
    auto f = [&](double t, double r, double st, double ct) {
        return r * (st + (M_PI - t) * ct) + std::sqrt(1 + r) * (st - t * ct) + std::acos(ct / 2) + std::exp(-r);
    };
    const Padded p = pad(std::min(f(b.t_lo, b.r_lo, st1, ct1), f(b.t_hi, b.r_hi, st2, ct2)),
                         std::max(f(b.t_lo, b.r_lo, st1, ct1), f(b.t_hi, b.r_hi, st2, ct2)));
    return p.hi - p.lo;
}

}  // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
    if (!(seconds > 0)) {
        std::fprintf(stderr, "usage: relucert_bench [seconds-per-row > 0]\n");
        return 64;
    }
    const auto boxes = make_boxes(4096);
    std::vector<Row> rows;
    rows.push_back(measure("relucert Interval (double, rigorous)", true, boxes, seconds, [](const Box& b) {
        const Interval v = bench_expression(Interval(b.t_lo, b.t_hi), Interval(b.r_lo, b.r_hi), relucert::pi_interval());
        return v.width();
    }));
    rows.push_back(measure("Arb arb_t, prec 53", true, boxes, seconds, [](const Box& b) { return arb_eval(b, 53); }));
    rows.push_back(measure("MPFI, 53 bits", true, boxes, seconds, mpfi_eval));
    rows.push_back(measure("relucert MpInterval, 53 bits", true, boxes, seconds, [](const Box& b) {
        using relucert::MpInterval;
        static const MpInterval pi = MpInterval::pi(53);
        const MpInterval v = bench_expression(MpInterval(b.t_lo, b.t_hi, 53), MpInterval(b.r_lo, b.r_hi, 53), pi);
        return v.width();
    }));
    rows.push_back(measure("padded libm (NOT rigorous, reference)", false, boxes, seconds, padded_eval));
    flint_cleanup();

    const double arb_rate = rows[1].boxes_per_s;
    std::printf("f(t,r) = r(sin t + (pi-t)cos t) + sqrt(1+r)(sin t - t cos t) + acos(cos t/2) + exp(-r), boxes of width 1e-3, one core\n\n");
    std::printf("%-40s %14s %10s %14s\n", "implementation", "boxes/s", "vs Arb", "mean width");
    for (const auto& r : rows)
        std::printf("%-40s %14.0f %9.2fx %14.3e\n", r.name.c_str(), r.boxes_per_s, r.boxes_per_s / arb_rate, r.mean_width);
    return 0;
}
