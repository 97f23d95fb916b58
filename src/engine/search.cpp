#include "relucert/engine/search.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

#include <mpfr.h>

namespace relucert::engine {

std::string to_string(Evidence::Kind k) {
    switch (k) {
        case Evidence::Kind::Bound: return "bound";
        case Evidence::Kind::MeanValue: return "mean-value";
        case Evidence::Kind::Monotone: return "monotone";
        case Evidence::Kind::Taylor: return "taylor";
        case Evidence::Kind::Hessian: return "hessian";
        case Evidence::Kind::ExactPoint: return "exact-point";
        case Evidence::Kind::Infeasible: return "infeasible";
    }
    return "?";
}

std::vector<Rational> default_params(const Claim& claim) {
    std::vector<Rational> p;
    for (const auto& s : claim.info().parameters) p.push_back(s.value);
    return p;
}

std::vector<std::string> point_text(const std::vector<VariableMap>& maps, const std::vector<double>& s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < maps.size(); ++i) {
        const double x = map_double(maps[i], s[i]);
        if (std::isinf(x)) {
            out.push_back(x > 0 ? "inf" : "-inf");
            continue;
        }
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", x);
        out.emplace_back(buf);
    }
    return out;
}

namespace {

constexpr std::size_t kBatch = 128;
constexpr double kInf = rounding::kInf;

// A double <= x with at most 24 significant bits (so that a replay at higher precision reaches it).
double round_down_short(double x) {
    if (!(x > 0) || !std::isfinite(x)) return x > 0 ? rounding::kMax : x;
    int e;
    std::frexp(x, &e);
    const double scale = std::ldexp(1.0, 24 - e);
    const double m = std::floor(x * scale) / scale;
    return (m <= x && m > 0) ? m : 0.0;
}

struct Outcome {
    enum class Kind { Leaf, Split, Counter, Stuck } kind = Kind::Stuck;
    std::shared_ptr<const Evidence> evidence;
    double leaf_lower = 0;
    int var = -1;
    double at = 0;
    double priority = -kInf;
    std::optional<Counterexample> counter;
    std::vector<TightPoint> tight;
    std::string why;
};

std::string point_string(const ClaimInfo& info, const std::vector<PiAffine>& p) {
    std::string s = "(";
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (i) s += ", ";
        s += info.variables[i].name + " = " + to_string(p[i]);
    }
    return s + ")";
}

class Processor {
public:
    Processor(const Claim& c, const std::vector<Rational>& params, const std::vector<VariableMap>& maps,
              const SearchOptions& opt)
        : c_(c), maps_(maps), opt_(opt), n_(c.dim()), sgn_(relation_sign(c.info().relation)),
          strict_(relation_strict(c.info().relation)) {
        for (const auto& q : params) {
            pd_.push_back(to_double(q));
            pi_.push_back(enclose(q));
            pe_.push_back(ExactI::from_rational(q));
        }
    }

    Outcome process(const Box& b) const {
        try {
            return process_box(b, 0, true);
        } catch (const std::exception& e) {
            Outcome o;
            o.kind = Outcome::Kind::Stuck;
            o.why = e.what();
            return o;
        }
    }

private:
    bool ok(double lower) const { return strict_ ? lower > 0 : lower >= 0; }
    bool violates(const Interval& v) const { return strict_ ? v.hi() <= 0 : v.hi() < 0; }
    bool exact_ok(int sign) const { return strict_ ? sign > 0 : sign >= 0; }

