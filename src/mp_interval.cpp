// MpInterval on MPFI: see include/relucert/mp_interval.hpp for the contract, the trusted primitives
// and the MPFI behaviours worked around here.
#include "relucert/mp_interval.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <ostream>
#include <stdexcept>
#include <type_traits>

namespace relucert {

namespace {

void check_prec(mpfr_prec_t prec) {
    if (prec < MpInterval::kMinPrec || prec > MPFR_PREC_MAX)
        throw std::invalid_argument("MpInterval: precision must be >= 53 bits and <= MPFR_PREC_MAX");
}

// A scratch MPFR number (RAII), always with an explicit precision.
struct Fr {
    mpfr_t v;
    explicit Fr(mpfr_prec_t prec) { mpfr_init2(v, prec); }
    Fr(const Fr&) = delete;
    Fr& operator=(const Fr&) = delete;
    ~Fr() { mpfr_clear(v); }
    operator mpfr_ptr() { return v; }  // NOLINT
    operator mpfr_srcptr() const { return v; }  // NOLINT
};

// lo = max(lo, b), hi = min(hi, b), for b an mpfr number or a small integer (exact in both cases
// when b fits in the target's precision, as for every use below).
void raise_lower(mpfr_ptr lo, mpfr_srcptr b) {
    if (mpfr_less_p(lo, b)) mpfr_set(lo, b, MPFR_RNDD);
}
void lower_upper(mpfr_ptr hi, mpfr_srcptr b) {
    if (mpfr_greater_p(hi, b)) mpfr_set(hi, b, MPFR_RNDU);
}
void raise_lower(mpfr_ptr lo, long b) {
    if (mpfr_cmp_si(lo, b) < 0) mpfr_set_si(lo, b, MPFR_RNDD);
}
void lower_upper(mpfr_ptr hi, long b) {
    if (mpfr_cmp_si(hi, b) > 0) mpfr_set_si(hi, b, MPFR_RNDU);
}

}  // namespace

// The arithmetic writes results through this (friend of MpInterval).
struct MpIntervalAccess {
    static MpInterval make(mpfr_prec_t prec) { return MpInterval(MpInterval::Uninit{}, prec); }
    static mpfi_ptr raw(MpInterval& x) { return x.v_; }
    static mpfr_ptr lo(MpInterval& x) { return &x.v_->left; }
    static mpfr_ptr hi(MpInterval& x) { return &x.v_->right; }
    // Validates the class invariant after an MPFI/MPFR computation; NaN means a bug (ours or MPFI's).
    static void check(const MpInterval& r, const char* what) {
        mpfr_srcptr l = r.lower(), h = r.upper();
        if (mpfr_nan_p(l) || mpfr_nan_p(h) || mpfr_greater_p(l, h) || (mpfr_inf_p(l) && mpfr_sgn(l) > 0) ||
            (mpfr_inf_p(h) && mpfr_sgn(h) < 0))
            throw DomainError(std::string("MpInterval: invalid result in ") + what);
    }
};

using A = MpIntervalAccess;

// ---- construction ------------------------------------------------------------------------------

MpInterval::MpInterval(Uninit, mpfr_prec_t prec) { mpfi_init2(v_, prec); }

MpInterval::MpInterval() : MpInterval(Uninit{}, kMinPrec) { mpfi_set_si(v_, 0); }

MpInterval::MpInterval(double x) : MpInterval(x, kMinPrec) {}

MpInterval::MpInterval(int x) : MpInterval(Uninit{}, kMinPrec) { mpfi_set_si(v_, x); }  // exact: 53 > 31 bits

MpInterval::MpInterval(double x, mpfr_prec_t prec) : MpInterval(Uninit{}, (check_prec(prec), prec)) {
    // (A throw from a delegating constructor's body runs the destructor, which clears v_.)
    if (std::isnan(x) || std::isinf(x)) throw DomainError("MpInterval: point must be a finite number");
    mpfi_set_d(v_, x);  // exact at >= 53 bits
}

MpInterval::MpInterval(double lo, double hi, mpfr_prec_t prec) : MpInterval(Uninit{}, (check_prec(prec), prec)) {
    if (!(lo <= hi) || lo == rounding::kInf || hi == -rounding::kInf)
        throw DomainError("MpInterval: need lo <= hi, no NaN, lo < +inf, hi > -inf");
    mpfr_set_d(&v_->left, lo, MPFR_RNDD);
    mpfr_set_d(&v_->right, hi, MPFR_RNDU);
}

MpInterval::MpInterval(const Interval& x, mpfr_prec_t prec) : MpInterval(x.lo(), x.hi(), prec) {}

MpInterval::MpInterval(const Rational& q, mpfr_prec_t prec) : MpInterval(Uninit{}, (check_prec(prec), prec)) {
    mpfi_set_q(v_, q.backend().data());
}

MpInterval::MpInterval(mpfr_srcptr lo, mpfr_srcptr hi, mpfr_prec_t prec)
    : MpInterval(Uninit{}, (check_prec(prec), prec)) {
    if (mpfr_nan_p(lo) || mpfr_nan_p(hi) || mpfr_greater_p(lo, hi) || (mpfr_inf_p(lo) && mpfr_sgn(lo) > 0) ||
        (mpfr_inf_p(hi) && mpfr_sgn(hi) < 0))
        throw DomainError("MpInterval: need lo <= hi, no NaN, lo < +inf, hi > -inf");
    mpfr_set(&v_->left, lo, MPFR_RNDD);
    mpfr_set(&v_->right, hi, MPFR_RNDU);
}

MpInterval::MpInterval(mpfi_srcptr x) : MpInterval(Uninit{}, (check_prec(mpfi_get_prec(x)), mpfi_get_prec(x))) {
    mpfi_set(v_, x);
    A::check(*this, "MpInterval(mpfi_srcptr)");
}

MpInterval MpInterval::from_strings(std::string_view lo, std::string_view hi, mpfr_prec_t prec) {
    check_prec(prec);
    auto parse = [](mpfr_ptr out, std::string_view text, mpfr_rnd_t rnd) {
        const std::string s(text);
        char* end = nullptr;
        // Base 0: decimal, or hex with a 0x prefix; the whole text must be consumed.
        const bool ok = !s.empty() && (mpfr_strtofr(out, s.c_str(), &end, 0, rnd), end == s.c_str() + s.size()) &&
                        !mpfr_nan_p(out);
        if (!ok) throw std::invalid_argument("MpInterval: not a number: '" + s + "'");
    };
    Fr l(prec), h(prec);
    parse(l, lo, MPFR_RNDD);
    parse(h, hi, MPFR_RNDU);
    return MpInterval(l, h, prec);
}

MpInterval MpInterval::entire(mpfr_prec_t prec) {
    check_prec(prec);
    MpInterval r = A::make(prec);
    mpfr_set_inf(A::lo(r), -1);
    mpfr_set_inf(A::hi(r), +1);
    return r;
}

MpInterval MpInterval::pi(mpfr_prec_t prec) { return mp_pi(prec); }

MpInterval::MpInterval(const MpInterval& o) : MpInterval(Uninit{}, o.precision()) { mpfi_set(v_, o.v_); }

MpInterval::MpInterval(MpInterval&& o) noexcept : MpInterval(Uninit{}, kMinPrec) {
    mpfi_set_si(v_, 0);
    mpfi_swap(v_, o.v_);
}

MpInterval& MpInterval::operator=(const MpInterval& o) {
    if (this != &o) {
        if (precision() != o.precision()) mpfi_set_prec(v_, o.precision());
        mpfi_set(v_, o.v_);
    }
    return *this;
}

MpInterval& MpInterval::operator=(MpInterval&& o) noexcept {
    mpfi_swap(v_, o.v_);
    return *this;
}

MpInterval::~MpInterval() { mpfi_clear(v_); }

// ---- accessors ---------------------------------------------------------------------------------

double MpInterval::lower_double_down() const noexcept { return mpfr_get_d(&v_->left, MPFR_RNDD); }

double MpInterval::upper_double_up() const noexcept {
    const double d = mpfr_get_d(&v_->right, MPFR_RNDU);
    return d == 0.0 ? 0.0 : d;  // MPFI's upper zero is -0
}

double MpInterval::width() const noexcept {
    Fr w(53);
    mpfr_sub(w, &v_->right, &v_->left, MPFR_RNDU);
    return mpfr_get_d(w, MPFR_RNDU);
}

double MpInterval::mag() const noexcept {
    Fr a(53), b(53);
    mpfr_abs(a, &v_->left, MPFR_RNDU);
    mpfr_abs(b, &v_->right, MPFR_RNDU);
    mpfr_max(a, a, b, MPFR_RNDU);
    return mpfr_get_d(a, MPFR_RNDU);
}

double MpInterval::mig() const noexcept {
    if (mpfr_sgn(&v_->left) > 0) return mpfr_get_d(&v_->left, MPFR_RNDD);
    if (mpfr_sgn(&v_->right) < 0) return -mpfr_get_d(&v_->right, MPFR_RNDU);
    return 0.0;
}

MpInterval MpInterval::mid() const {
    MpInterval r = A::make(precision());
    mpfr_ptr m = A::lo(r);
    const bool lo_inf = mpfr_inf_p(&v_->left), hi_inf = mpfr_inf_p(&v_->right);
    if (lo_inf && hi_inf) {
        mpfr_set_zero(m, +1);
    } else if (hi_inf) {
        mpfr_set_d(m, DBL_MAX, MPFR_RNDN);  // exact
        mpfr_max(m, m, &v_->left, MPFR_RNDN);  // exact: both fit in the precision
    } else if (lo_inf) {
        mpfr_set_d(m, -DBL_MAX, MPFR_RNDN);
        mpfr_min(m, m, &v_->right, MPFR_RNDN);
    } else {
        // round(a + b) lies in [2a, 2b] (monotone rounding, 2a and 2b representable); halving is exact
        // in MPFR's exponent range.
        mpfr_add(m, &v_->left, &v_->right, MPFR_RNDN);
        mpfr_div_2ui(m, m, 1, MPFR_RNDN);
    }
    mpfr_set(A::hi(r), m, MPFR_RNDN);
    return r;
}

bool MpInterval::contains(double x) const noexcept {
    if (std::isnan(x)) return false;
    return mpfr_cmp_d(&v_->left, x) <= 0 && mpfr_cmp_d(&v_->right, x) >= 0;
}
bool MpInterval::contains(const MpInterval& y) const noexcept {
    return mpfr_lessequal_p(&v_->left, &y.v_->left) && mpfr_lessequal_p(&y.v_->right, &v_->right);
}
bool MpInterval::contains(const Rational& q) const {
    const mpq_srcptr p = q.backend().data();
    // mpfr_cmp_q with an infinite mpfr operand is well defined (sign of the infinity).
    return mpfr_cmp_q(&v_->left, p) <= 0 && mpfr_cmp_q(&v_->right, p) >= 0;
}
bool MpInterval::contains(mpfr_srcptr x) const noexcept {
    return !mpfr_nan_p(x) && mpfr_lessequal_p(&v_->left, x) && mpfr_lessequal_p(x, &v_->right);
}
bool MpInterval::interior_contains(const MpInterval& y) const noexcept {
    return mpfr_less_p(&v_->left, &y.v_->left) && mpfr_less_p(&y.v_->right, &v_->right);
}

namespace {
std::string endpoint_hex(mpfr_srcptr x) {
    if (mpfr_zero_p(x)) return "0";
    char* s = nullptr;
    if (mpfr_asprintf(&s, "%Ra", x) < 0) throw std::bad_alloc();
    std::string out(s);
    mpfr_free_str(s);
    return out;
}
std::string endpoint_dec(mpfr_srcptr x, int digits, bool down) {
    if (mpfr_zero_p(x)) return "0";
    char* s = nullptr;
    const int n = down ? mpfr_asprintf(&s, "%.*RDe", digits - 1, x) : mpfr_asprintf(&s, "%.*RUe", digits - 1, x);
    if (n < 0) throw std::bad_alloc();
    std::string out(s);
    mpfr_free_str(s);
    return out;
}
}  // namespace

namespace {
// Appends instead of chaining operator+ (GCC 12 -O3 warns falsely (-Wrestrict) on "[" + std::string).
std::string bracket(const std::string& lo, const std::string& hi) {
    std::string out;
    out.reserve(lo.size() + hi.size() + 4);
    out.append("[").append(lo).append(", ").append(hi).append("]");
    return out;
}
}  // namespace

std::string MpInterval::to_string() const { return bracket(endpoint_hex(&v_->left), endpoint_hex(&v_->right)); }
std::string MpInterval::to_decimal_string(int digits) const {
    digits = std::max(digits, 1);
    return bracket(endpoint_dec(&v_->left, digits, true), endpoint_dec(&v_->right, digits, false));
}
std::ostream& operator<<(std::ostream& os, const MpInterval& x) { return os << x.to_decimal_string(20); }

MpInterval& MpInterval::operator+=(const MpInterval& y) { return *this = *this + y; }
MpInterval& MpInterval::operator-=(const MpInterval& y) { return *this = *this - y; }
MpInterval& MpInterval::operator*=(const MpInterval& y) { return *this = *this * y; }
MpInterval& MpInterval::operator/=(const MpInterval& y) { return *this = *this / y; }

// ---- constants ---------------------------------------------------------------------------------

MpInterval mp_pi(mpfr_prec_t prec) {
    check_prec(prec);
    MpInterval r = A::make(prec);
    mpfi_const_pi(A::raw(r));
    A::check(r, "pi");
    return r;
}
MpInterval mp_half_pi(mpfr_prec_t prec) {
    MpInterval r = mp_pi(prec);
    mpfi_div_2ui(A::raw(r), A::raw(r), 1);  // exact
    return r;
}
MpInterval mp_ln2(mpfr_prec_t prec) {
    check_prec(prec);
    MpInterval r = A::make(prec);
    mpfi_const_log2(A::raw(r));
    A::check(r, "ln2");
    return r;
}
MpInterval mp_sqrt2(mpfr_prec_t prec) {
    check_prec(prec);
    MpInterval r = A::make(prec);
    mpfr_sqrt_ui(A::lo(r), 2, MPFR_RNDD);
    mpfr_sqrt_ui(A::hi(r), 2, MPFR_RNDU);
    return r;
}
MpInterval mp_inv_sqrt_2pi(mpfr_prec_t prec) {
    check_prec(prec);
    // 1/sqrt(2 pi) is decreasing in pi: use pi's enclosure at 32 guard bits, then round outward.
    MpInterval p = mp_pi(prec + 32);
    MpInterval r = A::make(prec);
    Fr t(prec + 32);
    mpfr_mul_2ui(t, p.upper(), 1, MPFR_RNDU);
    mpfr_rec_sqrt(A::lo(r), t, MPFR_RNDD);
    mpfr_mul_2ui(t, p.lower(), 1, MPFR_RNDD);
    mpfr_rec_sqrt(A::hi(r), t, MPFR_RNDU);
    return r;
}

// ---- set operations ----------------------------------------------------------------------------

MpInterval hull(const MpInterval& a, const MpInterval& b) {
    MpInterval r = A::make(std::max(a.precision(), b.precision()));
    mpfr_min(A::lo(r), a.lower(), b.lower(), MPFR_RNDD);
    mpfr_max(A::hi(r), a.upper(), b.upper(), MPFR_RNDU);
    return r;
}

MpInterval intersect(const MpInterval& a, const MpInterval& b) {
    MpInterval r = A::make(std::max(a.precision(), b.precision()));
    mpfr_max(A::lo(r), a.lower(), b.lower(), MPFR_RNDD);  // exact at the max precision
    mpfr_min(A::hi(r), a.upper(), b.upper(), MPFR_RNDU);
    if (mpfr_greater_p(A::lo(r), A::hi(r))) throw DomainError("intersect: empty intersection");
    return r;
}

// ---- arithmetic --------------------------------------------------------------------------------

namespace {
using Binary = int (*)(mpfi_ptr, mpfi_srcptr, mpfi_srcptr);
using MpfrFn = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);
using Unary = int (*)(mpfi_ptr, mpfi_srcptr);

MpInterval apply(Binary f, const MpInterval& x, const MpInterval& y, const char* what) {
    MpInterval r = A::make(std::max(x.precision(), y.precision()));
    f(A::raw(r), x.get_mpfi(), y.get_mpfi());
    A::check(r, what);
    return r;
}
MpInterval apply(Unary f, const MpInterval& x, const char* what) {
    MpInterval r = A::make(x.precision());
    f(A::raw(r), x.get_mpfi());
    A::check(r, what);
    return r;
}
// Sentinel for "no bound" in clamp_domain / clip.
struct NoBound {};
template <class B>
void raise_lower_opt(mpfr_ptr lo, const B& b) {
    if constexpr (!std::is_same_v<B, NoBound>) raise_lower(lo, b);
}
template <class B>
void lower_upper_opt(mpfr_ptr hi, const B& b) {
    if constexpr (!std::is_same_v<B, NoBound>) lower_upper(hi, b);
}
// x intersected with [a, b], at x's precision; DomainError `what` if nothing is left.
template <class L, class U>
MpInterval clamp_domain(const MpInterval& x, const L& a, const U& b, const char* what) {
    MpInterval r = x;
    raise_lower_opt(A::lo(r), a);
    lower_upper_opt(A::hi(r), b);
    if (mpfr_greater_p(r.lower(), r.upper())) throw DomainError(what);
    return r;
}
// Clip a result to [a, b], a range the true image is known to lie in (a correct enclosure meets it,
// so this never empties a result; if it did, that would be a bug and we throw).
template <class L, class U>
void clip(MpInterval& r, const L& a, const U& b) {
    raise_lower_opt(A::lo(r), a);
    lower_upper_opt(A::hi(r), b);
    if (mpfr_greater_p(r.lower(), r.upper())) throw DomainError("MpInterval: result outside its known range");
}
}  // namespace

