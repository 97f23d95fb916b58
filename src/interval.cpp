// Non-inline parts of Interval: printing, set operations, integer powers.
#include "relucert/interval.hpp"

#include <cstdio>
#include <ostream>

namespace relucert {

double Interval::mid() const noexcept {
    if (lo_ == -rounding::kInf && hi_ == rounding::kInf) return 0.0;
    if (lo_ == -rounding::kInf) return std::min(hi_, -rounding::kMax);
    if (hi_ == rounding::kInf) return std::max(lo_, rounding::kMax);
    // 0.5*lo + 0.5*hi cannot overflow; clamping keeps it inside when halving underflows.
    return std::clamp(0.5 * lo_ + 0.5 * hi_, lo_, hi_);
}

Interval Interval::from_ratio(long long num, long long den) {
    if (den == 0) throw DomainError("Interval::from_ratio: zero denominator");
    // |num|, |den| < 2^53 are exact doubles; larger ones are enclosed first.
    auto enclose_ll = [](long long v) {
        const double d = static_cast<double>(v);
        if (static_cast<long long>(d) == v && std::fabs(d) < 0x1p63) return Interval(d);
        return Interval(rounding::pred(d), rounding::succ(d));
    };
    return enclose_ll(num) / enclose_ll(den);
}

std::string to_hex_string(const Interval& x) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "[%a, %a]", x.lo(), x.hi());
    return buf;
}

std::ostream& operator<<(std::ostream& os, const Interval& x) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "[%.17g, %.17g]", x.lo(), x.hi());
    return os << buf;
}

Interval intersect(const Interval& a, const Interval& b) {
    const double lo = std::max(a.lo(), b.lo()), hi = std::min(a.hi(), b.hi());
    if (lo > hi) throw DomainError("intersect: empty intersection");
    return Interval::unchecked(lo, hi);
}

namespace {
// |x|^n rounded down / up, for x >= 0 (binary powering; every product is directed).
double pow_down_nonneg(double x, unsigned n) {
    double result = 1.0, base = x;
    while (n) {
        if (n & 1u) result = rounding::mul_down(result, base);
        n >>= 1;
        if (n) base = rounding::mul_down(base, base);
    }
    return result;
}
double pow_up_nonneg(double x, unsigned n) {
    double result = 1.0, base = x;
    while (n) {
        if (n & 1u) result = rounding::mul_up(result, base);
        n >>= 1;
        if (n) base = rounding::mul_up(base, base);
    }
    return result;
}
}  // namespace

Interval pow(const Interval& x, int n) {
    if (n == 0) return Interval(1.0);
    if (n < 0) {
        if (n == std::numeric_limits<int>::min()) throw DomainError("pow: exponent out of range");
        return Interval(1.0) / pow(x, -n);
    }
    const auto un = static_cast<unsigned>(n);
    if (n % 2 == 0) {  // even power: [mig^n, mag^n]
        return Interval::unchecked(pow_down_nonneg(x.mig(), un), pow_up_nonneg(x.mag(), un));
    }
    // odd power: monotone increasing; (-a)^n = -(a^n)
    const double lo = x.lo() >= 0 ? pow_down_nonneg(x.lo(), un) : -pow_up_nonneg(-x.lo(), un);
    const double hi = x.hi() >= 0 ? pow_up_nonneg(x.hi(), un) : -pow_down_nonneg(-x.hi(), un);
    return Interval::unchecked(lo, hi);
}

}  // namespace relucert
