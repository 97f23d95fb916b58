// Rigorous quadrature: enclosures of one- and two-dimensional integrals by Taylor models with a proven
// remainder, adaptive bisection, and Gaussian-weighted integrals over the whole line with a tail bound.
//
// ---- 1-D: the enclosure argument (integrate) -------------------------------------------------------
// Let f be K times differentiable on a piece [l, r] (l < r doubles), K even, and m a double in [l, r].
// For s in [-(m - l), r - m] Taylor's theorem with the Lagrange remainder gives
//     f(m + s) = sum_{k<K} c_k s^k + R(s) s^K,   c_k = f^(k)(m) / k!,   R(s) = f^(K)(xi_s) / K!,
// xi_s in [l, r]. taylor.hpp guarantees: evaluating f on Taylor<Interval, K>::variable([m, m]) gives
// intervals containing c_k, and on variable([l, r]) gives C_K containing f^(K)(x)/K! for every x in
// [l, r], so R(s) in C_K for every s (R is continuous on s != 0 and bounded, hence integrable).
// Integrating over s in [-hl, hr], hl = m - l, hr = r - m:
//     int_l^r f = sum_{k<K} c_k M_k + int R(s) s^K ds,   M_k = (hr^{k+1} + (-1)^k hl^{k+1}) / (k+1),
// and because K is even, s^K >= 0, so with C_K = [lo, hi]:  lo M_K <= int R(s) s^K ds <= hi M_K
// (the integral mean-value theorem with a non-negative weight). Hence
//     int_l^r f  in  sum_{k<K} [c_k] [M_k] + [C_K] [M_K]         (all in outward-rounded Interval),
// where hl, hr are enclosed by Interval subtraction of the doubles (m - l is exact in reals; its
// enclosure is what enters). Independently, int_l^r f in (r - l) f([l, r]) (order 0, the C_0 of the
// same evaluation); the piece's enclosure is the intersection of the two (both contain the integral).
// The integral over [a, b] is the sum over a partition of pieces: an outward-rounded sum of
// enclosures encloses the sum of the true values.
// Interval limits A = [a_lo, a_hi], B = [b_lo, b_hi] with a_hi <= b_lo: for every a in A, b in B,
//     int_a^b f = int_{a_hi}^{b_lo} f + int_a^{a_hi} f + int_{b_lo}^b f,
// and int_a^{a_hi} f = (a_hi - a) f(xi) in [0, w(A)] f(A) (mean-value theorem), likewise for B.
// The integrand is evaluated by the caller's generic f (templated on the scalar), so f must be
// written with operations taylor.hpp supports (no abs/min/max) and be K times differentiable on
// [a_lo, b_hi]: if it is not, or a recurrence divides by an interval containing 0, the coefficients
// come out as the whole line and the enclosure is the whole line - valid, never a non-enclosure.
// Budget: pieces are bisected widest-first until the enclosure's width is <= abs_width or max_pieces
// pieces exist; the result says whether the goal was met (`converged`). An unconverged result is
// still an enclosure, only wider.
//
// ---- Gaussian-weighted integrals over the line (integrate_gaussian) ---------------------------------
// int_{-inf}^{inf} f(t) phi(t) dt for f with a caller-stated growth bound |f(t)| <= sum_n p_n |t|^n
// for |t| >= T_min (a PolynomialBound; the caller's obligation, stated where it is used). With
//     M_n(T) = int_T^inf t^n phi(t) dt:   M_0 = Q(T) = erfc(T/sqrt 2)/2,  M_1 = phi(T),
//     M_n = T^{n-1} phi(T) + (n-1) M_{n-2}     (integration by parts, exact),
// each tail int_{|t|>T} |f| phi <= sum_n p_n M_n(T) =: tail(T), so the integral is in
// int_{-T}^{T} f phi + [-2 tail(T), 2 tail(T)]. T is increased from `gaussian_cutoff` until
// tail(T) <= abs_width / 8 (or T reaches 64). Q, phi come from elementary.hpp (MPFR, directed rounding).
//
// ---- 2-D over rectangles (integrate2d) --------------------------------------------------------------
// f(x0 + s, y0 + t) on a cell [xl, xr] x [yl, yr] with midpoints (x0, y0). Taylor in s with the
// Lagrange remainder, and each coefficient again in t:
//     f = sum_{i<K} sum_{j<K} c_ij s^i t^j  +  sum_{i<K} C_iK(t) s^i t^K  +  C_K*(s, t) s^K,
// where c_ij = d^i_x d^j_y f(x0, y0)/(i! j!), C_iK(t) in { d^i_x d^K_y f(x0, y)/(i! K!) : y in Y }
// and C_K*(s,t) in { d^K_x f(x, y)/K! : (x, y) in X x Y }. Nested Taylor<Taylor<Interval, K>, K>
// (outer series in x, inner in y) gives all three: c_ij from ((x0, y0) thin), C_iK from (x0 thin,
// y over Y), C_K* as the coefficient (K, 0) from (x over X, y over Y). With s^K, t^K >= 0 (K even)
// and the same mean-value argument per factor:
//     int int f in sum c_ij Mx_i My_j + sum_{i<K} Mx_i [C_iK] My_K + [C_K0(X,Y)] Mx_K (yr - yl).
// Intersected with the order-0 bound area * f(X, Y). Cells are bisected (widest-enclosure first,
// along the side with the larger relative length) until the goal or the cell budget.
//
// Regions bounded by curves are not integrated generically here: the regions this project needs
// (Lemma A.1's P, an intersection of two half-planes and a disc) are mapped to explicit 1-D
// integrals in polar coordinates by the caller (see models/biased_relu_gaussian.hpp and
// certify/vardi/), which is both faster and exact in its reduction.
//
// Rounding assumptions: those of interval.hpp (error-free transformations in round-to-nearest, no
// fma contraction: -ffp-contract=off is set by CMakeLists.txt). No global state; thread-safe.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <queue>
#include <stdexcept>
#include <vector>