MpInterval operator+(const MpInterval& x) { return x; }
MpInterval operator-(const MpInterval& x) { return apply(mpfi_neg, x, "neg"); }
MpInterval operator+(const MpInterval& x, const MpInterval& y) { return apply(mpfi_add, x, y, "add"); }
MpInterval operator-(const MpInterval& x, const MpInterval& y) { return apply(mpfi_sub, x, y, "sub"); }
// MPFI follows 0 * inf = 0 for endpoint products, as Interval does (checked by the tests).
MpInterval operator*(const MpInterval& x, const MpInterval& y) { return apply(mpfi_mul, x, y, "mul"); }

MpInterval operator/(const MpInterval& x, const MpInterval& y) {
    if (y.contains_zero()) {
        if (mpfr_zero_p(y.lower()) && mpfr_zero_p(y.upper())) throw DomainError("division by the interval [0, 0]");
        return MpInterval::entire(std::max(x.precision(), y.precision()));
    }
    return apply(mpfi_div, x, y, "div");
}

MpInterval sqr(const MpInterval& x) { return apply(mpfi_sqr, x, "sqr"); }
MpInterval abs(const MpInterval& x) { return apply(mpfi_abs, x, "abs"); }

MpInterval min(const MpInterval& x, const MpInterval& y) {
    MpInterval r = A::make(std::max(x.precision(), y.precision()));
    mpfr_min(A::lo(r), x.lower(), y.lower(), MPFR_RNDD);
    mpfr_min(A::hi(r), x.upper(), y.upper(), MPFR_RNDU);
    return r;
}
MpInterval max(const MpInterval& x, const MpInterval& y) {
    MpInterval r = A::make(std::max(x.precision(), y.precision()));
    mpfr_max(A::lo(r), x.lower(), y.lower(), MPFR_RNDD);
    mpfr_max(A::hi(r), x.upper(), y.upper(), MPFR_RNDU);
    return r;
}

