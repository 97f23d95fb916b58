// Audit of the "linear functions" paper, App. A.1-A.2 and E.2.4: the arc-cosine kernel (5), the population
// loss (6), the gradients (7), (8) and their k = 2 rows, and the mean of Lemma 11.
#include <cmath>
#include <numbers>

#include "audit/linear_common.hpp"
#include "relucert/models/arc_cosine_kernel.hpp"
#include "relucert/models/relu_population.hpp"

namespace relucert::audit::linear {

Net random_net(trainer::Rng& rng, std::size_t k, std::size_t d, std::size_t r, double cos_max) {
    Net n;
    n.k = k;
    n.d = d;
    n.r = r;
    for (;;) {
        n.W.clear();
        for (std::size_t i = 0; i < k; ++i) {
            const auto w = random_vector_with_norm(rng, d, 0.5, 2.0);
            n.W.insert(n.W.end(), w.begin(), w.end());
        }
        bool ok = true;
        for (std::size_t i = 0; i < k && ok; ++i)
            for (std::size_t j = i + 1; j < k && ok; ++j) {
                const auto a = row(n.W, i, d), b = row(n.W, j, d);
                ok = std::fabs(vdot(a, b)) <= cos_max * vnorm(a) * vnorm(b);
            }
        if (ok) break;
    }
    n.V = random_normal_vector(rng, k * r);
    n.A = random_normal_vector(rng, r * d);
    return n;
}

namespace {

constexpr double kInvSqrt2Pi = 0.3989422804014327;
double npdf(double x) { return kInvSqrt2Pi * std::exp(-0.5 * x * x); }
double ncdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }
// E[(mu + s z)_+], z ~ N(0, 1), s > 0.
double relu_gauss_mean(double mu, double s) { return mu * ncdf(mu / s) + s * npdf(mu / s); }

// A pair (a, b) in R^d with norms in [0.5, 2] and cos(a, b) in [clo, chi].
void random_pair(trainer::Rng& rng, std::size_t d, double clo, double chi, Vec<double>& a, Vec<double>& b) {
    for (;;) {
        a = random_vector_with_norm(rng, d, 0.5, 2.0);
        b = random_vector_with_norm(rng, d, 0.5, 2.0);
        const double c = vdot(a, b) / (vnorm(a) * vnorm(b));
        if (c >= clo && c <= chi) return;
    }
}

Vec<M> mpv(const Vec<double>& v) { return mp(v); }

// ---- linear.kernel-eq5 ------------------------------------------------------------------------------
std::vector<CheckResult> kernel_eq5(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.kernel-eq5");
    const std::size_t d = 5, pairs = 4, N = mc_samples(ctx);
    std::vector<Vec<double>> as(pairs), bs(pairs);
    const double clo[pairs] = {-0.5, 0.0, 0.5, 0.9}, chi[pairs] = {-0.3, 0.3, 0.8, 0.99};
    for (std::size_t p = 0; p < pairs; ++p) random_pair(rng, d, clo[p], chi[p], as[p], bs[p]);
    MomentAccumulator acc(pairs);
    Vec<double> x(d), s(pairs);
    for (std::size_t n = 0; n < N; ++n) {
        for (auto& xi : x) xi = rng.normal();
        for (std::size_t p = 0; p < pairs; ++p) s[p] = std::max(0.0, vdot(as[p], x)) * std::max(0.0, vdot(bs[p], x));
        acc.add(s.data());
    }
    MonteCarloComparison mc("(5) vs E[(a'x)+(b'x)+]", mc_method(ctx));
    ToleranceComparison quad("(5) vs 1-D quadrature of the definition",
                             "1-D quadrature (Simpson, 8000 intervals on [0, 14])", 1e-10);
    const auto se = acc.standard_errors();
    for (std::size_t p = 0; p < pairs; ++p) {
        const double f = kernel_printed(as[p], bs[p]);
        const std::string pt = "a=" + format_vector(as[p]) + " b=" + format_vector(bs[p]);
        mc.compare({&acc.means()[p], 1}, {&se[p], 1}, {&f, 1}, f, pt);
        // E[(a'x)+(b'x)+] = |a||b| E[u+ (c u + s z)+] = |a||b| int_0^inf phi(u) u E[(c u + s z)+] du.
        const double c = vdot(as[p], bs[p]) / (vnorm(as[p]) * vnorm(bs[p])), sn = std::sqrt(1 - c * c);
        const double q = vnorm(as[p]) * vnorm(bs[p]) *
                         simpson([&](double u) { return npdf(u) * u * relu_gauss_mean(c * u, sn); }, 0.0, 14.0, 8000);
        quad.compare(q, f, pt, f);
    }
    return {mc.result(), quad.result()};
}

// ---- linear.loss-eq6 --------------------------------------------------------------------------------
// General matrix form (A.1, l. 529): 1/(4 pi) tr(V' diag(w) S diag(w) V) - 1/2 tr((V'W - A) A'),
// S = sin(Theta) + (pi 11' - Theta) o cos(Theta).
template <class T>
T loss_matrix_form_printed(std::size_t k, std::size_t d, std::size_t r, const Vec<T>& W, const Vec<T>& V, const Vec<T>& A) {
    using std::cos;
    using std::sin;
    const Vec<T> Th = angle_matrix(W, k, d);
    Vec<T> om(k);
    for (std::size_t i = 0; i < k; ++i) om[i] = vnorm(row(W, i, d));
    T tr1 = T(0);
    for (std::size_t o = 0; o < r; ++o)
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = 0; j < k; ++j) {
                const T t = Th[i * k + j];
                tr1 += V[i * r + o] * om[i] * (sin(t) + (pi<T>() - t) * cos(t)) * om[j] * V[j * r + o];
            }
    T tr2 = T(0);  // tr((V'W - A) A')
    for (std::size_t o = 0; o < r; ++o)
        for (std::size_t c = 0; c < d; ++c) {
            T vw = T(0);
            for (std::size_t i = 0; i < k; ++i) vw += V[i * r + o] * W[i * d + c];
            tr2 += (vw - A[o * d + c]) * A[o * d + c];
        }
    return tr1 / (T(4) * pi<T>()) - tr2 / T(2);
}
// r = 1 form (l. 535): 1/(4 pi) u' S u - 1/2 a'W'v + 1/2 |a|^2, u = diag(w) v.
template <class T>
T loss_r1_form_printed(std::size_t k, std::size_t d, const Vec<T>& W, const Vec<T>& v, const Vec<T>& a) {
    using std::cos;
    using std::sin;
    const Vec<T> Th = angle_matrix(W, k, d);
    Vec<T> u(k);
    for (std::size_t i = 0; i < k; ++i) u[i] = vnorm(row(W, i, d)) * v[i];
    T q = T(0), awv = T(0);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            const T t = Th[i * k + j];
            q += u[i] * (sin(t) + (pi<T>() - t) * cos(t)) * u[j];
        }
    for (std::size_t i = 0; i < k; ++i) awv += vdot(a, row(W, i, d)) * v[i];
    return q / (T(4) * pi<T>()) - awv / T(2) + vdot(a, a) / T(2);
}

