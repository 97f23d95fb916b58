// Exact values at tight points: numbers of the form a + b*pi (a, b rational), with an enclosure as
// fallback when a computation leaves that set.
//
// Why: a claim that touches zero, like sin t + (pi - t) cos t >= 0 at t = pi, can only be proven if the
// value at the touching point is known to be exactly 0; an interval around pi never yields that. An
// Exact holds a + b*pi exactly while every operation stays in that set: +, -, products where one side
// is rational (or either side is exactly 0), quotients by a nonzero rational, and the elementary
// functions at the points where their values are classical (sin/cos/tan at multiples of pi/2, exp(0),
// log(1), acos(-1) = pi, erf(0), Phi(0) = 1/2, sqrt of a rational square...), and quotients of two
// rational multiples of pi. Anything else gives an
// inexact Exact that only carries a rigorous enclosure of type E (Interval or MpInterval): the result
// is then still correct, just not exact. Signs of exact values are decided exactly (pi is irrational,
// so a + b*pi with b != 0 is never 0, and MPFR at growing precision separates it from 0).
//
// Generic claim code instantiated on Exact<E> (and Dual/Taylor over it) thus evaluates the function,
// its derivatives and Taylor coefficients exactly at exact points, which is how the engine proves the
// value, slope and contact order at a tight point with no epsilon.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "relucert/rational.hpp"
#include "relucert/scalar.hpp"

namespace relucert::engine {

// engine's overloads below must not hide relucert's for Rational
using relucert::to_double;
using relucert::to_string;

// a + b*pi, exactly.
struct PiAffine {
    Rational a = 0, b = 0;
    bool is_rational() const { return b == 0; }
    bool is_zero() const { return a == 0 && b == 0; }
    friend bool operator==(const PiAffine&, const PiAffine&) = default;
};
inline PiAffine operator+(const PiAffine& x, const PiAffine& y) { return {x.a + y.a, x.b + y.b}; }
inline PiAffine operator-(const PiAffine& x, const PiAffine& y) { return {x.a - y.a, x.b - y.b}; }
inline PiAffine operator-(const PiAffine& x) { return {-x.a, -x.b}; }

// Exact sign (-1, 0, +1) of a + b*pi. Throws std::runtime_error only for absurdly large rationals.
int exact_sign(const PiAffine& x);
// "3/10", "pi", "-1/2 + 3*pi" ... for messages and certificates.
std::string to_string(const PiAffine& x);
// Parses what to_string writes: "p/q", "pi", "p/q*pi", "a + b*pi" (a, b as parse_rational accepts).
PiAffine parse_pi_affine(std::string_view text);
// Nearest double (for untrusted code and reports).
double to_double(const PiAffine& x);

template <class E>
class Exact {
public:
    Exact() : exact_(PiAffine{}), enc_(0) {}
    Exact(int x) : exact_(PiAffine{Rational(x), 0}), enc_(x) {}         // NOLINT: exact
    Exact(double x) : exact_(PiAffine{Rational(x), 0}), enc_(E(x)) {}   // NOLINT: exact (finite x)
    static Exact from_exact(const PiAffine& q) {
        Exact r;
        r.exact_ = q;
        r.enc_ = enclose_affine(q);
        return r;
    }
    static Exact from_rational(const Rational& q) { return from_exact(PiAffine{q, 0}); }
    static Exact inexact(const E& e) {
        Exact r;
        r.exact_.reset();
        r.enc_ = e;
        return r;
    }
    static Exact pi() { return from_exact(PiAffine{0, 1}); }

    bool is_exact() const { return exact_.has_value(); }
    const PiAffine& exact() const { return *exact_; }
    const E& enclosure() const { return enc_; }
    bool is_exact_zero() const { return exact_ && exact_->is_zero(); }
    bool is_exact_rational() const { return exact_ && exact_->is_rational(); }

    // Certain sign tests: exact when exact, else from the enclosure.
    bool certainly_positive() const { return exact_ ? exact_sign(*exact_) > 0 : enc_.certainly_positive(); }
    bool certainly_nonnegative() const { return exact_ ? exact_sign(*exact_) >= 0 : enc_.certainly_nonnegative(); }
    bool certainly_negative() const { return exact_ ? exact_sign(*exact_) < 0 : enc_.certainly_negative(); }
    bool certainly_nonpositive() const { return exact_ ? exact_sign(*exact_) <= 0 : enc_.certainly_nonpositive(); }

    Exact& operator+=(const Exact& y) { return *this = *this + y; }
    Exact& operator-=(const Exact& y) { return *this = *this - y; }
    Exact& operator*=(const Exact& y) { return *this = *this * y; }
    Exact& operator/=(const Exact& y) { return *this = *this / y; }