namespace {
// x^n, n >= 1, by monotonicity: odd n is increasing; even n is x -> |x|^n on [mig, mag].
MpInterval pow_pos(const MpInterval& x, unsigned long n) {
    MpInterval r = A::make(x.precision());
    if (n % 2 == 1) {
        mpfr_pow_ui(A::lo(r), x.lower(), n, MPFR_RNDD);
        mpfr_pow_ui(A::hi(r), x.upper(), n, MPFR_RNDU);
    } else {
        Fr mg(x.precision()), mx(x.precision());  // exact: |endpoints| at the same precision
        if (mpfr_sgn(x.lower()) > 0) mpfr_set(mg, x.lower(), MPFR_RNDN);
        else if (mpfr_sgn(x.upper()) < 0) mpfr_neg(mg, x.upper(), MPFR_RNDN);
        else mpfr_set_zero(mg, +1);
        mpfr_abs(mx, x.lower(), MPFR_RNDN);
        if (mpfr_cmpabs(x.upper(), mx) > 0) mpfr_abs(mx, x.upper(), MPFR_RNDN);
        mpfr_pow_ui(A::lo(r), mg, n, MPFR_RNDD);
        mpfr_pow_ui(A::hi(r), mx, n, MPFR_RNDU);
    }
    A::check(r, "pow");
    return r;
}
}  // namespace