std::vector<CheckResult> loss_eq6(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.loss-eq6");
    const std::size_t k = 3, d = 4, r = 2, N = mc_samples(ctx);
    // Monte Carlo of the definition 1/2 E|sum_i v_i relu(w_i'x) - A x|^2 and of the Stein step
    // E[relu(w'x) x] = w/2 (steps (b)-(c)), at two networks.
    MonteCarloComparison mc("(6) vs 1/2 E|V'relu(Wx) - Ax|^2", mc_method(ctx));
    MonteCarloComparison stein("E[relu(w_i'x) x] = w_i/2 (steps (b)-(c))", mc_method(ctx));
    for (int net = 0; net < 2; ++net) {
        const Net n = random_net(rng, k, d, r);
        MomentAccumulator acc(1 + k * d);
        Vec<double> x(d), s(1 + k * d), y(r);
        for (std::size_t t = 0; t < N; ++t) {
            for (auto& xi : x) xi = rng.normal();
            for (std::size_t o = 0; o < r; ++o) {
                double yo = 0;
                for (std::size_t c = 0; c < d; ++c) yo -= n.A[o * d + c] * x[c];
                y[o] = yo;
            }
            for (std::size_t i = 0; i < k; ++i) {
                const double h = std::max(0.0, vdot(row(n.W, i, d), x));
                for (std::size_t o = 0; o < r; ++o) y[o] += n.V[i * r + o] * h;
                for (std::size_t c = 0; c < d; ++c) s[1 + i * d + c] = h * x[c];
            }
            s[0] = 0.5 * vdot(y, y);
            acc.add(s.data());
        }
        const auto se = acc.standard_errors();
        const double L = loss_printed(k, d, r, n.W, n.V, n.A);
        mc.compare({acc.means().data(), 1}, {se.data(), 1}, {&L, 1}, L, n.describe());
        Vec<double> half(n.W);
        for (auto& h : half) h /= 2;
        stein.compare({acc.means().data() + 1, k * d}, {se.data() + 1, k * d}, half, max_abs(half), n.describe());
    }
    // The matrix forms against the last line of (6), and relucert's own implementation.
    IntervalComparison general("(6) matrix form (l. 529) vs (6) last line", kRewriteMethod);
    IntervalComparison r1("(6) r = 1 form (l. 535) vs (6) last line", kRewriteMethod);
    IntervalComparison lib("relu_population.hpp linear_population_loss vs (6) last line", kRewriteMethod);
    for (std::size_t p = 0; p < rewrite_points(ctx); ++p) {
        const Net n = random_net(rng, k, d, r);
        const auto W = mpv(n.W), V = mpv(n.V), A = mpv(n.A);
        const M L = loss_printed(k, d, r, W, V, A);
        general.compare(loss_matrix_form_printed(k, d, r, W, V, A), L, n.describe(), mid_double(L));
        const Net n1 = random_net(rng, k, d, 1);
        const auto W1 = mpv(n1.W), v1 = mpv(n1.V), a1 = mpv(n1.A);
        const M L1 = loss_printed(k, d, 1, W1, v1, a1);
        r1.compare(loss_r1_form_printed(k, d, W1, v1, a1), L1, n1.describe(), mid_double(L1));
        lib.compare(models::linear_population_loss<M>(k, d, W1, v1, a1), L1, n1.describe(), mid_double(L1));
    }
    return {mc.result(), stein.result(), general.result(), r1.result(), lib.result()};
}

