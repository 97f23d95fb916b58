// The invariant set S of Chistikov, Englert & Lazic Sec. 5 (certify/chistikov/invariant_set.hpp,
// set_*.cpp, intro_*.cpp): the datasets satisfy Assumption 1 (iii) and the pi/4 condition exactly,
// the predictor-space ODE agrees with the shallow-network trainer (and a mutated ODE does not), the
// closed-form face derivatives agree exactly with the generic Lie derivative, the ellipsoid facts hold
// exactly, every claim gets its expected verdict with a replayed certificate, and mutated data flip a
// verdict.
#include <catch2/catch.hpp>

#include <Eigen/Dense>
#include <filesystem>
#include <random>

#include "chistikov/invariant_set.hpp"
#include "relucert/engine/certificate.hpp"
#include "relucert/engine/checker.hpp"
#include "relucert/engine/search.hpp"
#include "relucert/trainer/data.hpp"
#include "relucert/trainer/experiment.hpp"
#include "relucert/trainer/objective.hpp"
#include "relucert/trainer/optimizer.hpp"

using namespace relucert;
using namespace relucert::chistikov;
using namespace relucert::engine;

namespace {

std::vector<Rational> random_rationals(std::mt19937& g, int count, int lo, int hi, int den) {
    std::uniform_int_distribution<int> u(lo * den, hi * den);
    std::vector<Rational> out;
    for (int i = 0; i < count; ++i) out.emplace_back(u(g), den);
    return out;
}

Eigen::MatrixXd matrix_of(const EigenDataset& D) {
    Eigen::MatrixXd X(D.d, D.n);
    for (int i = 0; i < D.n; ++i)
        for (int k = 0; k < D.d; ++k) X(k, i) = to_double(D.x[i][k]);
    return X;
}
Eigen::VectorXd vstar_of(const EigenDataset& D) {
    Eigen::VectorXd v(D.d);
    for (int k = 0; k < D.d; ++k) v(k) = to_double(D.vstar[k]);
    return v;
}

// The predictor-space ODE dv/dt = |v| (I + b vbar vbar') H (v* - v); b = 1 is the derived one.
Eigen::VectorXd predictor_rate(const Eigen::MatrixXd& H, const Eigen::VectorXd& vstar, const Eigen::VectorXd& v, double b = 1) {
    const Eigen::VectorXd g = H * (vstar - v);
    const double N = v.norm();
    return N * g + b * (v.dot(g) / N) * v;
}
Eigen::VectorXd integrate(const Eigen::MatrixXd& H, const Eigen::VectorXd& vstar, Eigen::VectorXd v, double T, int steps, double b = 1) {
    const double h = T / steps;
    for (int s = 0; s < steps; ++s) {  // RK4
        const Eigen::VectorXd k1 = predictor_rate(H, vstar, v, b), k2 = predictor_rate(H, vstar, v + 0.5 * h * k1, b),
                              k3 = predictor_rate(H, vstar, v + 0.5 * h * k2, b), k4 = predictor_rate(H, vstar, v + h * k3, b);
        v += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
    }
    return v;
}

SearchResult search(const Claim& c) {
    SearchOptions o;
    o.max_boxes = 20000;
    return run_search(c, default_params(c), o);
}

}  // namespace

TEST_CASE("invariant-set datasets: diagonal (1/n)XX', Assumption 1 (iii), angles < pi/4 (exact)", "[chistikov][invariant]") {
    for (const auto& D : invariant_set_datasets()) {
        INFO(D.name);
        Rational vv = 0;
        for (int k = 0; k < D.d; ++k) vv += D.vstar[k] * D.vstar[k];
        CHECK(vv == 1);  // |v*| = 1, Assumption 1 (i)
        for (int k = 0; k < D.d; ++k) CHECK(D.vstar[k] > 0);  // not in a span of fewer eigenvectors (u_k = e_k)
        for (int k = 0; k + 1 < D.d; ++k) CHECK(D.eta[k] > D.eta[k + 1]);
        for (int i = 0; i < D.n; ++i) {
            Rational dot = 0, xx = 0;
            for (int k = 0; k < D.d; ++k) dot += D.x[i][k] * D.vstar[k], xx += D.x[i][k] * D.x[i][k];
            CHECK(dot > 0);
            CHECK(2 * dot * dot > xx);  // cos^2 > 1/2
            for (int j = 0; j < i; ++j) {  // distinct directions: not parallel
                bool parallel = true;
                for (int k = 0; k < D.d; ++k)
                    for (int l = 0; l < D.d; ++l) parallel = parallel && D.x[i][k] * D.x[j][l] == D.x[i][l] * D.x[j][k];
                CHECK_FALSE(parallel);
            }
        }
    }
    // A Gram matrix that is not diagonal is rejected.
    CHECK_THROWS(detail::make_dataset("bad", "bad", {{Rational(2), Rational(1), Rational(0)}, {Rational(2), Rational(1), Rational(0)}},
                                      {Rational(1), Rational(0), Rational(0)}, 2));
}