    friend Exact operator+(const Exact& x) { return x; }
    friend Exact operator-(const Exact& x) {
        if (x.exact_) return from_exact(-*x.exact_);
        return inexact(-x.enc_);
    }
    friend Exact operator+(const Exact& x, const Exact& y) {
        if (x.exact_ && y.exact_) return from_exact(*x.exact_ + *y.exact_);
        if (x.is_exact_zero()) return y;
        if (y.is_exact_zero()) return x;
        return inexact(x.enc_ + y.enc_);
    }
    friend Exact operator-(const Exact& x, const Exact& y) {
        if (x.exact_ && y.exact_) return from_exact(*x.exact_ - *y.exact_);
        if (y.is_exact_zero()) return x;
        return inexact(x.enc_ - y.enc_);
    }
    friend Exact operator*(const Exact& x, const Exact& y) {
        // 0 * y = 0 exactly for any finite y: the enclosure of y is bounded unless y is unbounded.
        if (x.is_exact_zero() && y.enc_.is_bounded()) return Exact(0);
        if (y.is_exact_zero() && x.enc_.is_bounded()) return Exact(0);
        if (x.exact_ && y.exact_) {
            const PiAffine& p = *x.exact_;
            const PiAffine& q = *y.exact_;
            if (p.b == 0) return from_exact(PiAffine{p.a * q.a, p.a * q.b});
            if (q.b == 0) return from_exact(PiAffine{p.a * q.a, p.b * q.a});
        }
        if (x.is_exact() && x.exact_->is_rational() && x.exact_->a == 1) return y;
        if (y.is_exact() && y.exact_->is_rational() && y.exact_->a == 1) return x;
        return inexact(x.enc_ * y.enc_);
    }
    friend Exact operator/(const Exact& x, const Exact& y) {
        if (y.exact_ && y.exact_->is_rational()) {
            if (y.exact_->a == 0) throw DomainError("Exact: division by exact zero");
            if (x.exact_) return from_exact(PiAffine{x.exact_->a / y.exact_->a, x.exact_->b / y.exact_->a});
        }
        if (x.is_exact_zero() && !y.enc_.contains_zero()) return Exact(0);
        if (x.exact_ && y.exact_ && *x.exact_ == *y.exact_) return Exact(1);  // y != 0 (else thrown above)
        // (c pi) / (b pi) = c / b: claims written in u = theta / pi divide sin(pi u) and its derivative
        // pi cos(pi u) by pi, and must stay exact at the tight points.
        if (x.exact_ && y.exact_ && x.exact_->a == 0 && y.exact_->a == 0)  // y.b != 0: y is not rational
            return from_rational(x.exact_->b / y.exact_->b);
        return inexact(x.enc_ / y.enc_);
    }
    // Mixed forms so generic code can write 2 * x, x - 1, x / 3.
    friend Exact operator+(const Exact& x, int y) { return x + Exact(y); }
    friend Exact operator+(int x, const Exact& y) { return Exact(x) + y; }
    friend Exact operator-(const Exact& x, int y) { return x - Exact(y); }
    friend Exact operator-(int x, const Exact& y) { return Exact(x) - y; }
    friend Exact operator*(const Exact& x, int y) { return x * Exact(y); }
    friend Exact operator*(int x, const Exact& y) { return Exact(x) * y; }
    friend Exact operator/(const Exact& x, int y) { return x / Exact(y); }
    friend Exact operator/(int x, const Exact& y) { return Exact(x) / y; }
    friend Exact operator+(const Exact& x, double y) { return x + Exact(y); }
    friend Exact operator+(double x, const Exact& y) { return Exact(x) + y; }
    friend Exact operator-(const Exact& x, double y) { return x - Exact(y); }
    friend Exact operator-(double x, const Exact& y) { return Exact(x) - y; }
    friend Exact operator*(const Exact& x, double y) { return x * Exact(y); }
    friend Exact operator*(double x, const Exact& y) { return Exact(x) * y; }
    friend Exact operator/(const Exact& x, double y) { return x / Exact(y); }
    friend Exact operator/(double x, const Exact& y) { return Exact(x) / y; }