// ---- linear.grad-eq7 --------------------------------------------------------------------------------
std::vector<CheckResult> grad_eq7(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.grad-eq7");
    const std::size_t d = 4;
    ToleranceComparison fd("(7) first form vs FD of (5) in a", kFdMethod, kFdTolerance);
    IntervalComparison forms("(7) second form vs first form", kRewriteMethod);
    IntervalComparison lib("arc_cosine_kernel.hpp gradient vs (7)", kRewriteMethod);
    for (std::size_t p = 0; p < rewrite_points(ctx); ++p) {
        Vec<double> a, b;
        random_pair(rng, d, -0.95, 0.95, a, b);
        const auto A = mpv(a), B = mpv(b);
        const std::string pt = "a=" + format_vector(a) + " b=" + format_vector(b);
        const auto g1 = kernel_gradient_printed_first(A, B);
        forms.compare(kernel_gradient_printed_second(A, B), g1, pt, max_abs(g1));
        Vec<M> gl(d, mp(0));
        models::arc_cosine_kernel_gradient<M>(A, B, gl, mp(0.5));
        lib.compare(gl, g1, pt, max_abs(g1));
        if (p < 4 * fd_points(ctx)) {
            const auto J = jacobian_fd([&](const Vec<M>& x) { return Vec<M>{kernel_printed(x, B)}; }, A, kFdStep);
            for (std::size_t c = 0; c < d; ++c) fd.compare(J[c], g1[c], pt + " [component " + std::to_string(c) + "]", max_abs(g1));
        }
    }
    return {fd.result(), forms.result(), lib.result()};
}