    std::vector<Interval> to_claim(const Box& b) const {
        std::vector<Interval> x(static_cast<std::size_t>(n_));
        for (int i = 0; i < n_; ++i) x[i] = map_interval(maps_[i], b[i]);
        return x;
    }
    Interval g(const std::vector<Interval>& x) const {
        try {
            const Interval v = c_.eval(x.data(), pi_.data());
            return sgn_ > 0 ? v : -v;
        } catch (const DomainError&) {
            return Interval::entire();
        }
    }
    std::vector<double> center(const Box& b) const {
        std::vector<double> s(static_cast<std::size_t>(n_));
        for (int i = 0; i < n_; ++i) s[i] = b[i].is_point() ? b[i].lo() : split_point(b[i].lo(), b[i].hi());
        return s;
    }
    Box point_box(const std::vector<double>& s) const {
        Box p;
        for (double v : s) p.emplace_back(v);
        return p;
    }
    std::optional<std::vector<PiAffine>> exact_point(const std::vector<double>& s) const {
        std::vector<PiAffine> p;
        for (int i = 0; i < n_; ++i) {
            auto e = map_exact(maps_[i], s[i]);
            if (!e) return std::nullopt;
            p.push_back(*e);
        }
        return p;
    }

    static Outcome leaf(Evidence e, double lower) {
        Outcome o;
        o.kind = Outcome::Kind::Leaf;
        o.leaf_lower = lower;
        o.evidence = std::make_shared<const Evidence>(std::move(e));
        return o;
    }
    Outcome counter(const std::vector<double>& s, const Interval& v, bool exact, std::string exact_value = {}) const {
        Outcome o;
        o.kind = Outcome::Kind::Counter;
        o.counter = Counterexample{s, v, exact, std::move(exact_value)};
        return o;
    }

    // Constraints: is the box certainly infeasible (some constraint violated everywhere: its index),
    // certainly feasible (-1, all constraints hold everywhere) or neither (-2)?
    int box_feasibility(const std::vector<Interval>& X) const {
        bool all = true;
        const auto& cs = c_.constraints();
        for (std::size_t k = 0; k < cs.size(); ++k) {
            Interval v;
            try {
                v = cs[k]->eval(X.data(), nullptr);
            } catch (const DomainError&) {
                all = false;
                continue;
            }
            if (relation_sign(cs[k]->info().relation) < 0) v = -v;
            const bool strict = relation_strict(cs[k]->info().relation);
            if (strict ? v.hi() <= 0 : v.hi() < 0) return static_cast<int>(k);
            if (!(strict ? v.lo() > 0 : v.lo() >= 0)) all = false;
        }
        return all ? -1 : -2;
    }
    // Every constraint proven to hold at the internal point s (interval, else exact evaluation).
    bool point_feasible(const std::vector<double>& s) const {
        const auto X = to_claim(point_box(s));
        std::optional<std::vector<ExactI>> xe;
        for (const auto& c : c_.constraints()) {
            const int sg = relation_sign(c->info().relation);
            const bool strict = relation_strict(c->info().relation);
            try {
                Interval v = c->eval(X.data(), nullptr);
                if (sg < 0) v = -v;
                if (strict ? v.lo() > 0 : v.lo() >= 0) continue;
                if (!xe) {
                    const auto p = exact_point(s);
                    if (!p) return false;
                    xe.emplace();
                    for (const auto& q : *p) xe->push_back(ExactI::from_exact(q));
                }
                ExactI e = c->eval(xe->data(), nullptr);
                if (sg < 0) e = -e;
                if (!(strict ? e.certainly_positive() : e.certainly_nonnegative())) return false;
            } catch (const DomainError&) {
                return false;
            }
        }
        return true;
    }
    bool counts(bool constrained, const std::vector<double>& s) const { return !constrained || point_feasible(s); }