MpInterval pow(const MpInterval& x, int n) {
    if (n == 0) return MpInterval(1.0, x.precision());
    if (n > 0) return pow_pos(x, static_cast<unsigned long>(n));
    const unsigned long m = static_cast<unsigned long>(-static_cast<long>(n));
    return MpInterval(1.0, x.precision()) / pow_pos(x, m);
}

// ---- elementary functions ----------------------------------------------------------------------

MpInterval sqrt(const MpInterval& x) {
    const MpInterval d = clamp_domain(x, 0L, NoBound{}, "sqrt: argument entirely negative");
    MpInterval r = apply(mpfi_sqrt, d, "sqrt");
    clip(r, 0L, NoBound{});
    return r;
}

MpInterval exp(const MpInterval& x) {
    MpInterval r = apply(mpfi_exp, x, "exp");
    clip(r, 0L, NoBound{});
    return r;
}

MpInterval expm1(const MpInterval& x) {
    MpInterval r = apply(mpfi_expm1, x, "expm1");
    clip(r, -1L, NoBound{});
    return r;
}

MpInterval log(const MpInterval& x) {
    if (mpfr_sgn(x.upper()) <= 0) throw DomainError("log: argument has no positive point");
    // [0, b] -> [-inf, log b]: mpfi_log of a zero lower endpoint gives -inf (checked by the tests).
    const MpInterval d = clamp_domain(x, 0L, NoBound{}, "log");
    return apply(mpfi_log, d, "log");
}

