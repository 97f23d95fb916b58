// The checker. Written against the certificate format and the claim interface only: it never calls
// the search (search.cpp), and evaluates on MpInterval / Exact<MpInterval> only.
#include "relucert/engine/checker.hpp"

#include <array>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <vector>

#include "relucert/engine/domain.hpp"

namespace relucert::engine {
namespace {

struct Invalid {
    std::string why;
};
[[noreturn]] void reject(std::string why) { throw Invalid{std::move(why)}; }

double hex(const io::JsonValue& v) {
    if (!v.is_string()) reject("expected a hex-float string");
    const std::string& s = v.as_string();
    if (s.empty() || s.size() > 64) reject("bad number '" + s + "'");
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(d)) reject("bad number '" + s + "'");
    return d;
}
int small_int(const io::JsonValue& v, int lo, int hi, const char* what) {
    if (!v.is_number()) reject(std::string(what) + " must be an integer");
    long long x = 0;
    try {
        x = v.as_integer();
    } catch (const io::JsonError&) {
        reject(std::string(what) + " must be an integer");
    }
    if (x < lo || x > hi) reject(std::string(what) + " out of range");
    return static_cast<int>(x);
}

struct MpBox {
    std::vector<double> lo, hi;
    bool degenerate(int i) const { return lo[i] == hi[i]; }
};

class Replayer {
public:
    Replayer(const Claim& c, std::vector<Rational> params, mpfr_prec_t prec)
        : c_(c), maps_(variable_maps(c.info())), n_(c.dim()), prec_(prec), sgn_(relation_sign(c.info().relation)),
          strict_(relation_strict(c.info().relation)) {
        for (const auto& q : params) {
            pm_.emplace_back(q, prec);
            pe_.push_back(ExactM::from_rational(q));
        }
    }
    const std::vector<VariableMap>& maps() const { return maps_; }

    void check_leaf(const MpBox& b, const io::JsonValue& ev, int depth = 0) const {
        if (!ev.is_object()) reject("evidence must be an object");
        if (depth > n_) reject("evidence nested too deeply");
        const std::string kind = ev.at("kind").as_string();
        if (kind == "bound") {
            const double L = lower_of(ev);
            const MpInterval v = g(claim_box(b));
            if (mpfr_cmp_d(v.lower(), L) < 0) reject("bound not reached on a leaf");
        } else if (kind == "mean-value") {
            const double L = lower_of(ev);
            if (mpfr_cmp_d(mean_value(b).lower(), L) < 0) reject("mean-value bound not reached on a leaf");
        } else if (kind == "monotone") {
            const int var = small_int(ev.at("var"), 0, n_ - 1, "var");
            const int dir = small_int(ev.at("dir"), -1, 1, "dir");
            if (dir == 0 || b.degenerate(var)) reject("bad monotone evidence");
            const auto X = claim_box(b);
            std::vector<MpInterval> grad(static_cast<std::size_t>(n_));
            c_.gradient(X.data(), pm_.data(), grad.data());
            const MpInterval gi = sgn_ > 0 ? grad[var] : -grad[var];
            if (dir > 0 ? !gi.certainly_nonnegative() : !gi.certainly_nonpositive()) reject("monotonicity does not hold");
            MpBox face = b;
            const double at = dir > 0 ? b.lo[var] : b.hi[var];
            if (is_infinite_point(maps_[var], at)) reject("monotone face at infinity");
            face.lo[var] = face.hi[var] = at;
            check_leaf(face, ev.at("face"), depth + 1);
        } else if (kind == "taylor") {
            check_taylor(b, ev);
        } else if (kind == "hessian") {
            check_hessian(b, ev);
        } else if (kind == "infeasible") {
            // only at the top level: inside a monotone face g must hold on the whole face
            if (depth != 0) reject("infeasible evidence inside a monotone face");
            const int nc = static_cast<int>(c_.constraints().size());
            if (nc == 0) reject("infeasible evidence for a claim without constraints");
            const int k = small_int(ev.at("constraint"), 0, nc - 1, "constraint");
            if (!constraint_violated(*c_.constraints()[static_cast<std::size_t>(k)], claim_box(b)))
                reject("constraint " + std::to_string(k) + " is not violated on the whole leaf");
        } else if (kind == "exact-point") {
            const double L = lower_of(ev);
            for (int i = 0; i < n_; ++i)
                if (!b.degenerate(i)) reject("exact-point evidence on a box that is not a point");
            const ExactM v = g_exact(exact_point(b.lo));
            if (v.is_exact()) {
                const int s = exact_sign(v.exact());
                if (strict_ ? s <= 0 : s < 0) reject("exact value violates the claim");
                if (s == 0 && L != 0) reject("exact value below the recorded bound");
            } else if (mpfr_cmp_d(v.enclosure().lower(), L) < 0) {
                reject("value at the point below the recorded bound");
            }
        } else {
            reject("unknown evidence kind '" + kind + "'");
        }
    }