TEST_CASE("predictor ODE: one balanced neuron under GD follows dv/dt = |v|(I + vbar vbar')H(v* - v)", "[chistikov][invariant]") {
    for (const auto& D : invariant_set_datasets()) {
        INFO(D.name);
        const Eigen::MatrixXd X = matrix_of(D);
        const Eigen::VectorXd vstar = vstar_of(D), y = X.transpose() * vstar;
        const Eigen::MatrixXd H = X * X.transpose() / static_cast<double>(D.n);
        // One positive unit w (a = |w|), every training point active along the way.
        Eigen::VectorXd w0 = 0.3 * vstar;
        w0(0) += 0.05;
        trainer::Network start(w0.transpose(), Eigen::MatrixXd::Constant(1, 1, w0.norm()));
        trainer::EmpiricalLoss loss(trainer::Dataset{X, y.transpose()}, trainer::Trainable{true, false, true});
        const double h = 1e-5, T = D.key == "D2" ? 0.5 : 0.05;
        trainer::GradientDescent gd(loss, start, trainer::GdOptions(trainer::StepSchedule::constant(h)));
        const int steps = static_cast<int>(T / h + 0.5);
        for (int s = 0; s < steps; ++s) gd.step();
        const trainer::Network& net = gd.params();
        const Eigen::VectorXd v_gd = net.V(0, 0) * net.W.row(0).transpose();
        CHECK((X.transpose() * v_gd).minCoeff() > 0);  // still all active
        const Eigen::VectorXd v0 = w0.norm() * w0;
        const Eigen::VectorXd v_ode = integrate(H, vstar, v0, T, 2000);
        const Eigen::VectorXd v_mut = integrate(H, vstar, v0, T, 2000, 0.0);  // without the vbar vbar' term
        INFO("GD " << v_gd.transpose() << " ODE " << v_ode.transpose() << " mutant " << v_mut.transpose());
        CHECK((v_gd - v_ode).norm() < 1e-3 * (v_ode - v0).norm());
        CHECK((v_mut - v_ode).norm() > 0.05 * (v_ode - v0).norm());
        // The generic P_k = N dp_k/dt (invariant_set.hpp) is the ODE in normalised coordinates.
        Vec<double> p{0, 0, 0};
        for (int k = 0; k < D.d; ++k) p[k] = v_gd(k) / vstar(k);
        const Eigen::VectorXd F = predictor_rate(H, vstar, v_gd);
        for (int k = 0; k < D.d; ++k) CHECK(scaled_rate(D, p, k) == Approx(v_gd.norm() * F(k) / vstar(k)).epsilon(1e-12));
        CHECK(gain(D, p) == Approx(v_gd.dot(H * (vstar - v_gd))).epsilon(1e-12));
    }
}