MpInterval log1p(const MpInterval& x) {
    if (mpfr_cmp_si(x.upper(), -1) <= 0) throw DomainError("log1p: argument has no point above -1");
    const MpInterval d = clamp_domain(x, -1L, NoBound{}, "log1p");
    return apply(mpfi_log1p, d, "log1p");
}

namespace {
// Is x inside [-1, 1]? There sin and tan are increasing and cos is even and decreasing in |x|, so we
// evaluate MPFR at the endpoints instead of calling MPFI. This also avoids an MPFI 1.5.3 bug:
// mpfi_sin / mpfi_cos / mpfi_tan of the point -(1 + 2^-63) * 2^(emin - 1) (a negative number of
// tiny magnitude near MPFR's minimum exponent, which exp(-1e300) and friends can produce) does not
// return (tests: "MPFI workarounds").
bool within_unit(const MpInterval& x) { return mpfr_cmp_si(x.lower(), -1) >= 0 && mpfr_cmp_si(x.upper(), 1) <= 0; }
// Outside [-1, 1] the same bug bites when one endpoint is tiny and negative ([-5, -2^(emin-1) (1 +
// 2^-63)]): we widen endpoints of magnitude below 2^-1000 outward to 0 or +-2^-1000 first. The
// argument then is a superset (so the result still encloses), and the interval, which is not inside
// [-1, 1], is at least about 1 wide, so the widening costs nothing.
MpInterval widen_tiny(const MpInterval& x) {
    MpInterval r = x;
    auto tiny = [](mpfr_srcptr e) { return !mpfr_zero_p(e) && mpfr_number_p(e) && mpfr_get_exp(e) < -1000; };
    if (tiny(r.lower())) {
        if (mpfr_sgn(r.lower()) > 0) mpfr_set_zero(A::lo(r), +1);
        else mpfr_set_si_2exp(A::lo(r), -1, -1000, MPFR_RNDD);
    }
    if (tiny(r.upper())) {
        if (mpfr_sgn(r.upper()) < 0) mpfr_set_zero(A::hi(r), -1);
        else mpfr_set_si_2exp(A::hi(r), 1, -1000, MPFR_RNDU);
    }
    return r;
}
MpInterval increasing(MpfrFn f, const MpInterval& x) {
    MpInterval r = A::make(x.precision());
    f(A::lo(r), x.lower(), MPFR_RNDD);
    f(A::hi(r), x.upper(), MPFR_RNDU);
    return r;
}
}  // namespace