// ---- linear.grad-eq8 --------------------------------------------------------------------------------
// A.2 first line: 1/2 |v_i|^2 w_i + sum_{j != i} <v_i, v_j> g(w_i, w_j) - 1/2 A' v_i.
template <class T>
Vec<T> gradient_first_line_printed(std::size_t k, std::size_t d, std::size_t r, const Vec<T>& W, const Vec<T>& V,
                                   const Vec<T>& A, bool include_diagonal_in_sum) {
    Vec<T> G(k * d, T(0));
    for (std::size_t i = 0; i < k; ++i) {
        const auto wi = row(W, i, d), vi = row(V, i, r);
        if (!include_diagonal_in_sum)
            for (std::size_t c = 0; c < d; ++c) G[i * d + c] += vdot(vi, vi) * wi[c] / T(2);
        for (std::size_t j = 0; j < k; ++j) {
            if (j == i && !include_diagonal_in_sum) continue;
            // g(w_i, w_i): the angle is 0 by definition (theta_ii = 0)
            Vec<T> g;
            if (j == i) {
                g = vscale(T(1) / T(2), wi);  // (|w| sin 0 wb + pi w) / (2 pi)
            } else {
                g = kernel_gradient_printed_first(wi, row(W, j, d));
            }
            const T vv = vdot(vi, row(V, j, r));
            for (std::size_t c = 0; c < d; ++c) G[i * d + c] += vv * g[c];
        }
        for (std::size_t c = 0; c < d; ++c) {
            T atv = T(0);
            for (std::size_t o = 0; o < r; ++o) atv += A[o * d + c] * vi[o];
            G[i * d + c] -= atv / T(2);
        }
    }
    return G;
}
// A.2 matrix form (l. 557): 1/(2 pi) ((VV' o (pi 11' - Theta)) diag(w) + diag((VV' o sin Theta) w)) W-bar - 1/2 V A.
template <class T>
Vec<T> gradient_matrix_form_printed(std::size_t k, std::size_t d, std::size_t r, const Vec<T>& W, const Vec<T>& V,
                                    const Vec<T>& A) {
    using std::sin;
    const Vec<T> Th = angle_matrix(W, k, d);
    Vec<T> om(k);
    for (std::size_t i = 0; i < k; ++i) om[i] = vnorm(row(W, i, d));
    Vec<T> G(k * d, T(0));
    for (std::size_t i = 0; i < k; ++i) {
        T diag = T(0);
        for (std::size_t j = 0; j < k; ++j) diag += vdot(row(V, i, r), row(V, j, r)) * sin(Th[i * k + j]) * om[j];
        for (std::size_t j = 0; j < k; ++j) {
            const T coef = vdot(row(V, i, r), row(V, j, r)) * (pi<T>() - Th[i * k + j]) * om[j] + (i == j ? diag : T(0));
            for (std::size_t c = 0; c < d; ++c) G[i * d + c] += coef * W[j * d + c] / om[j] / (T(2) * pi<T>());
        }
        for (std::size_t c = 0; c < d; ++c) {
            T va = T(0);
            for (std::size_t o = 0; o < r; ++o) va += V[i * r + o] * A[o * d + c];
            G[i * d + c] -= va / T(2);
        }
    }
    return G;
}
// (8), r = 1: 1/(2 pi) diag(v) ((pi 11' - Theta) diag(u) + diag(sin(Theta) u)) W-bar - 1/2 v a'.
// (The paper prints "v A'"; with A = a' a 1 x d matrix the k x d term is v A = v a'.)
template <class T>
Vec<T> gradient_eq8_printed(std::size_t k, std::size_t d, const Vec<T>& W, const Vec<T>& v, const Vec<T>& a) {
    using std::sin;
    const Vec<T> Th = angle_matrix(W, k, d);
    Vec<T> u(k);
    for (std::size_t i = 0; i < k; ++i) u[i] = vnorm(row(W, i, d)) * v[i];
    Vec<T> G(k * d, T(0));
    for (std::size_t i = 0; i < k; ++i) {
        T su = T(0);
        for (std::size_t j = 0; j < k; ++j) su += sin(Th[i * k + j]) * u[j];
        for (std::size_t j = 0; j < k; ++j) {
            const T coef = (pi<T>() - Th[i * k + j]) * u[j] + (i == j ? su : T(0));
            const T nj = vnorm(row(W, j, d));
            for (std::size_t c = 0; c < d; ++c) G[i * d + c] += v[i] * coef * W[j * d + c] / nj / (T(2) * pi<T>());
        }
        for (std::size_t c = 0; c < d; ++c) G[i * d + c] -= v[i] * a[c] / T(2);
    }
    return G;
}