    // ---- elementary functions (found by ADL) ----
    friend Exact sqr(const Exact& x) { return x * x; }
    friend Exact abs(const Exact& x) {
        if (x.exact_) return exact_sign(*x.exact_) < 0 ? -x : x;
        using relucert::abs;
        return inexact(abs(x.enc_));
    }
    friend Exact pow(const Exact& x, int n) {
        if (n == 0) return Exact(1);
        if (n < 0) return Exact(1) / pow(x, -n);
        Exact r = x;
        for (int k = 1; k < n; ++k) r = r * x;
        return r;
    }
    friend Exact min(const Exact& x, const Exact& y) {
        if (x.exact_ && y.exact_) return exact_sign(*x.exact_ - *y.exact_) <= 0 ? x : y;
        using relucert::min;
        return inexact(min(x.enc_, y.enc_));
    }
    friend Exact max(const Exact& x, const Exact& y) {
        if (x.exact_ && y.exact_) return exact_sign(*x.exact_ - *y.exact_) >= 0 ? x : y;
        using relucert::max;
        return inexact(max(x.enc_, y.enc_));
    }
    friend Exact sin(const Exact& x) {
        if (int k; x.half_pi_multiple(k)) return Exact(k % 2 == 0 ? 0 : ((k % 4 + 4) % 4 == 1 ? 1 : -1));
        using relucert::sin;
        return inexact(sin(x.enc_));
    }
    friend Exact cos(const Exact& x) {
        if (int k; x.half_pi_multiple(k)) return Exact(k % 2 != 0 ? 0 : ((k % 4 + 4) % 4 == 0 ? 1 : -1));
        using relucert::cos;
        return inexact(cos(x.enc_));
    }
    friend Exact tan(const Exact& x) {
        if (int k; x.half_pi_multiple(k) && k % 2 == 0) return Exact(0);
        using relucert::tan;
        return inexact(tan(x.enc_));
    }
    friend Exact exp(const Exact& x) {
        if (x.is_exact_zero()) return Exact(1);
        using relucert::exp;
        return inexact(exp(x.enc_));
    }
    friend Exact expm1(const Exact& x) {
        if (x.is_exact_zero()) return Exact(0);
        using relucert::expm1;
        return inexact(expm1(x.enc_));
    }
    friend Exact log(const Exact& x) {
        if (x.exact_ && x.exact_->is_rational() && x.exact_->a == 1) return Exact(0);
        using relucert::log;
        return inexact(log(x.enc_));
    }
    friend Exact log1p(const Exact& x) {
        if (x.is_exact_zero()) return Exact(0);
        using relucert::log1p;
        return inexact(log1p(x.enc_));
    }
    friend Exact sqrt(const Exact& x) {
        if (x.exact_ && x.exact_->is_rational() && x.exact_->a >= 0) {
            const auto& q = x.exact_->a;
            boost::multiprecision::mpz_int n = numerator(q), d = denominator(q);
            boost::multiprecision::mpz_int rn = boost::multiprecision::sqrt(n), rd = boost::multiprecision::sqrt(d);
            if (rn * rn == n && rd * rd == d) return from_rational(Rational(rn, rd));
        }
        using relucert::sqrt;
        return inexact(sqrt(x.enc_));
    }
    friend Exact atan(const Exact& x) {
        if (x.is_exact_zero()) return Exact(0);
        using relucert::atan;
        return inexact(atan(x.enc_));
    }
    friend Exact asin(const Exact& x) {
        if (x.is_exact_rational()) {
            if (x.exact_->a == 0) return Exact(0);
            if (x.exact_->a == 1) return from_exact(PiAffine{0, Rational(1, 2)});
            if (x.exact_->a == -1) return from_exact(PiAffine{0, Rational(-1, 2)});
        }
        using relucert::asin;
        return inexact(asin(x.enc_));
    }
    friend Exact acos(const Exact& x) {
        if (x.is_exact_rational()) {
            if (x.exact_->a == 1) return Exact(0);
            if (x.exact_->a == 0) return from_exact(PiAffine{0, Rational(1, 2)});
            if (x.exact_->a == -1) return from_exact(PiAffine{0, 1});
        }
        using relucert::acos;
        return inexact(acos(x.enc_));
    }
    friend Exact erf(const Exact& x) {
        if (x.is_exact_zero()) return Exact(0);
        using relucert::erf;
        return inexact(erf(x.enc_));
    }
    friend Exact erfc(const Exact& x) {
        if (x.is_exact_zero()) return Exact(1);
        using relucert::erfc;
        return inexact(erfc(x.enc_));
    }
    friend Exact gaussian_cdf(const Exact& x) {
        if (x.is_exact_zero()) return from_rational(Rational(1, 2));
        using relucert::gaussian_cdf;
        return inexact(gaussian_cdf(x.enc_));
    }
    friend Exact gaussian_pdf(const Exact& x) {
        using relucert::gaussian_pdf;
        return inexact(gaussian_pdf(x.enc_));
    }

private:
    static E enclose_affine(const PiAffine& q) {
        E r = ScalarOps<E>::from_rational(q.a);
        if (q.b != 0) r = r + ScalarOps<E>::from_rational(q.b) * ScalarOps<E>::pi();
        return r;
    }
    // x == k*pi/2 exactly for an int k?
    bool half_pi_multiple(int& k) const {
        if (!exact_ || exact_->a != 0) return false;
        const Rational t = exact_->b * 2;
        if (denominator(t) != 1 || abs(numerator(t)) > 1000000) return false;
        k = static_cast<int>(numerator(t));
        return true;
    }
    std::optional<PiAffine> exact_;
    E enc_;
};

}  // namespace relucert::engine

namespace relucert {
template <class E>
struct ScalarOps<engine::Exact<E>> {
    static engine::Exact<E> pi() { return engine::Exact<E>::pi(); }
    static engine::Exact<E> from_rational(const Rational& q) { return engine::Exact<E>::from_rational(q); }
};
}  // namespace relucert