MpInterval sin(const MpInterval& x) {
    MpInterval r = within_unit(x) ? increasing(mpfr_sin, x) : apply(mpfi_sin, widen_tiny(x), "sin");
    clip(r, -1L, 1L);
    A::check(r, "sin");
    return r;
}

MpInterval cos(const MpInterval& x) {
    MpInterval r = A::make(x.precision());
    if (within_unit(x)) {
        // cos(X) = [cos(max |x|), cos(min |x|)]; |endpoints| are exact at the same precision.
        const mpfr_srcptr far = mpfr_cmpabs(x.lower(), x.upper()) >= 0 ? x.lower() : x.upper();
        const mpfr_srcptr near = far == x.lower() ? x.upper() : x.lower();
        mpfr_cos(A::lo(r), far, MPFR_RNDD);  // cos is even: the sign of the argument does not matter
        if (x.contains_zero()) mpfr_set_si(A::hi(r), 1, MPFR_RNDU);
        else mpfr_cos(A::hi(r), near, MPFR_RNDU);
    } else {
        r = apply(mpfi_cos, widen_tiny(x), "cos");
    }
    clip(r, -1L, 1L);
    A::check(r, "cos");
    return r;
}

MpInterval tan(const MpInterval& x) {
    MpInterval r = within_unit(x) ? increasing(mpfr_tan, x) : apply(mpfi_tan, widen_tiny(x), "tan");
    A::check(r, "tan");
    return r;
}

