#include "relucert/engine/minimize.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <queue>

namespace relucert::engine {
namespace {

using Box = std::vector<Interval>;
constexpr double kInf = rounding::kInf;

class Minimizer {
public:
    Minimizer(const Claim& f, const MinimizeOptions& opt) : f_(f), opt_(opt), n_(f.dim()), maps_(variable_maps(f.info())) {
        for (const auto& p : f.info().parameters) p_.push_back(enclose(p.value));
        identity_ = std::all_of(maps_.begin(), maps_.end(), [](const VariableMap& m) { return m.kind == MapKind::Identity; });
    }

    MinimizeResult run() {
        const auto t0 = std::chrono::steady_clock::now();
        MinimizeResult res;
        res.maps = maps_;
        Box root;
        for (const auto& m : maps_) root.emplace_back(m.s_lo, m.s_hi);
        push(root, -kInf);
        double stuck_lo = kInf;
        bool any_stuck = false;
        while (true) {
            const double open_lo = heap_.empty() ? kInf : heap_.top().lb;
            const double lo_now = std::min(open_lo, stuck_lo);
            if (heap_.empty() && !any_stuck) {
                res.lo = best_ < kInf ? best_lo_ : kInf;
                if (best_ < kInf) res.converged = best_ - res.lo <= opt_.tol;
                else res.reason = "no feasible point: every box violates a constraint";
                break;
            }
            if (best_ - lo_now <= opt_.tol) {
                res.lo = lo_now;
                res.converged = true;
                break;
            }
            if (heap_.empty()) {
                res.lo = lo_now;
                res.reason = "boxes at double resolution could not be decided";
                break;
            }
            if (res.boxes >= opt_.max_boxes) {
                res.lo = lo_now;
                res.reason = "box budget (" + std::to_string(opt_.max_boxes) + ") exhausted";
                break;
            }
            Item it = heap_.top();
            heap_.pop();
            if (it.lb > best_) continue;
            ++res.boxes;
            if (!process(it.box, stuck_lo)) any_stuck = true;
        }
        res.hi = best_;
        res.feasible_found = best_ < kInf;
        res.point = best_point_;
        for (std::size_t i = 0; i < best_point_.size(); ++i) {
            char buf[64];
            const double x = map_double(maps_[i], best_point_[i]);
            std::snprintf(buf, sizeof buf, "%.17g", x);
            res.point_text.emplace_back(std::isinf(x) ? (x > 0 ? "inf" : "-inf") : buf);
        }
        res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return res;
    }

private:
    struct Item {
        double lb;
        std::size_t seq;
        Box box;
    };
    struct Later {
        bool operator()(const Item& a, const Item& b) const { return a.lb > b.lb || (a.lb == b.lb && a.seq > b.seq); }
    };
    void push(Box b, double lb) { heap_.push({lb, seq_++, std::move(b)}); }