    void check_counterexample(const std::vector<double>& s) const {
        for (int i = 0; i < n_; ++i)
            if (s[i] < maps_[i].s_lo || s[i] > maps_[i].s_hi || is_infinite_point(maps_[i], s[i]))
                reject("counterexample outside the domain");
        MpBox b{s, s};
        check_feasible(s, claim_box(b));
        const MpInterval v = g(claim_box(b));
        if (strict_ ? v.certainly_nonpositive() : v.certainly_negative()) return;
        const ExactM e = g_exact(exact_point(s));
        if (e.is_exact() && (strict_ ? exact_sign(e.exact()) <= 0 : exact_sign(e.exact()) < 0)) return;
        reject("the counterexample does not violate the claim");
    }

private:
    static bool holds(const Claim& c, const MpInterval& v0, bool lower_side) {
        const MpInterval v = relation_sign(c.info().relation) > 0 ? v0 : -v0;
        const bool strict = relation_strict(c.info().relation);
        if (lower_side) return strict ? v.certainly_positive() : v.certainly_nonnegative();
        return strict ? v.certainly_nonpositive() : v.certainly_negative();  // violated everywhere
    }
    bool constraint_violated(const Claim& c, const std::vector<MpInterval>& X) const {
        try {
            return holds(c, c.eval(X.data(), nullptr), false);
        } catch (const DomainError&) {
            return false;
        }
    }
    // A counterexample of a constrained claim must be a feasible point, proven here independently.
    void check_feasible(const std::vector<double>& s, const std::vector<MpInterval>& X) const {
        for (std::size_t k = 0; k < c_.constraints().size(); ++k) {
            const Claim& c = *c_.constraints()[k];
            try {
                if (holds(c, c.eval(X.data(), nullptr), true)) continue;
                const auto xe = exact_point(s);
                ExactM e = c.eval(xe.data(), nullptr);
                if (relation_sign(c.info().relation) < 0) e = -e;
                if (relation_strict(c.info().relation) ? e.certainly_positive() : e.certainly_nonnegative()) continue;
            } catch (const DomainError&) {
            }
            reject("the counterexample is not proven feasible (constraint " + std::to_string(k) + ")");
        }
    }
    double lower_of(const io::JsonValue& ev) const {
        const double L = hex(ev.at("lower"));
        if (strict_ ? !(L > 0) : !(L >= 0)) reject("recorded lower bound does not prove the relation");
        return L;
    }
    MpInterval enclose_affine(const PiAffine& q) const {
        MpInterval r(q.a, prec_);
        if (q.b != 0) r = r + MpInterval(q.b, prec_) * mp_pi(prec_);
        return r;
    }
    MpInterval map_point(const VariableMap& m, double s) const {
        const MpInterval S(s, prec_);
        switch (m.kind) {
            case MapKind::Identity: return S;
            case MapKind::Affine: return enclose_affine(m.lo) + S * enclose_affine(m.hi - m.lo);
            case MapKind::UpperInfinite: return enclose_affine(m.lo) + S / (MpInterval(1) - S);
            case MapKind::LowerInfinite: return enclose_affine(m.hi) - (MpInterval(1) - S) / S;
            case MapKind::BothInfinite: return S / (MpInterval(1) - abs(S));
        }
        reject("unknown map");
    }
    std::vector<MpInterval> claim_box(const MpBox& b) const {
        std::vector<MpInterval> X;
        for (int i = 0; i < n_; ++i) {
            const auto& m = maps_[i];
            if (m.kind == MapKind::Identity) {
                X.emplace_back(b.lo[i], b.hi[i], prec_);
                continue;
            }
            mpfr_t lo, hi;
            mpfr_init2(lo, prec_);
            mpfr_init2(hi, prec_);
            // (mpfr_set is a macro that may evaluate its source twice: keep the values in locals)
            if (is_infinite_point(m, b.lo[i])) {
                mpfr_set_inf(lo, -1);
            } else {
                const MpInterval v = map_point(m, b.lo[i]);
                mpfr_set(lo, v.lower(), MPFR_RNDD);
            }
            if (is_infinite_point(m, b.hi[i])) {
                mpfr_set_inf(hi, 1);
            } else {
                const MpInterval v = map_point(m, b.hi[i]);
                mpfr_set(hi, v.upper(), MPFR_RNDU);
            }
            X.emplace_back(lo, hi, prec_);
            mpfr_clear(lo);
            mpfr_clear(hi);
        }
        return X;
    }
    std::vector<ExactM> exact_point(const std::vector<double>& s) const {
        std::vector<ExactM> x;
        for (int i = 0; i < n_; ++i) {
            auto e = map_exact(maps_[i], s[i]);
            if (!e) reject("a point at infinity");
            x.push_back(ExactM::from_exact(*e));
        }
        return x;
    }
    MpInterval g(const std::vector<MpInterval>& X) const {
        const MpInterval v = c_.eval(X.data(), pm_.data());
        return sgn_ > 0 ? v : -v;
    }
    ExactM g_exact(const std::vector<ExactM>& x) const {
        const ExactM v = c_.eval(x.data(), pe_.data());
        return sgn_ > 0 ? v : -v;
    }
    MpInterval mean_value(const MpBox& b) const {
        const auto X = claim_box(b);
        MpBox cb = b;
        for (int i = 0; i < n_; ++i)
            if (!b.degenerate(i)) cb.lo[i] = cb.hi[i] = split_point(b.lo[i], b.hi[i]);
        const auto Xc = claim_box(cb);
        std::vector<MpInterval> grad(static_cast<std::size_t>(n_));
        c_.gradient(X.data(), pm_.data(), grad.data());
        MpInterval L = g(Xc);
        for (int i = 0; i < n_; ++i) {
            if (b.degenerate(i)) continue;  // x_i = c_i exactly
            if (!X[i].is_bounded()) reject("mean-value form on an unbounded box");
            const MpInterval gi = sgn_ > 0 ? grad[i] : -grad[i];
            L = L + gi * (X[i] - Xc[i]);
        }
        return L;
    }
    void check_taylor(const MpBox& b, const io::JsonValue& ev) const {
        const int var = small_int(ev.at("var"), 0, n_ - 1, "var");
        const int end = small_int(ev.at("end"), -1, 1, "end");
        const int order = small_int(ev.at("order"), 1, kTaylorOrder - 1, "order");
        const int rem = small_int(ev.at("rem"), order + 1, kTaylorOrder, "rem");
        if (end == 0 || strict_) reject("bad taylor evidence");
        for (int i = 0; i < n_; ++i)
            if ((i == var) == b.degenerate(i)) reject("taylor evidence needs exactly one free variable");
        std::vector<double> s = b.lo;
        s[var] = end < 0 ? b.lo[var] : b.hi[var];
        const auto xe = exact_point(s);
        std::array<ExactM, kTaylorOrder + 1> ce;
        c_.taylor(xe.data(), pe_.data(), var, ce.data());
        if (sgn_ < 0)
            for (auto& v : ce) v = -v;
        for (int k = 0; k < order; ++k)
            if (!ce[k].is_exact_zero()) reject("taylor coefficient below the contact order is not exactly 0");
        const int sigma = (end < 0 || order % 2 == 0) ? 1 : -1;
        if (sigma > 0 ? !ce[order].certainly_positive() : !ce[order].certainly_negative())
            reject("leading taylor coefficient has the wrong sign");
        const auto X = claim_box(b);
        std::array<MpInterval, kTaylorOrder + 1> cb;
        c_.taylor(X.data(), pm_.data(), var, cb.data());
        const MpInterval hraw = X[var] - xe[var].enclosure();
        // h = x - p: >= 0 when p is the lower end, <= 0 when it is the upper end
        MpInterval H = end < 0 ? hull(MpInterval(0), hraw) : hull(hraw, MpInterval(0));
        H = intersect(H, end < 0 ? MpInterval(0.0, rounding::kMax, prec_) : MpInterval(-rounding::kMax, 0.0, prec_));
        MpInterval Q = sgn_ > 0 ? cb[rem] : -cb[rem];
        for (int k = rem - 1; k >= order; --k) Q = Q * H + ce[k].enclosure();
        if (sigma < 0) Q = -Q;
        if (!Q.certainly_positive()) reject("taylor remainder bound fails");
    }
    void check_hessian(const MpBox& b, const io::JsonValue& ev) const {
        const auto& w = ev.at("where");
        if (!w.is_array() || static_cast<int>(w.size()) != n_) reject("bad hessian evidence");
        std::vector<int> where;
        std::vector<double> s(static_cast<std::size_t>(n_));
        std::vector<int> free;
        for (int i = 0; i < n_; ++i) {
            where.push_back(small_int(w.at(static_cast<std::size_t>(i)), -1, 1, "where"));
            if (b.degenerate(i)) {
                if (where[i] != 0) reject("bad hessian evidence");
                s[i] = b.lo[i];
                continue;
            }
            free.push_back(i);
            s[i] = where[i] < 0 ? b.lo[i] : (where[i] > 0 ? b.hi[i] : split_point(b.lo[i], b.hi[i]));
        }
        const auto xe = exact_point(s);
        const ExactM v = g_exact(xe);
        if (strict_ ? !v.certainly_positive() : !v.certainly_nonnegative()) reject("value at the hessian point");
        std::vector<ExactM> ge(static_cast<std::size_t>(n_));
        c_.gradient(xe.data(), pe_.data(), ge.data());
        for (int i : free) {
            const ExactM gi = sgn_ > 0 ? ge[i] : -ge[i];
            const bool fine = where[i] < 0 ? gi.certainly_nonnegative()
                                           : (where[i] > 0 ? gi.certainly_nonpositive() : gi.is_exact_zero());
            if (!fine) reject("gradient condition at the hessian point fails");
        }
        const auto X = claim_box(b);
        std::vector<MpInterval> grad(static_cast<std::size_t>(n_)), H(static_cast<std::size_t>(n_ * n_));
        c_.hessian(X.data(), pm_.data(), grad.data(), H.data());
        // interval Cholesky on the free block
        const int k = static_cast<int>(free.size());
        std::vector<MpInterval> L(static_cast<std::size_t>(k * k));
        auto A = [&](int a, int c) { return sgn_ > 0 ? H[free[a] * n_ + free[c]] : -H[free[a] * n_ + free[c]]; };
        for (int j = 0; j < k; ++j) {
            MpInterval d = A(j, j);
            for (int l = 0; l < j; ++l) d = d - sqr(L[j * k + l]);
            if (!d.certainly_positive() || !d.is_bounded()) reject("hessian not positive definite");
            L[j * k + j] = sqrt(d);
            for (int i = j + 1; i < k; ++i) {
                MpInterval t = A(i, j);
                for (int l = 0; l < j; ++l) t = t - L[i * k + l] * L[j * k + l];
                L[i * k + j] = t / L[j * k + j];
            }
        }
    }