MpInterval atan(const MpInterval& x) {
    MpInterval r = apply(mpfi_atan, x, "atan");
    const MpInterval h = mp_half_pi(x.precision());
    Fr nh(x.precision());
    mpfr_neg(nh, h.upper(), MPFR_RNDN);
    clip(r, nh, h.upper());
    return r;
}

MpInterval asin(const MpInterval& x) {
    const MpInterval d = clamp_domain(x, -1L, 1L, "asin: argument outside [-1, 1]");
    MpInterval r = apply(mpfi_asin, d, "asin");
    const MpInterval h = mp_half_pi(x.precision());
    Fr nh(x.precision());
    mpfr_neg(nh, h.upper(), MPFR_RNDN);
    clip(r, nh, h.upper());
    return r;
}

MpInterval acos(const MpInterval& x) {
    const MpInterval d = clamp_domain(x, -1L, 1L, "acos: argument outside [-1, 1]");
    MpInterval r = apply(mpfi_acos, d, "acos");
    clip(r, 0L, mp_pi(x.precision()).upper());
    return r;
}

// atan2 from mpfr_atan2 at the corners (see the header for why not mpfi_atan2).
MpInterval atan2(const MpInterval& y, const MpInterval& x) {
    const mpfr_prec_t prec = std::max(x.precision(), y.precision());
    const MpInterval pi = mp_pi(prec), half_pi = mp_half_pi(prec);
    const int sxl = mpfr_sgn(x.lower()), sxh = mpfr_sgn(x.upper());
    const int syl = mpfr_sgn(y.lower()), syh = mpfr_sgn(y.upper());
    MpInterval r = A::make(prec);
    auto set_lower_neg = [&](const MpInterval& c) { mpfr_neg(A::lo(r), c.upper(), MPFR_RNDN); };  // -c.hi
    auto whole = [&]() {
        set_lower_neg(pi);
        mpfr_set(A::hi(r), pi.upper(), MPFR_RNDN);
    };
    const bool origin = sxl <= 0 && sxh >= 0 && syl <= 0 && syh >= 0;
    if (origin) {
        // Angles of the other points of the box = angles of the cone spanned by the box, whose hull
        // is the hull of the axis directions it contains, except that a cone holding the third
        // quadrant's directions near -pi and the direction pi of the negative x-axis spans [-pi, pi].
        const bool neg_x = sxl < 0, pos_x = sxh > 0, neg_y = syl < 0, pos_y = syh > 0;
        if (!neg_x && !pos_x && !neg_y && !pos_y) throw DomainError("atan2: the box is the origin only");
        if (neg_x && neg_y) {
            whole();
        } else {
            // Candidate angles in increasing order: -pi/2 (neg_y), 0 (pos_x), pi/2 (pos_y), pi (neg_x).
            // Lower bound = first present, upper = last present.
            if (neg_y) set_lower_neg(half_pi);
            else if (pos_x) mpfr_set_zero(A::lo(r), +1);
            else if (pos_y) mpfr_set(A::lo(r), half_pi.lower(), MPFR_RNDN);
            else mpfr_set(A::lo(r), pi.lower(), MPFR_RNDN);
            if (neg_x) mpfr_set(A::hi(r), pi.upper(), MPFR_RNDN);
            else if (pos_y) mpfr_set(A::hi(r), half_pi.upper(), MPFR_RNDN);
            else if (pos_x) mpfr_set_zero(A::hi(r), +1);
            else mpfr_neg(A::hi(r), half_pi.lower(), MPFR_RNDN);
        }
        A::check(r, "atan2");
        return r;
    }
    if (sxl < 0 && syl < 0 && syh >= 0) {  // the box meets the negative x-axis, y straddles 0
        whole();
        return r;
    }
    // Elsewhere the angle is continuous on the box (y >= 0 taken with +0, or the box avoids the cut),
    // and the box (convex, origin outside, subtending less than pi) sees its extreme directions at
    // corners or along unbounded edges, whose directions are the axis directions.
    Fr lo(prec), hi(prec), t(prec), yy(prec), xx(prec);
    mpfr_set_inf(lo, +1);
    mpfr_set_inf(hi, -1);
    auto eval = [&](mpfr_srcptr cy, mpfr_srcptr cx) {
        mpfr_set(yy, cy, MPFR_RNDN);  // exact: same or larger precision
        mpfr_set(xx, cx, MPFR_RNDN);
        if (mpfr_zero_p(yy)) mpfr_set_zero(yy, +1);  // y = 0 is on the upper side of the cut
        if (mpfr_zero_p(xx)) mpfr_set_zero(xx, +1);
        mpfr_atan2(t, yy, xx, MPFR_RNDD);
        mpfr_min(lo, lo, t, MPFR_RNDD);
        mpfr_atan2(t, yy, xx, MPFR_RNDU);
        mpfr_max(hi, hi, t, MPFR_RNDU);
    };
    Fr unit(53);
    for (mpfr_srcptr cy : {y.lower(), y.upper()}) {
        for (mpfr_srcptr cx : {x.lower(), x.upper()}) {
            if (mpfr_inf_p(cy) && mpfr_inf_p(cx)) {
                // A corner at infinity in both coordinates stands for the directions of the two
                // unbounded edges through it: (cx, finite) -> angle of cx's axis, and vice versa.
                mpfr_set_si(unit, mpfr_sgn(cx), MPFR_RNDN);
                eval(cy, unit);
                mpfr_set_si(unit, mpfr_sgn(cy), MPFR_RNDN);
                eval(unit, cx);
            } else {
                eval(cy, cx);
            }
        }
    }
    mpfr_set(A::lo(r), lo, MPFR_RNDD);
    mpfr_set(A::hi(r), hi, MPFR_RNDU);
    Fr npi(prec);
    mpfr_neg(npi, pi.upper(), MPFR_RNDN);
    clip(r, npi, pi.upper());
    A::check(r, "atan2");
    return r;
}

