#include "relucert/engine/domain.hpp"

#include <cmath>
#include <stdexcept>

namespace relucert::engine {

std::string to_string(MapKind k) {
    switch (k) {
        case MapKind::Identity: return "identity";
        case MapKind::Affine: return "affine";
        case MapKind::UpperInfinite: return "s/(1-s)";
        case MapKind::LowerInfinite: return "(1-s)/s";
        case MapKind::BothInfinite: return "s/(1-|s|)";
    }
    return "?";
}

namespace {
bool is_double(const PiAffine& q) {
    if (q.b != 0) return false;
    const double d = to_double(q.a);
    return std::isfinite(d) && Rational(d) == q.a;
}
Interval enclose_affine(const PiAffine& q) {
    Interval r = enclose(q.a);
    if (q.b != 0) r = r + enclose(q.b) * pi_interval();
    return r;
}
}  // namespace

std::vector<VariableMap> variable_maps(const ClaimInfo& info) {
    std::vector<VariableMap> maps;
    for (const auto& v : info.variables) {
        VariableMap m;
        const auto bad = [&](const std::string& why) {
            return std::invalid_argument("variable " + v.name + ": " + why);
        };
        if (v.lo.infinity > 0 || v.hi.infinity < 0) throw bad("empty domain");
        if (!v.lo.infinity && !v.hi.infinity) {
            if (exact_sign(v.hi.value - v.lo.value) <= 0) throw bad("empty domain [" + v.lo.text() + ", " + v.hi.text() + "]");
            m.lo = v.lo.value;
            m.hi = v.hi.value;
            if (is_double(m.lo) && is_double(m.hi)) {
                m.kind = MapKind::Identity;
                m.s_lo = to_double(m.lo.a);
                m.s_hi = to_double(m.hi.a);
            } else {
                m.kind = MapKind::Affine;
            }
        } else if (!v.lo.infinity) {
            m.kind = MapKind::UpperInfinite;
            m.lo = v.lo.value;
        } else if (!v.hi.infinity) {
            m.kind = MapKind::LowerInfinite;
            m.hi = v.hi.value;
        } else {
            m.kind = MapKind::BothInfinite;
            m.s_lo = -1;
        }
        maps.push_back(m);
    }
    return maps;
}

bool is_infinite_point(const VariableMap& m, double s) {
    switch (m.kind) {
        case MapKind::UpperInfinite: return s >= 1;
        case MapKind::LowerInfinite: return s <= 0;
        case MapKind::BothInfinite: return std::fabs(s) >= 1;
        default: return false;
    }
}

namespace {
// Enclosure of x(s) at a finite point s (not the point at infinity).
Interval map_point(const VariableMap& m, double s) {
    const Interval S(s);
    switch (m.kind) {
        case MapKind::Identity: return S;
        case MapKind::Affine: {
            if (s == 0) return enclose_affine(m.lo);
            if (s == 1) return enclose_affine(m.hi);
            const Interval lo = enclose_affine(m.lo), hi = enclose_affine(m.hi);
            const Interval x = lo + S * enclose_affine(m.hi - m.lo);
            return intersect(x, hull(lo, hi));
        }
        case MapKind::UpperInfinite: return enclose_affine(m.lo) + S / (Interval(1) - S);
        case MapKind::LowerInfinite: return enclose_affine(m.hi) - (Interval(1) - S) / S;
        case MapKind::BothInfinite: return S / (Interval(1) - abs(S));
    }
    return S;
}
}  // namespace

Interval map_interval(const VariableMap& m, const Interval& s) {
    if (m.kind == MapKind::Identity) return s;
    const double lo = is_infinite_point(m, s.lo()) ? -rounding::kInf : map_point(m, s.lo()).lo();
    const double hi = is_infinite_point(m, s.hi()) ? rounding::kInf : map_point(m, s.hi()).hi();
    return Interval(lo, hi);
}

std::optional<PiAffine> map_exact(const VariableMap& m, double s) {
    if (is_infinite_point(m, s)) return std::nullopt;
    const Rational q(s);
    switch (m.kind) {
        case MapKind::Identity: return PiAffine{q, 0};
        case MapKind::Affine: return PiAffine{m.lo.a + q * (m.hi.a - m.lo.a), m.lo.b + q * (m.hi.b - m.lo.b)};
        case MapKind::UpperInfinite: return m.lo + PiAffine{q / (1 - q), 0};
        case MapKind::LowerInfinite: return m.hi - PiAffine{(1 - q) / q, 0};
        case MapKind::BothInfinite: return PiAffine{q / (1 - abs(q)), 0};
    }
    return std::nullopt;
}

double map_double(const VariableMap& m, double s) {
    if (is_infinite_point(m, s)) {
        if (m.kind == MapKind::BothInfinite) return s > 0 ? rounding::kInf : -rounding::kInf;
        return m.kind == MapKind::UpperInfinite ? rounding::kInf : -rounding::kInf;
    }
    if (m.kind == MapKind::Identity) return s;
    return to_double(*map_exact(m, s));
}

double split_point(double lo, double hi) {
    double m = lo + (hi - lo) / 2;  // hi - lo is finite: internal domains are within [-1, 1] or finite doubles
    if (!std::isfinite(m)) m = lo / 2 + hi / 2;
    if (!(m > lo && m < hi)) return lo;
    return m;
}

}  // namespace relucert::engine