    // discard: the infeasibility test may close the box (false inside a monotone face).
    Outcome process_box(const Box& b, int depth, bool discard) const {
        const auto X = to_claim(b);
        std::vector<int> free;
        for (int i = 0; i < n_; ++i)
            if (!b[i].is_point()) free.push_back(i);
        bool constrained = false;  // counterexamples need a proof of feasibility
        if (!c_.constraints().empty()) {
            const int f = box_feasibility(X);
            if (f >= 0 && discard) {
                Evidence e;
                e.kind = Evidence::Kind::Infeasible;
                e.var = f;
                return leaf(e, kInf);
            }
            constrained = f != -1;
        }

        const Interval G = g(X);
        if (ok(G.lo())) {
            Evidence e;
            e.kind = Evidence::Kind::Bound;
            e.lower = round_down_short(G.lo());
            Outcome o = leaf(e, e.lower);
            if (e.lower == 0 && free.empty()) {
                if (auto p = exact_point(center(b))) o.tight.push_back({*p, "interval value [0, ...] at the point"});
            }
            return o;
        }
        if (free.empty()) return point_case(b, G, constrained);

        // Point test at the centre.
        const auto sc = center(b);
        const auto Xc = to_claim(point_box(sc));
        const Interval Gc = g(Xc);
        if (violates(Gc) && counts(constrained, sc)) return counter(sc, Gc, false);

        // Gradient enclosure.
        std::vector<Interval> grad(static_cast<std::size_t>(n_));
        bool have_grad = false;
        if (opt_.mean_value || opt_.monotonicity || opt_.smart_bisection) {
            try {
                c_.gradient(X.data(), pi_.data(), grad.data());
                if (sgn_ < 0)
                    for (auto& v : grad) v = -v;
                have_grad = true;
            } catch (const DomainError&) {
            }
        }

        if (opt_.mean_value && have_grad) {
            Interval L = Gc;
            bool bounded = true;
            for (int i : free) {
                if (!X[i].is_bounded() || !grad[i].is_bounded()) bounded = false;
                else L = L + grad[i] * (X[i] - Xc[i]);
            }
            if (bounded && ok(L.lo())) {
                Evidence e;
                e.kind = Evidence::Kind::MeanValue;
                e.lower = round_down_short(L.lo());
                if (ok(e.lower)) return leaf(e, e.lower);
            }
        }

        if (opt_.monotonicity && have_grad) {
            for (int i : free) {
                int dir = 0;
                if (grad[i].lo() >= 0 && !is_infinite_point(maps_[i], b[i].lo())) dir = 1;
                else if (grad[i].hi() <= 0 && !is_infinite_point(maps_[i], b[i].hi())) dir = -1;
                if (!dir) continue;
                Box face = b;
                face[i] = Interval(dir > 0 ? b[i].lo() : b[i].hi());
                Outcome sub = process_box(face, depth + 1, false);
                if (sub.kind == Outcome::Kind::Leaf) {
                    Evidence e;
                    e.kind = Evidence::Kind::Monotone;
                    e.var = i;
                    e.dir = dir;
                    e.face = sub.evidence;
                    Outcome o = leaf(e, sub.leaf_lower);
                    for (auto& t : sub.tight) {
                        t.argument = "g " + std::string(dir > 0 ? "nondecreasing" : "nonincreasing") + " in " +
                                     c_.info().variables[i].name + " on the box; " + t.argument;
                        o.tight.push_back(std::move(t));
                    }
                    return o;
                }
                sub.priority = G.lo();
                // with constraints, a face that does not hold everywhere says nothing about the box
                if (constrained && sub.kind != Outcome::Kind::Counter) break;
                return sub;  // Counter, Split (along another variable) or Stuck
            }
        }

        if (opt_.tight_points && free.size() <= 4) {
            if (auto o = try_tight(b, X, free, constrained)) return *o;
        }

        // Bisection.
        int var = -1;
        if (opt_.smart_bisection && have_grad) {
            // Largest mean-value smear |g_i(X)| w(X_i); among unbounded smears (a derivative enclosure
            // that is the whole line, e.g. sqrt' near 0) the widest variable, so that an unbounded
            // derivative in every direction does not make the search cut one variable forever.
            double best = 0, best_width = -1;
            for (int i : free) {
                double score = X[i].is_bounded() ? grad[i].mag() * X[i].width() : kInf;
                if (!(score < kInf)) score = kInf;  // NaN too
                const double w = b[i].width() / (maps_[i].s_hi - maps_[i].s_lo);
                if (score > best || (score == kInf && best == kInf && w > best_width)) {
                    best = score;
                    best_width = w;
                    var = i;
                }
            }
        }
        if (var < 0) {
            double best = -1;
            for (int i : free) {
                const double w = b[i].width() / (maps_[i].s_hi - maps_[i].s_lo);
                if (w > best) {
                    best = w;
                    var = i;
                }
            }
        }
        Outcome o;
        const double at = split_point(b[var].lo(), b[var].hi());
        if (at <= b[var].lo()) {
            o.kind = Outcome::Kind::Stuck;
            o.why = "box at double resolution";
            return o;
        }
        o.kind = Outcome::Kind::Split;
        o.var = var;
        o.at = at;
        o.priority = G.lo();
        return o;
    }