MpInterval erf(const MpInterval& x) {
    MpInterval r = A::make(x.precision());
    mpfr_erf(A::lo(r), x.lower(), MPFR_RNDD);  // erf is increasing
    mpfr_erf(A::hi(r), x.upper(), MPFR_RNDU);
    clip(r, -1L, 1L);
    A::check(r, "erf");
    return r;
}

MpInterval erfc(const MpInterval& x) {
    MpInterval r = A::make(x.precision());
    mpfr_erfc(A::lo(r), x.upper(), MPFR_RNDD);  // erfc is decreasing
    mpfr_erfc(A::hi(r), x.lower(), MPFR_RNDU);
    clip(r, 0L, 2L);
    A::check(r, "erfc");
    return r;
}

MpInterval gaussian_cdf(const MpInterval& x) {
    // Phi(x) = erfc(t) / 2 with t = -x / sqrt 2 enclosed at 64 guard bits; Phi is increasing, erfc
    // decreasing, so Phi(X) is in [erfc(t.hi) / 2, erfc(t.lo) / 2] (halving is exact, or rounds in the
    // stated direction on MPFR underflow).
    const mpfr_prec_t prec = x.precision(), guard = prec + 64;
    const MpInterval t = -x / mp_sqrt2(guard);
    MpInterval r = A::make(prec);
    mpfr_erfc(A::lo(r), t.upper(), MPFR_RNDD);
    mpfr_div_2ui(A::lo(r), A::lo(r), 1, MPFR_RNDD);
    mpfr_erfc(A::hi(r), t.lower(), MPFR_RNDU);
    mpfr_div_2ui(A::hi(r), A::hi(r), 1, MPFR_RNDU);
    clip(r, 0L, 1L);
    A::check(r, "gaussian_cdf");
    return r;
}

MpInterval gaussian_pdf(const MpInterval& x) {
    // phi(x) = exp(-x^2 / 2) / sqrt(2 pi), evaluated in interval arithmetic at 32 guard bits (sqr
    // handles x straddling 0), then rounded outward to the argument's precision.
    const mpfr_prec_t prec = x.precision(), guard = prec + 32;
    MpInterval xg = A::make(guard);
    mpfi_set(A::raw(xg), x.get_mpfi());  // exact (more bits)
    MpInterval s = sqr(xg);
    mpfi_div_2ui(A::raw(s), A::raw(s), 1);
    const MpInterval v = exp(-s) * mp_inv_sqrt_2pi(guard);
    MpInterval r = A::make(prec);
    mpfr_set(A::lo(r), v.lower(), MPFR_RNDD);
    mpfr_set(A::hi(r), v.upper(), MPFR_RNDU);
    clip(r, 0L, mp_inv_sqrt_2pi(prec).upper());
    A::check(r, "gaussian_pdf");
    return r;
}

}  // namespace relucert