TEST_CASE("face derivatives: the closed forms equal the generic Lie derivative exactly", "[chistikov][invariant]") {
    std::mt19937 g(7);
    for (const auto& D : invariant_set_datasets()) {
        INFO(D.name);
        for (int trial = 0; trial < 20; ++trial) {
            const auto r = random_rationals(g, 3, 0, 2, 97);
            Vec<Rational> p{r[0], r[1], D.d == 3 ? r[2] : Rational(0)};
            for (int k = 0; k < D.d; ++k) {
                // Omega_k: at p_k = 1, N dp_k/dt = G.
                Vec<Rational> q = p;
                q[k] = 1;
                CHECK(scaled_rate(D, q, k) == gain(D, q));
                // Phi lower: N^2 eta (1 - b) + G b.
                q[k] = D.phi_lower(k);
                CHECK(scaled_rate(D, q, k) == norm2(D, q) * D.eta[k] * (1 - q[k]) + gain(D, q) * q[k]);
                for (int kp = k + 1; kp < D.d; ++kp) {
                    const Rational rr = D.ratio(k, kp);
                    // Psi-down: at p_k' = (r/2) p_k, N d(p_k' - (r/2) p_k)/dt = N^2 eta_k' (1 + (1 - r) p_k) / 2.
                    Vec<Rational> s = p;
                    s[kp] = rr / 2 * s[k];
                    CHECK(scaled_rate(D, s, kp) - rr / 2 * scaled_rate(D, s, k) == norm2(D, s) * D.eta[kp] * (1 + (1 - rr) * s[k]) / 2);
                    // Psi-up with q = sigma^m, e = a/m: e P_k - sigma^(m-a) P_k' = N^2 eta_k q (1-r)/2 + G h.
                    const Rational e = D.exponent(k, kp);
                    const int m = static_cast<int>(boost::multiprecision::denominator(e).convert_to<long>());
                    const int a = static_cast<int>(boost::multiprecision::numerator(e).convert_to<long>());
                    const Rational sigma = Rational(trial + 1, 23);
                    Vec<Rational> u = p;
                    u[k] = 1 - ipow(sigma, m);
                    u[kp] = 1 - ipow(sigma, a);
                    const Rational lhs = e * scaled_rate(D, u, k) - ipow(sigma, m - a) * scaled_rate(D, u, kp);
                    const Rational hq = e + (1 - e) * ipow(sigma, m) - ipow(sigma, m - a);
                    CHECK(lhs == norm2(D, u) * D.eta[k] * ipow(sigma, m) * (1 - rr) / 2 + gain(D, u) * hq);
                    // The tangent mutant: N d(e p_k - p_k')/dt at p_k' = e p_k is N^2 eta_k (1-r)(1/2 - e p_k).
                    Vec<Rational> t = p;
                    t[kp] = e * t[k];
                    CHECK(e * scaled_rate(D, t, k) - scaled_rate(D, t, kp) == norm2(D, t) * D.eta[k] * (1 - rr) * (Rational(1, 2) - e * t[k]));
                }
            }
        }
    }
}

TEST_CASE("Xi face: the chart derivative R matches grad G . F, and the Xi points lie on G = 0", "[chistikov][invariant]") {
    for (const auto& D : invariant_set_datasets()) {
        INFO(D.name);
        const Eigen::MatrixXd X = matrix_of(D);
        const Eigen::VectorXd vstar = vstar_of(D);
        const Eigen::MatrixXd H = X * X.transpose() / static_cast<double>(D.n);
        const XiChart ch = xi_chart12(D);
        for (const Rational& m : {Rational(-1, 2), Rational(-1, 16), Rational(1, 7), Rational(3, 4)}) {
            const auto P = xi_point<Rational>(D, ch, m);
            CHECK(gain(D, P.p) == 0);  // exactly on the ellipsoid
            Eigen::VectorXd v(D.d), dir(D.d);
            for (int k = 0; k < D.d; ++k) v(k) = to_double(P.p[k] * D.vstar[k]), dir(k) = to_double(ch.d0[k] + m * ch.w[k]);
            const double rho = -vstar.dot(H * dir) / dir.dot(H * dir);
            const double Gdot = (H * (vstar - 2 * v)).dot(predictor_rate(H, vstar, v));
            CHECK(Gdot == Approx(-rho * to_double(P.R) / v.norm()).epsilon(1e-10));
        }
        // The normalised derivative at v* (m = 0) is -R = N*^2 v*'H^2 d0 > 0 (m < 0 side).
        const auto at = xi_point<Rational>(D, ch, Rational(0));
        Rational vH2d = 0;
        for (int k = 0; k < D.d; ++k) vH2d += D.vstar[k] * D.eta[k] * D.eta[k] * ch.d0[k];
        CHECK(-at.R == vH2d);
        CHECK(vH2d > 0);
    }
}