    const Claim& c_;
    std::vector<VariableMap> maps_;
    int n_;
    mpfr_prec_t prec_;
    int sgn_;
    bool strict_;
    std::vector<MpInterval> pm_;
    std::vector<ExactM> pe_;
};

struct Walker {
    const Replayer& rep;
    std::size_t leaves = 0;
    void walk(const io::JsonValue& node, const MpBox& b, int depth) {
        if (depth > 400) reject("tree too deep");
        if (!node.is_object()) reject("tree node must be an object");
        const int n = static_cast<int>(b.lo.size());
        if (const auto* split = node.find("split")) {
            if (node.find("box") || node.find("evidence")) reject("a node is both a split and a leaf");
            const int var = small_int(split->at("var"), 0, n - 1, "split var");
            const double at = hex(split->at("at"));
            if (!(at > b.lo[var] && at < b.hi[var])) reject("split point outside its box");
            const auto& ch = node.at("children");
            if (!ch.is_array() || ch.size() != 2) reject("a split needs exactly two children");
            MpBox lo = b, hi = b;
            lo.hi[var] = at;
            hi.lo[var] = at;
            walk(ch.at(std::size_t{0}), lo, depth + 1);
            walk(ch.at(std::size_t{1}), hi, depth + 1);
            return;
        }
        const auto& box = node.at("box");
        if (!box.is_array() || static_cast<int>(box.size()) != n) reject("leaf box has the wrong dimension");
        for (int i = 0; i < n; ++i) {
            const auto& iv = box.at(static_cast<std::size_t>(i));
            if (!iv.is_array() || iv.size() != 2) reject("leaf box component must be [lo, hi]");
            if (hex(iv.at(std::size_t{0})) != b.lo[i] || hex(iv.at(std::size_t{1})) != b.hi[i])
                reject("leaf box differs from the box its splits define");
        }
        rep.check_leaf(b, node.at("evidence"));
        ++leaves;
    }
};

CheckResult check_impl(const io::JsonValue& cert, mpfr_prec_t prec, const Claim* given) {
    CheckResult r;
    if (!cert.is_object()) reject("a certificate is a JSON object");
    if (cert.at("format").as_string() != "relucert-certificate/1") reject("unknown certificate format");
    r.claim_id = cert.at("claim").as_string();
    const Claim* c = given ? given : find_claim(r.claim_id);
    if (!c) reject("unknown claim '" + r.claim_id + "'");
    if (given && given->info().id != r.claim_id) reject("certificate is for '" + r.claim_id + "', not '" + given->info().id + "'");
    const auto& info = c->info();
    {
        const auto* cs = cert.find("constraints");
        const auto& own = c->constraints();
        if (!cs && !own.empty()) reject("the claim has constraints, the certificate does not");
        if (cs) {
            if (!cs->is_array() || cs->size() != own.size()) reject("constraints differ from the claim's");
            for (std::size_t k = 0; k < own.size(); ++k)
                if (cs->at(k).as_string() != own[k]->info().statement) reject("constraint " + std::to_string(k) + " differs from the claim's");
        }
    }
    if (cert.at("relation").as_string() != to_string(info.relation)) reject("relation differs from the claim's");
    // parameters: exactly the claim's, as exact rationals
    const auto& ps = cert.at("parameters");
    if (!ps.is_object() || ps.size() != info.parameters.size()) reject("parameters differ from the claim's");
    std::vector<Rational> params;
    for (const auto& spec : info.parameters) {
        const auto* v = ps.find(spec.name);
        if (!v || !v->is_string()) reject("missing parameter '" + spec.name + "'");
        try {
            params.push_back(parse_rational(v->as_string()));
        } catch (const std::invalid_argument& e) {
            reject(e.what());
        }
    }
    const auto& vars = cert.at("variables");
    if (!vars.is_array() || static_cast<int>(vars.size()) != c->dim()) reject("variables differ from the claim's");
    Replayer rep(*c, params, prec);
    MpBox root;
    for (int i = 0; i < c->dim(); ++i) {
        const auto& v = vars.at(static_cast<std::size_t>(i));
        const auto& spec = info.variables[static_cast<std::size_t>(i)];
        const auto& m = rep.maps()[static_cast<std::size_t>(i)];
        if (v.at("name").as_string() != spec.name || v.at("lo").as_string() != spec.lo.text() ||
            v.at("hi").as_string() != spec.hi.text() || v.at("map").as_string() != to_string(m.kind))
            reject("variable " + spec.name + " differs from the claim's");
        const auto& in = v.at("internal");
        if (!in.is_array() || in.size() != 2 || hex(in.at(std::size_t{0})) != m.s_lo || hex(in.at(std::size_t{1})) != m.s_hi)
            reject("internal domain of " + spec.name + " differs from the claim's");
        root.lo.push_back(m.s_lo);
        root.hi.push_back(m.s_hi);
    }
    const std::string verdict = cert.at("verdict").as_string();
    if (verdict == "CERTIFIED") {
        Walker w{rep};
        w.walk(cert.at("tree"), root, 0);
        r.verdict = Verdict::Certified;
        r.leaves = w.leaves;
    } else if (verdict == "REFUTED") {
        const auto& in = cert.at("counterexample").at("internal");
        if (!in.is_array() || static_cast<int>(in.size()) != c->dim()) reject("counterexample has the wrong dimension");
        std::vector<double> s;
        for (std::size_t i = 0; i < in.size(); ++i) s.push_back(hex(in.at(i)));
        rep.check_counterexample(s);
        r.verdict = Verdict::Refuted;
    } else {
        reject("verdict must be CERTIFIED or REFUTED");
    }
    r.valid = true;
    r.reason = "valid: " + verdict + " " + r.claim_id + (r.leaves ? " (" + std::to_string(r.leaves) + " leaves)" : "");
    return r;
}

}  // namespace

CheckResult check_certificate(const io::JsonValue& cert, mpfr_prec_t precision) {
    return check_certificate(cert, nullptr, precision);
}

CheckResult check_certificate(const io::JsonValue& cert, const Claim* claim, mpfr_prec_t precision) {
    try {
        return check_impl(cert, precision, claim);
    } catch (const Invalid& e) {
        CheckResult r;
        r.reason = e.why;
        if (const auto* id = cert.find("claim"); id && id->is_string()) r.claim_id = id->as_string();
        return r;
    } catch (const std::exception& e) {  // JsonError (missing key, wrong kind), DomainError...
        CheckResult r;
        r.reason = e.what();
        if (const auto* id = cert.find("claim"); id && id->is_string()) r.claim_id = id->as_string();
        return r;
    }
}

CheckResult check_certificate_text(std::string_view text, mpfr_prec_t precision) {
    try {
        return check_certificate(io::parse_json(text), precision);
    } catch (const io::JsonError& e) {
        CheckResult r;
        r.reason = e.what();
        return r;
    }
}

}  // namespace relucert::engine