    std::vector<Interval> to_claim(const Box& b) const {
        std::vector<Interval> x;
        for (int i = 0; i < n_; ++i) x.push_back(map_interval(maps_[i], b[i]));
        return x;
    }
    Interval value(const std::vector<Interval>& X) const {
        try {
            return f_.eval(X.data(), p_.data());
        } catch (const DomainError&) {
            return Interval::entire();
        }
    }
    // -1 certainly feasible, -2 undecided, k >= 0: constraint k certainly violated
    int feasibility(const std::vector<Interval>& X) const {
        bool all = true;
        const auto& cs = f_.constraints();
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
    // A candidate point (internal coordinates): proven feasible, then f enclosed there.
    void candidate(const std::vector<double>& s) {
        Box pb;
        for (double v : s) pb.emplace_back(v);
        const auto X = to_claim(pb);
        if (feasibility(X) != -1) return;
        const Interval v = value(X);
        if (v.hi() < best_) {
            best_ = v.hi();
            best_lo_ = v.lo();
            best_point_ = s;
        }
    }
    // Newton steps in double from the best point (untrusted; every accepted point is re-verified).
    void polish() {
        if (!identity_ || best_point_.empty()) return;
        std::vector<double> x = best_point_;
        for (int iter = 0; iter < 6; ++iter) {
            std::vector<Interval> X(x.begin(), x.end()), g(static_cast<std::size_t>(n_)), H(static_cast<std::size_t>(n_ * n_));
            try {
                f_.hessian(X.data(), p_.data(), g.data(), H.data());
            } catch (const DomainError&) {
                return;
            }
            // solve H d = -g by Gaussian elimination with partial pivoting, in double
            std::vector<double> A(static_cast<std::size_t>(n_ * n_)), r(static_cast<std::size_t>(n_));
            for (int i = 0; i < n_; ++i) {
                r[i] = -g[i].mid();
                for (int j = 0; j < n_; ++j) A[i * n_ + j] = H[i * n_ + j].mid();
            }
            for (int c = 0; c < n_; ++c) {
                int piv = c;
                for (int i = c + 1; i < n_; ++i)
                    if (std::fabs(A[i * n_ + c]) > std::fabs(A[piv * n_ + c])) piv = i;
                if (!(std::fabs(A[piv * n_ + c]) > 0)) return;
                for (int j = 0; j < n_; ++j) std::swap(A[c * n_ + j], A[piv * n_ + j]);
                std::swap(r[c], r[piv]);
                for (int i = c + 1; i < n_; ++i) {
                    const double m = A[i * n_ + c] / A[c * n_ + c];
                    for (int j = c; j < n_; ++j) A[i * n_ + j] -= m * A[c * n_ + j];
                    r[i] -= m * r[c];
                }
            }
            std::vector<double> d(static_cast<std::size_t>(n_));
            for (int i = n_ - 1; i >= 0; --i) {
                double s = r[i];
                for (int j = i + 1; j < n_; ++j) s -= A[i * n_ + j] * d[j];
                d[i] = s / A[i * n_ + i];
            }
            std::vector<double> y(x);
            for (int i = 0; i < n_; ++i) {
                y[i] = std::clamp(x[i] + d[i], maps_[i].s_lo, maps_[i].s_hi);
                if (!std::isfinite(y[i])) return;
            }
            const double before = best_;
            candidate(y);
            if (!(best_ < before)) return;
            x = y;
        }
    }

    // false: the box could not be split further (its bound stays in stuck_lo)
    bool process(Box b, double& stuck_lo) {
        for (int round = 0; round <= n_; ++round) {
            const auto X = to_claim(b);
            int feas = -1;
            if (!f_.constraints().empty()) {
                feas = feasibility(X);
                if (feas >= 0) return true;  // no feasible point in the box
            }
            const Interval F = value(X);
            double lb = F.lo();
            std::vector<double> c(static_cast<std::size_t>(n_));
            for (int i = 0; i < n_; ++i) c[i] = b[i].is_point() ? b[i].lo() : split_point(b[i].lo(), b[i].hi());
            const double before = best_;
            candidate(c);
            if (best_ < before) polish();
            std::vector<Interval> G(static_cast<std::size_t>(n_));
            bool have_grad = true;
            try {
                f_.gradient(X.data(), p_.data(), G.data());
            } catch (const DomainError&) {
                have_grad = false;
            }
            if (have_grad) {
                Box cb;
                for (double v : c) cb.emplace_back(v);
                const auto Xc = to_claim(cb);
                Interval L = value(Xc);
                bool bounded = true;
                for (int i = 0; i < n_; ++i) {
                    if (b[i].is_point()) continue;
                    if (!X[i].is_bounded() || !G[i].is_bounded()) bounded = false;
                    else L = L + G[i] * (X[i] - Xc[i]);
                }
                if (bounded) lb = std::max(lb, L.lo());
                // monotone in x_i on a certainly feasible box: the minimum is on one face
                if (feas == -1) {
                    bool reduced = false;
                    for (int i = 0; i < n_ && !reduced; ++i) {
                        if (b[i].is_point()) continue;
                        if (G[i].lo() > 0 && !is_infinite_point(maps_[i], b[i].lo())) {
                            b[i] = Interval(b[i].lo());
                            reduced = true;
                        } else if (G[i].hi() < 0 && !is_infinite_point(maps_[i], b[i].hi())) {
                            b[i] = Interval(b[i].hi());
                            reduced = true;
                        }
                    }
                    if (reduced) continue;  // process the face
                }
            }
            if (lb > best_) return true;
            // bisect: largest |g_i| w_i where bounded, else the widest internal side
            int var = -1;
            double best_score = 0;
            if (have_grad)
                for (int i = 0; i < n_; ++i) {
                    if (b[i].is_point()) continue;
                    const double s = X[i].is_bounded() && G[i].is_bounded() ? G[i].mag() * X[i].width() : kInf;
                    if (s > best_score) {
                        best_score = s;
                        var = i;
                    }
                }
            if (var < 0) {
                double w = -1;
                for (int i = 0; i < n_; ++i) {
                    if (b[i].is_point()) continue;
                    const double wi = b[i].width() / (maps_[i].s_hi - maps_[i].s_lo);
                    if (wi > w) {
                        w = wi;
                        var = i;
                    }
                }
            }
            if (var < 0) {  // a point
                stuck_lo = std::min(stuck_lo, lb);
                return false;
            }
            const double at = split_point(b[var].lo(), b[var].hi());
            if (at <= b[var].lo()) {
                stuck_lo = std::min(stuck_lo, lb);
                return false;
            }
            Box lo = b, hi = b;
            lo[var] = Interval(b[var].lo(), at);
            hi[var] = Interval(at, b[var].hi());
            push(std::move(lo), lb);
            push(std::move(hi), lb);
            return true;
        }
        return true;
    }

    const Claim& f_;
    const MinimizeOptions& opt_;
    int n_;
    std::vector<VariableMap> maps_;
    std::vector<Interval> p_;
    bool identity_ = false;
    std::priority_queue<Item, std::vector<Item>, Later> heap_;
    std::size_t seq_ = 0;
    double best_ = kInf, best_lo_ = kInf;
    std::vector<double> best_point_;
};

}  // namespace

MinimizeResult minimize(const Claim& f, const MinimizeOptions& options) {
    Minimizer m(f, options);
    return m.run();
}

}  // namespace relucert::engine