std::vector<CheckResult> grad_eq8(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.grad-eq8");
    const std::size_t k = 3, d = 3, r = 2;
    ToleranceComparison fd("A.2 third line vs FD of (6) (k = 3, r = 2)", kFdMethod, kFdTolerance);
    IntervalComparison l1("A.2 first line vs third line", kRewriteMethod);
    IntervalComparison l2("A.2 second line vs third line", kRewriteMethod);
    IntervalComparison mat("A.2 matrix form (l. 557) vs third line", kRewriteMethod);
    IntervalComparison e8("(8) (r = 1, with v a' for v A') vs third line", kRewriteMethod);
    IntervalComparison lib("relu_population.hpp linear_population_gradient vs third line", kRewriteMethod);
    for (std::size_t p = 0; p < rewrite_points(ctx); ++p) {
        const Net n = random_net(rng, k, d, r);
        const auto W = mpv(n.W), V = mpv(n.V), A = mpv(n.A);
        const auto G = gradient_printed(k, d, r, W, V, A);
        const double sc = max_abs(G);
        l1.compare(gradient_first_line_printed(k, d, r, W, V, A, false), G, n.describe(), sc);
        l2.compare(gradient_first_line_printed(k, d, r, W, V, A, true), G, n.describe(), sc);
        mat.compare(gradient_matrix_form_printed(k, d, r, W, V, A), G, n.describe(), sc);
        if (p < fd_points(ctx)) {
            const auto J = jacobian_fd([&](const Vec<M>& w) { return Vec<M>{loss_printed(k, d, r, w, V, A)}; }, W, kFdStep);
            for (std::size_t c = 0; c < k * d; ++c) fd.compare(J[c], G[c], n.describe(), sc);
        }
        const Net n1 = random_net(rng, k, d, 1);
        const auto W1 = mpv(n1.W), v1 = mpv(n1.V), a1 = mpv(n1.A);
        const auto G1 = gradient_printed(k, d, 1, W1, v1, a1);
        e8.compare(gradient_eq8_printed(k, d, W1, v1, a1), G1, n1.describe(), max_abs(G1));
        Vec<M> gl(k * d, mp(0));
        models::linear_population_gradient<M>(k, d, W1, v1, a1, gl, mp(0.5));
        lib.compare(gl, G1, n1.describe(), max_abs(G1));
    }
    return {fd.result(), l1.result(), l2.result(), mat.result(), e8.result(), lib.result()};
}

// ---- linear.grad-k2 ---------------------------------------------------------------------------------
std::vector<CheckResult> grad_k2(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.grad-k2");
    const std::size_t d = 3;
    ToleranceComparison fd("E.1.3 rows vs FD of (6) (k = 2, v = [1, -1])", kFdMethod, kFdTolerance);
    IntervalComparison gen("E.1.3 rows vs A.2 third line with v = [1, -1]", kRewriteMethod);
    const Vec<M> v{mp(1), mp(-1)};
    for (std::size_t p = 0; p < rewrite_points(ctx); ++p) {
        const Net n = random_net(rng, 2, d, 1);
        const auto W = mpv(n.W), a = mpv(n.A);
        const auto w1 = row(W, 0, d), w2 = row(W, 1, d);
        Vec<M> g1, g2;
        gradient_k2_printed(w1, w2, a, g1, g2);
        Vec<M> G(g1);
        G.insert(G.end(), g2.begin(), g2.end());
        const auto Gg = gradient_printed(2, d, 1, W, v, a);
        gen.compare(G, Gg, n.describe(), max_abs(Gg));
        if (p < fd_points(ctx)) {
            const auto J = jacobian_fd([&](const Vec<M>& w) { return Vec<M>{loss_printed(2, d, 1, w, v, a)}; }, W, kFdStep);
            for (std::size_t c = 0; c < 2 * d; ++c) fd.compare(J[c], G[c], n.describe(), max_abs(G));
        }
    }
    return {fd.result(), gen.result()};
}