    // A point box: exact evaluation.
    Outcome point_case(const Box& b, const Interval& G, bool constrained) const {
        std::vector<double> s;
        for (const auto& v : b) s.push_back(v.lo());
        const bool real = counts(constrained, s);
        if (violates(G) && real) return counter(s, G, false);
        const auto p = exact_point(s);
        Outcome stuck;
        stuck.kind = Outcome::Kind::Stuck;
        stuck.why = "value at a point could not be decided";
        if (!p) return stuck;
        std::vector<ExactI> xe;
        for (const auto& q : *p) xe.push_back(ExactI::from_exact(q));
        ExactI v = c_.eval(xe.data(), pe_.data());
        if (sgn_ < 0) v = -v;
        if (v.is_exact()) {
            const int sign = exact_sign(v.exact());
            if (!exact_ok(sign)) {
                if (real) return counter(s, v.enclosure(), true, to_string(v.exact()));
                return stuck;
            }
            Evidence e;
            e.kind = Evidence::Kind::ExactPoint;
            e.lower = sign > 0 ? std::max(0.0, round_down_short(v.enclosure().lo())) : 0.0;
            Outcome o = leaf(e, e.lower);
            if (sign == 0) o.tight.push_back({*p, "exact value 0 at the point"});
            return o;
        }
        if (violates(v.enclosure()) && real) return counter(s, v.enclosure(), false);
        if (ok(v.enclosure().lo())) {
            Evidence e;
            e.kind = Evidence::Kind::ExactPoint;
            e.lower = round_down_short(v.enclosure().lo());
            if (ok(e.lower)) return leaf(e, e.lower);
        }
        return stuck;
    }

