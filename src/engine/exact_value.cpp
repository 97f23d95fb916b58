#include "relucert/engine/exact_value.hpp"

#include <mpfr.h>

namespace relucert::engine {

int exact_sign(const PiAffine& x) {
    const int sb = x.b.sign();
    if (sb == 0) return x.a.sign();
    // sign(a + b pi) = sign(b) * sign(pi - r) with r = -a/b; pi is irrational, so pi != r and enough
    // precision separates them.
    const Rational r = -x.a / x.b;
    for (mpfr_prec_t prec = 64; prec <= (1 << 20); prec *= 4) {
        mpfr_t lo, hi;
        mpfr_init2(lo, prec);
        mpfr_init2(hi, prec);
        mpfr_const_pi(lo, MPFR_RNDD);
        mpfr_const_pi(hi, MPFR_RNDU);
        const int c_lo = mpfr_cmp_q(lo, r.backend().data());  // > 0: pi > lo > r
        const int c_hi = mpfr_cmp_q(hi, r.backend().data());  // < 0: pi < hi < r
        mpfr_clear(lo);
        mpfr_clear(hi);
        if (c_lo > 0) return sb;
        if (c_hi < 0) return -sb;
    }
    throw std::runtime_error("exact_sign: could not separate a + b*pi from 0");
}

std::string to_string(const PiAffine& x) {
    if (x.b == 0) return relucert::to_string(x.a);
    std::string pi_part = (x.b == 1) ? "pi" : (x.b == -1 ? "-pi" : relucert::to_string(x.b) + "*pi");
    if (x.a == 0) return pi_part;
    if (x.b < 0) {
        const std::string neg = (x.b == -1) ? "pi" : relucert::to_string(Rational(-x.b)) + "*pi";
        return relucert::to_string(x.a) + " - " + neg;
    }
    return relucert::to_string(x.a) + " + " + pi_part;
}

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}
// "pi", "-pi", "q*pi", or "q".
PiAffine parse_term(std::string_view t) {
    t = trim(t);
    if (t == "pi") return {0, 1};
    if (t == "-pi") return {0, -1};
    if (t.size() > 3 && t.substr(t.size() - 3) == "*pi") return {0, parse_rational(trim(t.substr(0, t.size() - 3)))};
    return {parse_rational(t), 0};
}
}  // namespace

PiAffine parse_pi_affine(std::string_view text) {
    text = trim(text);
    // split at a binary " + " or " - "
    for (std::size_t i = 1; i + 2 < text.size(); ++i) {
        if (text[i] == ' ' && (text[i + 1] == '+' || text[i + 1] == '-') && text[i + 2] == ' ') {
            PiAffine a = parse_term(text.substr(0, i));
            PiAffine b = parse_term(text.substr(i + 3));
            return text[i + 1] == '+' ? a + b : a - b;
        }
    }
    return parse_term(text);
}

double to_double(const PiAffine& x) {
    mpfr_t t, p;
    mpfr_init2(t, 200);
    mpfr_init2(p, 200);
    mpfr_const_pi(p, MPFR_RNDN);
    mpfr_mul_q(p, p, x.b.backend().data(), MPFR_RNDN);
    mpfr_set_q(t, x.a.backend().data(), MPFR_RNDN);
    mpfr_add(t, t, p, MPFR_RNDN);
    const double d = mpfr_get_d(t, MPFR_RNDN);
    mpfr_clear(t);
    mpfr_clear(p);
    return d;
}

}  // namespace relucert::engine