#include "relucert/elementary.hpp"
#include "relucert/interval.hpp"
#include "relucert/taylor.hpp"

namespace relucert::quadrature {

struct Options {
    double abs_width = 1e-12;        // goal: width of the returned enclosure
    std::size_t max_pieces = 20000;  // budget (pieces or cells)
    double gaussian_cutoff = 6;      // integrate_gaussian: first T tried
};

struct Result {
    Interval value;          // encloses the integral (always)
    std::size_t pieces = 0;  // pieces (cells) in the final partition
    bool converged = false;  // width(value) <= abs_width
};

// |f(t)| <= sum_n coeffs[n] |t|^n for |t| >= t_min (coeffs >= 0).
struct PolynomialBound {
    std::vector<Interval> coeffs;
    double t_min = 0;
};

// M_n(T) = int_T^inf t^n phi(t) dt for T >= 0, by the recurrence above (exact identities,
// Interval evaluation).
Interval gaussian_tail_moment(int n, const Interval& T);
// sum_n p_n M_n(T): an upper bound (as an Interval, take .hi()) of int_T^inf |f| phi when
// |f(t)| <= sum p_n t^n on [T, inf).
Interval gaussian_tail_bound(const PolynomialBound& g, const Interval& T);

namespace detail {
// M_k = int_{-hl}^{hr} s^k ds for k = 0..K.
template <int K>
std::array<Interval, K + 1> monomial_integrals(const Interval& hl, const Interval& hr) {
    std::array<Interval, K + 1> M;
    Interval pl = hl, pr = hr;  // hl^{k+1}, hr^{k+1}
    for (int k = 0; k <= K; ++k) {
        const Interval s = (k % 2 == 0) ? pr + pl : pr - pl;
        M[static_cast<std::size_t>(k)] = s / Interval(k + 1);
        pl = pl * hl;
        pr = pr * hr;
    }
    return M;
}
inline double split_point(double l, double r) {
    const double m = l + (r - l) / 2;  // a double; checked to lie strictly inside by the caller
    return m;
}
// Intersection of two enclosures of the same number (never empty unless an enclosure is wrong, in
// which case the DomainError from intersect() reports the bug rather than hiding it).
inline Interval meet(const Interval& a, const Interval& b) { return intersect(a, b); }

template <int K, class F>
Interval piece_1d(F& f, double l, double r) {
    using TS = Taylor<Interval, K>;
    const double m = split_point(l, r);
    const TS at_m = f(TS::variable(Interval(m)));
    const TS over = f(TS::variable(Interval(l, r)));
    const Interval hl = Interval(m) - Interval(l), hr = Interval(r) - Interval(m);
    const auto M = monomial_integrals<K>(hl, hr);
    Interval s(0);
    for (int k = 0; k < K; ++k) s += at_m.c[static_cast<std::size_t>(k)] * M[static_cast<std::size_t>(k)];
    s += over.c[static_cast<std::size_t>(K)] * M[static_cast<std::size_t>(K)];
    const Interval order0 = over.c[0] * (Interval(r) - Interval(l));
    if (!s.is_bounded()) return order0;
    return meet(s, order0);
}

// Sum of piece widths for the stopping rule: infinite widths counted apart (no inf - inf).
struct WidthTally {
    double finite = 0;
    long infinite = 0;
    void add(double w, int sign) {
        if (std::isinf(w)) infinite += sign;
        else finite += sign * w;
    }
    bool above(double goal) const { return infinite > 0 || finite > goal; }
};
struct Piece1 {
    double l, r;
    Interval v;
    double w() const { return v.width(); }
};
struct ByWidth {
    template <class P>
    bool operator()(const P& a, const P& b) const {
        return a.w() < b.w();
    }
};
}  // namespace detail

// int_a^b f(x) dx for doubles a <= b (see the header comment). f: template <class S> S f(const S&).
template <int K = 12, class F>
Result integrate(F&& f, double a, double b, const Options& o = {}) {
    static_assert(K >= 2 && K % 2 == 0, "the remainder argument needs an even Taylor order");
    if (!(a <= b) || !std::isfinite(a) || !std::isfinite(b)) throw std::invalid_argument("integrate: need finite a <= b");
    Result res;
    if (a == b) {
        res.value = Interval(0);
        res.pieces = 0;
        res.converged = true;
        return res;
    }
    using detail::Piece1;
    std::priority_queue<Piece1, std::vector<Piece1>, detail::ByWidth> open;
    std::vector<Piece1> done;  // pieces that cannot be split further (adjacent doubles)
    detail::WidthTally tally;  // steering only; the result is the outward sum below
    open.push({a, b, detail::piece_1d<K>(f, a, b)});
    tally.add(open.top().w(), 1);
    std::size_t count = 1;
    while (count < o.max_pieces && !open.empty() && tally.above(o.abs_width)) {
        Piece1 p = open.top();
        open.pop();
        const double m = detail::split_point(p.l, p.r);
        if (!(p.l < m && m < p.r)) {
            done.push_back(p);
            continue;
        }
        Piece1 p1{p.l, m, detail::piece_1d<K>(f, p.l, m)};
        Piece1 p2{m, p.r, detail::piece_1d<K>(f, m, p.r)};
        tally.add(p.w(), -1);
        tally.add(p1.w(), 1);
        tally.add(p2.w(), 1);
        open.push(p1);
        open.push(p2);
        ++count;
    }
    while (!open.empty()) {
        done.push_back(open.top());
        open.pop();
    }
    std::sort(done.begin(), done.end(), [](const Piece1& x, const Piece1& y) { return x.l < y.l; });
    Interval sum(0);
    for (const auto& q : done) sum += q.v;
    res.value = sum;
    res.pieces = done.size();
    res.converged = sum.width() <= o.abs_width;
    return res;
}

// Interval limits: int_a^b f for every a in A, b in B (needs A.hi() <= B.lo()).
template <int K = 12, class F>
Result integrate(F&& f, const Interval& A, const Interval& B, const Options& o = {}) {
    if (!(A.hi() <= B.lo())) throw std::invalid_argument("integrate: limits must satisfy A.hi <= B.lo");
    if (!A.is_bounded() || !B.is_bounded()) throw std::invalid_argument("integrate: unbounded limits");
    Options inner = o;
    Result r = integrate<K>(f, A.hi(), B.lo(), inner);
    using TS = Taylor<Interval, K>;
    if (!A.is_point()) r.value += Interval(0, A.width()) * f(TS::variable(A)).c[0];
    if (!B.is_point()) r.value += Interval(0, B.width()) * f(TS::variable(B)).c[0];
    r.converged = r.value.width() <= o.abs_width;
    return r;
}

namespace detail {
// The cut-off T >= t_min, T >= t_floor with tail(T) <= goal (or T = 64).
inline double gaussian_cutoff_for(const PolynomialBound& growth, double t_floor, double goal, Interval& tail) {
    double T = std::max(t_floor, growth.t_min);
    tail = gaussian_tail_bound(growth, Interval(T));
    while (tail.hi() > goal && T < 64) {
        T += 1;
        tail = gaussian_tail_bound(growth, Interval(T));
    }
    return T;
}
}  // namespace detail

// int_{-inf}^{inf} f(t) phi(t) dt, with |f(t)| <= growth(|t|) for |t| >= growth.t_min.
template <int K = 12, class F>
Result integrate_gaussian(F&& f, const PolynomialBound& growth, const Options& o = {}) {
    Interval tail;
    const double T = detail::gaussian_cutoff_for(growth, o.gaussian_cutoff, o.abs_width / 8, tail);
    Options inner = o;
    inner.abs_width = o.abs_width * 0.75;
    Result r = integrate<K>([&](const auto& t) { return f(t) * gaussian_pdf(t); }, -T, T, inner);
    const double tb = rounding::mul_up(2.0, tail.hi());
    r.value += Interval(-tb, tb);
    r.converged = r.value.width() <= o.abs_width;
    return r;
}

// int_L^{inf} f(t) phi(t) dt for every lower limit in the bounded interval L, where f is the
// integrand's formula on [L.lo, inf) and |f(t)| <= growth(|t|) for t >= growth.t_min. T is taken
// above |L| + 1, so L lies inside (-T, T) and only the upper tail [T, inf) is bounded.
template <int K = 12, class F>
Result integrate_gaussian_from(F&& f, const Interval& L, const PolynomialBound& growth, const Options& o = {}) {
    if (!L.is_bounded()) throw std::invalid_argument("integrate_gaussian_from: bounded lower limit needed");
    Interval tail;
    const double floor_T = std::max(o.gaussian_cutoff, std::ceil(L.mag()) + 1);
    const double T = detail::gaussian_cutoff_for(growth, floor_T, o.abs_width / 8, tail);
    Options inner = o;
    inner.abs_width = o.abs_width * 0.75;
    Result r = integrate<K>([&](const auto& t) { return f(t) * gaussian_pdf(t); }, L, Interval(T), inner);
    r.value += Interval(-tail.hi(), tail.hi());
    r.converged = r.value.width() <= o.abs_width;
    return r;
}

// ---- 2-D ----------------------------------------------------------------------------------------
namespace detail {
struct Cell {
    double xl, xr, yl, yr;
    Interval v;
    double w() const { return v.width(); }
};
template <int K, class F>
Interval cell_2d(F& f, double xl, double xr, double yl, double yr) {
    using TY = Taylor<Interval, K>;
    using TXY = Taylor<TY, K>;
    const double x0 = split_point(xl, xr), y0 = split_point(yl, yr);
    auto var_x = [](const Interval& X) { return TXY::variable(TY(X)); };
    auto var_y = [](const Interval& Y) { return TXY(TY::variable(Y)); };
    const TXY at_c = f(var_x(Interval(x0)), var_y(Interval(y0)));
    const TXY at_xY = f(var_x(Interval(x0)), var_y(Interval(yl, yr)));
    const TXY over = f(var_x(Interval(xl, xr)), var_y(Interval(yl, yr)));
    const auto Mx = monomial_integrals<K>(Interval(x0) - Interval(xl), Interval(xr) - Interval(x0));
    const auto My = monomial_integrals<K>(Interval(y0) - Interval(yl), Interval(yr) - Interval(y0));
    constexpr auto KK = static_cast<std::size_t>(K);
    Interval s(0);
    for (std::size_t i = 0; i < KK; ++i) {
        Interval row(0);
        for (std::size_t j = 0; j < KK; ++j) row += at_c.c[i].c[j] * My[j];
        row += at_xY.c[i].c[KK] * My[KK];
        s += row * Mx[i];
    }
    const Interval hy = Interval(yr) - Interval(yl), hx = Interval(xr) - Interval(xl);
    s += over.c[KK].c[0] * Mx[KK] * hy;
    const Interval order0 = over.c[0].c[0] * hx * hy;
    if (!s.is_bounded()) return order0;
    return meet(s, order0);
}
}  // namespace detail

// int_{xa}^{xb} int_{ya}^{yb} f(x, y) dy dx. f: template <class S> S f(const S& x, const S& y),
// called with S = Taylor<Taylor<Interval, K>, K>. K even, small (4-8): cost grows like K^4 per op.
template <int K = 6, class F>
Result integrate2d(F&& f, double xa, double xb, double ya, double yb, const Options& o = {}) {
    static_assert(K >= 2 && K % 2 == 0, "the remainder argument needs an even Taylor order");
    if (!(xa <= xb && ya <= yb) || !std::isfinite(xa) || !std::isfinite(xb) || !std::isfinite(ya) || !std::isfinite(yb))
        throw std::invalid_argument("integrate2d: need a finite rectangle");
    Result res;
    if (xa == xb || ya == yb) {
        res.value = Interval(0);
        res.converged = true;
        return res;
    }
    using detail::Cell;
    std::priority_queue<Cell, std::vector<Cell>, detail::ByWidth> open;
    std::vector<Cell> done;
    open.push({xa, xb, ya, yb, detail::cell_2d<K>(f, xa, xb, ya, yb)});
    const double X = xb - xa, Y = yb - ya;
    std::size_t count = 1;
    detail::WidthTally tally;
    tally.add(open.top().w(), 1);
    while (count < o.max_pieces && !open.empty() && tally.above(o.abs_width)) {
        Cell c = open.top();
        open.pop();
        const bool split_x = (c.xr - c.xl) / X >= (c.yr - c.yl) / Y;
        const double lo = split_x ? c.xl : c.yl, hi = split_x ? c.xr : c.yr;
        const double m = detail::split_point(lo, hi);
        if (!(lo < m && m < hi)) {
            done.push_back(c);
            continue;
        }
        Cell c1 = c, c2 = c;
        if (split_x) {
            c1.xr = m;
            c2.xl = m;
        } else {
            c1.yr = m;
            c2.yl = m;
        }
        c1.v = detail::cell_2d<K>(f, c1.xl, c1.xr, c1.yl, c1.yr);
        c2.v = detail::cell_2d<K>(f, c2.xl, c2.xr, c2.yl, c2.yr);
        tally.add(c.w(), -1);
        tally.add(c1.w(), 1);
        tally.add(c2.w(), 1);
        open.push(c1);
        open.push(c2);
        ++count;
    }
    while (!open.empty()) {
        done.push_back(open.top());
        open.pop();
    }
    std::sort(done.begin(), done.end(), [](const Cell& a, const Cell& b) { return a.xl < b.xl || (a.xl == b.xl && a.yl < b.yl); });
    Interval sum(0);
    for (const auto& c : done) sum += c.v;
    res.value = sum;
    res.pieces = done.size();
    res.converged = sum.width() <= o.abs_width;
    return res;
}

}  // namespace relucert::quadrature