    std::optional<Outcome> try_tight(const Box& b, const std::vector<Interval>& X, const std::vector<int>& free,
                                     bool constrained) const {
        const std::size_t k = free.size();
        std::size_t combos = 1;
        for (std::size_t j = 0; j < k; ++j) combos *= 3;
        struct Cand {
            double score;
            std::size_t idx;
        };
        std::vector<Cand> cands;
        for (std::size_t idx = 0; idx < combos; ++idx) {
            std::vector<double> s = center(b);
            std::size_t r = idx;
            bool finite = true;
            for (int i : free) {
                const int ch = static_cast<int>(r % 3) - 1;
                r /= 3;
                s[i] = ch < 0 ? b[i].lo() : (ch > 0 ? b[i].hi() : s[i]);
                if (is_infinite_point(maps_[i], s[i])) finite = false;
            }
            if (!finite) continue;
            std::vector<double> xd;
            for (int i = 0; i < n_; ++i) xd.push_back(map_double(maps_[i], s[i]));
            const double gd = c_.eval(xd.data(), pd_.data());
            if (std::isfinite(gd) && std::fabs(gd) <= 1e-9) cands.push_back({std::fabs(gd), idx});
        }
        std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& c) { return a.score < c.score; });
        for (std::size_t t = 0; t < cands.size() && t < 2; ++t) {
            std::vector<double> s = center(b);
            std::vector<int> where(static_cast<std::size_t>(n_), 0);
            std::size_t r = cands[t].idx;
            for (int i : free) {
                where[i] = static_cast<int>(r % 3) - 1;
                r /= 3;
                s[i] = where[i] < 0 ? b[i].lo() : (where[i] > 0 ? b[i].hi() : s[i]);
            }
            const auto p = exact_point(s);
            if (!p) continue;
            std::vector<ExactI> xe;
            for (const auto& q : *p) xe.push_back(ExactI::from_exact(q));
            ExactI v = c_.eval(xe.data(), pe_.data());
            if (sgn_ < 0) v = -v;
            if (v.is_exact() && !exact_ok(exact_sign(v.exact()))) {
                if (!counts(constrained, s)) continue;
                return counter(s, v.enclosure(), true, to_string(v.exact()));
            }
            if (!v.is_exact() && violates(v.enclosure())) {
                if (!counts(constrained, s)) continue;
                return counter(s, v.enclosure(), false);
            }
            if (!(strict_ ? v.certainly_positive() : v.certainly_nonnegative())) continue;
            if (k == 1 && where[free[0]] != 0) {
                if (auto o = try_taylor(X, free[0], where[free[0]], *p, xe)) return o;
            }
            if (auto o = try_hessian(X, free, where, *p, xe, v)) return o;
        }
        return std::nullopt;
    }

    std::optional<Outcome> try_taylor(const std::vector<Interval>& X, int i, int end, const std::vector<PiAffine>& p,
                                      const std::vector<ExactI>& xe) const {
        std::array<ExactI, kTaylorOrder + 1> ce;
        try {
            c_.taylor(xe.data(), pe_.data(), i, ce.data());
        } catch (const DomainError&) {
            return std::nullopt;
        }
        if (sgn_ < 0)
            for (auto& v : ce) v = -v;
        int m = -1;
        for (int k = 0; k < kTaylorOrder; ++k)
            if (!ce[k].is_exact_zero()) {
                m = k;
                break;
            }
        if (m < 1) return std::nullopt;
        // sign of h^m on the box: h >= 0 at the lower end, h <= 0 at the upper end
        const int sigma = (end < 0 || m % 2 == 0) ? 1 : -1;
        if (!(sigma > 0 ? ce[m].certainly_positive() : ce[m].certainly_negative())) return std::nullopt;
        const Interval hraw = X[i] - xe[i].enclosure();
        const Interval H = end < 0 ? Interval(0.0, std::max(0.0, hraw.hi())) : Interval(std::min(0.0, hraw.lo()), 0.0);
        std::array<Interval, kTaylorOrder + 1> cb;
        try {
            c_.taylor(X.data(), pi_.data(), i, cb.data());
        } catch (const DomainError&) {
            return std::nullopt;
        }
        if (sgn_ < 0)
            for (auto& v : cb) v = -v;
        for (int R = m + 1; R <= kTaylorOrder; ++R) {
            Interval Q = cb[R];
            for (int k = R - 1; k >= m; --k) Q = Q * H + ce[k].enclosure();
            if (sigma < 0) Q = -Q;
            if (Q.lo() > 0) {
                Evidence e;
                e.kind = Evidence::Kind::Taylor;
                e.var = i;
                e.end = end;
                e.order = m;
                e.rem = R;
                Outcome o = leaf(e, 0.0);
                o.tight.push_back({p, "Taylor at " + point_string(c_.info(), p) + " in " + c_.info().variables[i].name +
                                          ": coefficients 0.." + std::to_string(m - 1) + " exactly 0, c" +
                                          std::to_string(m) + " = " +
                                          (ce[m].is_exact() ? to_string(ce[m].exact()) : std::string("(enclosed)")) +
                                          " (contact order " + std::to_string(m) + "), Lagrange remainder of order " +
                                          std::to_string(R) + " on the box"});
                return o;
            }
        }
        return std::nullopt;
    }

    std::optional<Outcome> try_hessian(const std::vector<Interval>& X, const std::vector<int>& free,
                                       const std::vector<int>& where, const std::vector<PiAffine>& p,
                                       const std::vector<ExactI>& xe, const ExactI& v) const {
        std::vector<ExactI> ge(static_cast<std::size_t>(n_));
        c_.gradient(xe.data(), pe_.data(), ge.data());
        for (int i : free) {
            ExactI gi = sgn_ < 0 ? -ge[i] : ge[i];
            const bool fine = where[i] < 0 ? gi.certainly_nonnegative()
                                           : (where[i] > 0 ? gi.certainly_nonpositive() : gi.is_exact_zero());
            if (!fine) return std::nullopt;
        }
        std::vector<Interval> grad(static_cast<std::size_t>(n_)), H(static_cast<std::size_t>(n_ * n_));
        try {
            c_.hessian(X.data(), pi_.data(), grad.data(), H.data());
        } catch (const DomainError&) {
            return std::nullopt;
        }
        const int k = static_cast<int>(free.size());
        std::vector<Interval> A(static_cast<std::size_t>(k * k));
        for (int a = 0; a < k; ++a)
            for (int c = 0; c < k; ++c) {
                const Interval h = H[free[a] * n_ + free[c]];
                A[a * k + c] = sgn_ < 0 ? -h : h;
            }
        if (!certainly_positive_definite(A, k)) return std::nullopt;
        Evidence e;
        e.kind = Evidence::Kind::Hessian;
        e.where = where;
        const bool zero = v.is_exact_zero();
        e.lower = zero ? 0.0 : std::max(0.0, round_down_short(v.enclosure().lo()));
        Outcome o = leaf(e, e.lower);
        if (zero)
            o.tight.push_back({p, "value 0 exactly at " + point_string(c_.info(), p) +
                                      ", exact gradient with the right sign (0 where p is interior), Hessian "
                                      "positive definite on the box (interval Cholesky)"});
        return o;
    }