TEST_CASE("ellipsoid: centred at v*/2, interior = {v : v' dv/dt > 0} (exact identities)", "[chistikov][invariant]") {
    std::mt19937 g(11);
    for (const auto& D : invariant_set_datasets()) {
        INFO(D.name);
        Rational c = 0;  // v*' H v* / 4
        for (int k = 0; k < D.d; ++k) c += D.eta[k] * D.vstar[k] * D.vstar[k] / 4;
        for (int trial = 0; trial < 30; ++trial) {
            const auto r = random_rationals(g, 3, -1, 2, 53);
            Vec<Rational> v{r[0], r[1], D.d == 3 ? r[2] : Rational(0)};
            Rational G = 0, centred = 0, gv = 0, vv = 0, vF_over_N = 0;
            for (int k = 0; k < D.d; ++k) {
                G += v[k] * D.eta[k] * (D.vstar[k] - v[k]);
                centred += D.eta[k] * (v[k] - D.vstar[k] / 2) * (v[k] - D.vstar[k] / 2);
                vv += v[k] * v[k];
            }
            CHECK(G == c - centred);  // G = c - (v - v*/2)' H (v - v*/2): level set G = 0 centred at v*/2
            if (vv == 0) continue;
            for (int k = 0; k < D.d; ++k) {
                const Rational gk = D.eta[k] * (D.vstar[k] - v[k]);
                gv += v[k] * gk;
            }
            // F / N = g + (v'g / N^2) v, so v' F / N = 2 v'g = 2 G: v' dv/dt > 0 iff G > 0.
            for (int k = 0; k < D.d; ++k) vF_over_N += v[k] * (D.eta[k] * (D.vstar[k] - v[k]) + gv / vv * v[k]);
            CHECK(vF_over_N == 2 * G);
            // The same G in normalised coordinates (invariant_set.hpp).
            Vec<Rational> p{0, 0, 0};
            for (int k = 0; k < D.d; ++k) p[k] = v[k] / D.vstar[k];
            CHECK(gain(D, p) == G);
        }
    }
}

TEST_CASE("invariant-set claims: expected verdicts, replayed certificates", "[chistikov][invariant]") {
    int n = 0, refuted = 0;
    for (const Claim* c : all_claims()) {
        const std::string& id = c->info().id;
        const bool mine = id.rfind("chistikov.set-", 0) == 0 || id.rfind("chistikov.intro-", 0) == 0 || id.rfind("chistikov.sec9-pi2", 0) == 0;
        if (!mine) continue;
        INFO(id);
        const auto r = search(*c);
        CHECK(r.verdict == c->info().expected);
        const auto chk = check_certificate(make_certificate(*c, r));
        CHECK(chk.valid);
        CHECK(chk.verdict == r.verdict);
        ++n;
        refuted += r.verdict == Verdict::Refuted;
    }
    CHECK(n == 29);
    // Mutants that must fail: the tangent Psi-up (D2, D3), the unsliced Xi (D2, D3), angles beyond pi/4,
    // the pi/2 relaxation, the wider ball, and the printed Xi (padding 1/100) on D2.
    CHECK(refuted == 8);
    for (const std::string id : {"chistikov.set-faces.D2.psi-up12-tangent", "chistikov.set-faces.D3.psi-up12-tangent",
                                 "chistikov.set-faces.D2.xi-unsliced", "chistikov.set-faces.D3.xi-unsliced",
                                 "chistikov.set-faces.D2.xi-printed"}) {
        const Claim* c = find_claim(id);
        REQUIRE(c != nullptr);
        CHECK(c->info().expected == Verdict::Refuted);
    }
}

TEST_CASE("set-poscorr on a perturbed dataset (v* rotated away from the points) is refuted", "[chistikov][invariant]") {
    const EigenDataset& D2 = invariant_set_dataset("D2");
    // v* = (7, 24)/25: angle(v*, x_1) > pi/4, and x_1' v < 0 on part of S_1.
    const EigenDataset bad = detail::make_dataset("D2-rot", "D2rot", D2.x, {Rational(7, 25), Rational(24, 25), Rational(0)}, 2);
    const auto c = make_set_poscorr_claim(bad, 0, 0);
    const auto r = search(*c);
    CHECK(r.verdict == Verdict::Refuted);
    const auto chk = check_certificate(make_certificate(*c, r), c.get());
    CHECK(chk.valid);
    // The unperturbed claim built the same way is certified.
    const auto good = make_set_poscorr_claim(D2, 0, 0);
    CHECK(search(*good).verdict == Verdict::Certified);
}

TEST_CASE("chistikov.set-invariant at ci scale reproduces (Xi padding 0) and leaves the printed Xi", "[chistikov][invariant]") {
    const trainer::Experiment* e = trainer::find_experiment("chistikov.set-invariant");
    REQUIRE(e != nullptr);
    trainer::ExperimentContext ctx;
    ctx.scale = trainer::Scale::ci;
    ctx.out_dir = std::filesystem::temp_directory_path() / "relucert_test_set_invariant";
    std::filesystem::remove_all(ctx.out_dir);
    const auto rep = e->run(ctx);
    CHECK(rep.reproduced());
    CHECK(rep.files.size() == 8);
    for (const auto& f : rep.files) CHECK(std::filesystem::file_size(f) > 100);
}