// ---- linear.lemma11-mean ----------------------------------------------------------------------------
std::vector<CheckResult> lemma11_mean(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.lemma11-mean");
    const std::size_t d = 5, pairs = 4, N = mc_samples(ctx);
    std::vector<Vec<double>> as(pairs), us(pairs);
    const double clo[pairs] = {-0.6, -0.2, 0.3, 0.8}, chi[pairs] = {-0.4, 0.2, 0.6, 0.95};
    for (std::size_t p = 0; p < pairs; ++p) {
        random_pair(rng, d, clo[p], chi[p], as[p], us[p]);
        as[p] = unit(as[p]);
        us[p] = unit(us[p]);
    }
    MomentAccumulator acc(pairs);
    Vec<double> x(d), s(pairs);
    for (std::size_t n = 0; n < N; ++n) {
        for (auto& xi : x) xi = rng.normal();
        for (std::size_t p = 0; p < pairs; ++p) s[p] = vdot(as[p], x) >= 0 ? std::max(0.0, vdot(us[p], x)) : 0.0;
        acc.add(s.data());
    }
    MonteCarloComparison mc("(1 + a'u)/sqrt(8 pi) vs E[1{a'x >= 0} relu(u'x)]", mc_method(ctx));
    ToleranceComparison quad("(1 + a'u)/sqrt(8 pi) vs 1-D quadrature", "1-D quadrature (Simpson, 8000 intervals on [0, 14])", 1e-10);
    const auto se = acc.standard_errors();
    for (std::size_t p = 0; p < pairs; ++p) {
        const double c = vdot(as[p], us[p]);
        const double f = (1 + c) / std::sqrt(8 * std::numbers::pi);
        const std::string pt = "a=" + format_vector(as[p]) + " u=" + format_vector(us[p]);
        mc.compare({&acc.means()[p], 1}, {&se[p], 1}, {&f, 1}, f, pt);
        // E[1{s >= 0} (c s + sqrt(1 - c^2) z)+] = int_0^inf phi(s) E[(c s + sn z)+] ds
        const double sn = std::sqrt(1 - c * c);
        const double q = simpson([&](double t) { return npdf(t) * relu_gauss_mean(c * t, sn); }, 0.0, 14.0, 8000);
        quad.compare(q, f, pt, f);
    }
    return {mc.result(), quad.result()};
}

const AuditRegistration r_kernel({"linear.kernel-eq5", "A.1 eq. (5), l. 517-521",
                                  "E[(a'x)+(b'x)+] = |a||b|(sin t + (pi - t) cos t)/(2 pi)",
                                  "Monte Carlo at 4 pairs (angles 8-120 deg); 1-D quadrature", true, "", kernel_eq5});
const AuditRegistration r_loss({"linear.loss-eq6", "A.1 eq. (6), l. 523-537",
                                "L = 1/(4pi) sum <v_i,v_j>|w_i||w_j|(sin t_ij + (pi - t_ij)cos t_ij) - 1/2 sum v_i'Aw_i + 1/2 tr(AA'); matrix and r = 1 forms",
                                "Monte Carlo of the definition (k = 3, r = 2); matrix forms in MPFR", true, "", loss_eq6});
const AuditRegistration r_g7({"linear.grad-eq7", "A.2 eq. (7), l. 541-547",
                              "g(a,b) = df/da = (|b| sin t a-bar + (pi - t) b)/(2 pi) = |b|/(2 pi)(sin t a-bar + (pi - t) b-bar)",
                              "finite differences of (5); the two forms in MPFR", true, "", grad_eq7});
const AuditRegistration r_g8({"linear.grad-eq8", "A.2, l. 549-565 (eq. (8))",
                              "grad_{w_i} L = sum_j <v_i,v_j> g(w_i,w_j) - A'v_i/2 = ...; matrix form; (8) for r = 1",
                              "finite differences of (6); all printed forms in MPFR", true,
                              "(8) prints '1/2 v A^T'; for r = 1, A = a^T is 1 x d and the k x d term is v a^T (as App. C writes it); "
                              "checked with v a^T",
                              grad_eq8});
const AuditRegistration r_gk2({"linear.grad-k2", "E.1.3 l. 890-895; A.4 l. 651-652",
                               "grad_{w1} L = -a/2 + (pi w1 - sin t|w2| wb1 - (pi - t) w2)/(2 pi); grad_{w2} L = a/2 - ((pi - t) w1 + sin t|w1| wb2 - pi w2)/(2 pi)",
                               "finite differences of (6); against A.2 in MPFR", true, "", grad_k2});
const AuditRegistration r_l11({"linear.lemma11-mean", "E.2.4 l. 1208", "E[1{a'x >= 0} relu(x'u)] = (1 + a'u)/sqrt(8 pi), |a| = |u| = 1",
                               "Monte Carlo at 4 pairs; 1-D quadrature", true, "", lemma11_mean});

}  // namespace
}  // namespace relucert::audit::linear