public:
    // Interval Cholesky: every symmetric matrix in A (k x k, row-major) is positive definite.
    static bool certainly_positive_definite(const std::vector<Interval>& A, int k) {
        std::vector<Interval> L(A.size());
        for (int j = 0; j < k; ++j) {
            Interval s = A[j * k + j];
            for (int l = 0; l < j; ++l) s = s - sqr(L[j * k + l]);
            if (!(s.lo() > 0) || !s.is_bounded()) return false;
            L[j * k + j] = sqrt(s);
            for (int i = j + 1; i < k; ++i) {
                Interval t = A[i * k + j];
                for (int l = 0; l < j; ++l) t = t - L[i * k + l] * L[j * k + l];
                L[i * k + j] = t / L[j * k + j];
            }
        }
        return true;
    }

private:
    const Claim& c_;
    const std::vector<VariableMap>& maps_;
    const SearchOptions& opt_;
    int n_;
    int sgn_;
    bool strict_;
    std::vector<double> pd_;
    std::vector<Interval> pi_;
    std::vector<ExactI> pe_;
};

}  // namespace

SearchResult run_search(const Claim& claim, const std::vector<Rational>& params, const SearchOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    SearchResult res;
    res.maps = variable_maps(claim.info());
    res.params = params;
    if (static_cast<int>(params.size()) != claim.num_params())
        throw std::invalid_argument("run_search: wrong number of parameters");
    Processor proc(claim, params, res.maps, options);

    SubdivisionNode root;
    for (const auto& m : res.maps) root.box.emplace_back(m.s_lo, m.s_hi);
    res.tree.push_back(root);
    struct Open {
        double priority;
        int node;
    };
    std::vector<Open> open{{-kInf, 0}};
    std::vector<std::vector<PiAffine>> seen_tight;
    double lower = kInf;
    const unsigned threads = std::max(1u, options.threads);

    while (!open.empty()) {
        if (res.boxes >= options.max_boxes) {
            res.reason = "box budget (" + std::to_string(options.max_boxes) + ") exhausted";
            break;
        }
        const std::size_t take = std::min({kBatch, open.size(), options.max_boxes - res.boxes});
        auto cmp = [](const Open& a, const Open& b) {
            return a.priority < b.priority || (a.priority == b.priority && a.node < b.node);
        };
        std::partial_sort(open.begin(), open.begin() + static_cast<std::ptrdiff_t>(take), open.end(), cmp);
        std::vector<Open> batch(open.begin(), open.begin() + static_cast<std::ptrdiff_t>(take));
        open.erase(open.begin(), open.begin() + static_cast<std::ptrdiff_t>(take));

        std::vector<Outcome> out(take);
        std::atomic<std::size_t> next{0};
        auto work = [&] {
            for (std::size_t k; (k = next.fetch_add(1)) < take;) out[k] = proc.process(res.tree[batch[k].node].box);
        };
        const unsigned nt = static_cast<unsigned>(std::min<std::size_t>(threads, take));
        std::vector<std::thread> pool;
        // Worker threads free MPFR's per-thread constant caches (pi, log 2) before they end; they
        // would otherwise be lost with the thread (LeakSanitizer reports them).
        for (unsigned t = 1; t < nt; ++t)
            pool.emplace_back([&work] {
                work();
                mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
            });
        work();
        for (auto& t : pool) t.join();
        res.boxes += take;

        for (std::size_t k = 0; k < take; ++k) {
            const int id = batch[k].node;
            Outcome& o = out[k];
            switch (o.kind) {
                case Outcome::Kind::Leaf:
                    res.tree[id].evidence = o.evidence;
                    lower = std::min(lower, o.leaf_lower);
                    for (auto& t : o.tight) {
                        if (std::find(seen_tight.begin(), seen_tight.end(), t.point) != seen_tight.end()) continue;
                        seen_tight.push_back(t.point);
                        res.tight_points.push_back(std::move(t));
                    }
                    break;
                case Outcome::Kind::Split: {
                    SubdivisionNode lo, hi;
                    lo.box = hi.box = res.tree[id].box;
                    lo.box[o.var] = Interval(res.tree[id].box[o.var].lo(), o.at);
                    hi.box[o.var] = Interval(o.at, res.tree[id].box[o.var].hi());
                    res.tree[id].split_var = o.var;
                    res.tree[id].split_at = o.at;
                    res.tree[id].lo_child = static_cast<int>(res.tree.size());
                    res.tree.push_back(std::move(lo));
                    res.tree[id].hi_child = static_cast<int>(res.tree.size());
                    res.tree.push_back(std::move(hi));
                    open.push_back({o.priority, res.tree[id].lo_child});
                    open.push_back({o.priority, res.tree[id].hi_child});
                    break;
                }
                case Outcome::Kind::Counter:
                    if (!res.counterexample) res.counterexample = o.counter;
                    break;
                case Outcome::Kind::Stuck:
                    res.tree[id].undecided = true;
                    res.remaining.push_back(res.tree[id].box);
                    if (res.reason.empty()) res.reason = o.why;
                    break;
            }
        }
        if (options.progress) options.progress(res.boxes, open.size());
        if (res.counterexample) break;
    }
    for (const auto& o : open) {
        res.tree[o.node].undecided = true;
        res.remaining.push_back(res.tree[o.node].box);
    }
    if (res.counterexample) {
        res.verdict = Verdict::Refuted;
    } else if (res.remaining.empty()) {
        res.verdict = Verdict::Certified;
        res.lower_bound = lower;
    } else {
        res.verdict = Verdict::Undecided;
    }
    res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return res;
}

}  // namespace relucert::engine
