// Optimisers, projections, initialisations, reproducibility and bad input of the trainer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "relucert/trainer/data.hpp"
#include "relucert/trainer/init.hpp"
#include "relucert/trainer/objective.hpp"
#include "relucert/trainer/optimizer.hpp"
#include "relucert/trainer/projection.hpp"
#include "relucert/trainer/quantities.hpp"
#include "relucert/trainer/rng.hpp"

using namespace relucert::trainer;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {
VectorXd random_vector(Eigen::Index d, Rng& rng, double s = 1.0) {
    VectorXd v(d);
    rng.fill_normal(v, s);
    return v;
}
MatrixXd pm1() { return (MatrixXd(2, 1) << 1, -1).finished(); }
}  // namespace

// ---- projections vs brute force ----------------------------------------------------------------------

TEST_CASE("l0 projection equals the brute-force nearest s-sparse vector", "[trainer][projection]") {
    Rng rng(1);
    std::vector<Eigen::Index> scratch;
    for (int rep = 0; rep < 30; ++rep) {
        const Eigen::Index d = 6;
        VectorXd x = random_vector(d, rng);
        if (rep % 5 == 0) x(2) = -x(4);  // a tie in magnitude
        for (Eigen::Index s = 0; s <= d; ++s) {
            VectorXd p = x;
            project_l0(p, s, scratch);
            // Brute force over all supports of size s.
            double best = std::numeric_limits<double>::infinity();
            for (unsigned mask = 0; mask < (1u << d); ++mask) {
                if (std::popcount(mask) != s) continue;
                double dist = 0;
                for (Eigen::Index i = 0; i < d; ++i)
                    if (!(mask >> i & 1u)) dist += x(i) * x(i);
                best = std::min(best, dist);
            }
            CHECK((p - x).squaredNorm() == Approx(best).margin(1e-15));
            CHECK((p.array() != 0).count() <= s);
            for (Eigen::Index i = 0; i < d; ++i) CHECK((p(i) == 0 || p(i) == x(i)));
        }
    }
    // Ties go to the lower index.
    VectorXd t(4);
    t << 1, -2, 2, 0.5;
    project_l0(t, 1, scratch);
    CHECK(t(1) == -2);
    CHECK(t(2) == 0);
}

TEST_CASE("l1-ball projection satisfies the optimality conditions at every vertex", "[trainer][projection]") {
    // p = P(x) iff p is feasible and <x - p, z - p> <= 0 for all z in the ball; for the l1 ball (a
    // polytope) it suffices to check the 2d vertices +-R e_i: an exact finite brute-force check.
    Rng rng(2);
    std::vector<double> scratch;
    for (int rep = 0; rep < 200; ++rep) {
        const Eigen::Index d = 1 + rep % 7;
        const double R = rep % 3 == 0 ? 0.0 : rng.uniform(0.1, 3.0);
        VectorXd x = random_vector(d, rng, 2.0), p = x;
        project_l1_ball(p, R, scratch);
        CHECK(p.lpNorm<1>() <= R * (1 + 1e-14) + 1e-300);
        if (x.lpNorm<1>() <= R) CHECK(p == x);
        for (Eigen::Index i = 0; i < d; ++i)
            for (double sgn : {1.0, -1.0}) {
                VectorXd z = VectorXd::Zero(d);
                z(i) = sgn * R;
                CHECK((x - p).dot(z - p) <= 1e-12 * (1 + x.squaredNorm()));
            }
    }
    // A mutated projection (scaling onto the ball instead of soft thresholding) fails the check.
    VectorXd x(3);
    x << 3, 1, 0.1;
    VectorXd wrong = x / x.lpNorm<1>();
    bool violated = false;
    for (Eigen::Index i = 0; i < 3; ++i)
        for (double sgn : {1.0, -1.0}) {
            VectorXd z = VectorXd::Zero(3);
            z(i) = sgn;
            violated = violated || (x - wrong).dot(z - wrong) > 1e-12;
        }
    CHECK(violated);
}

TEST_CASE("l2-ball projection is the nearest feasible point among random candidates", "[trainer][projection]") {
    Rng rng(3);
    for (int rep = 0; rep < 50; ++rep) {
        const Eigen::Index d = 4;
        const double R = rng.uniform(0.2, 2.0);
        VectorXd x = random_vector(d, rng, 1.5), p = x;
        project_l2_ball(p, R);
        CHECK(p.norm() <= R * (1 + 1e-15));
        for (int c = 0; c < 100; ++c) {
            VectorXd z = random_vector(d, rng);
            z *= R * std::pow(rng.uniform01(), 0.25) / z.norm();
            CHECK((x - p).norm() <= (x - z).norm() + 1e-14);
        }
    }
}

TEST_CASE("Projector: whole matrix vs per row", "[trainer][projection]") {
    MatrixXd W(2, 3);
    W << 3, 0, 0, 0, 4, 0;
    Projector whole(Projection::l2_ball(1.0));
    MatrixXd A = W;
    whole.apply(A);
    CHECK(A.norm() == Approx(1.0));
    Projector rows(Projection::l2_ball(1.0, true));
    MatrixXd B = W;
    rows.apply(B);
    CHECK(B.row(0).norm() == Approx(1.0));
    CHECK(B.row(1).norm() == Approx(1.0));
    Projector l0(Projection::l0(1, true));
    MatrixXd C(2, 3);
    C << 1, -3, 2, 0.5, 0.1, -0.7;
    l0.apply(C);
    CHECK(C == (MatrixXd(2, 3) << 0, -3, 0, 0, 0, -0.7).finished());
}

// ---- RNG and initialisations -------------------------------------------------------------------------

TEST_CASE("RNG: standard mt19937_64 stream, own normals with the right moments", "[trainer][rng]") {
    Rng r(5489);  // the standard's default seed: the 10000th output is fixed by [rand.predef]
    std::uint64_t x = 0;
    for (int i = 0; i < 10000; ++i) x = r.next_u64();
    CHECK(x == 9981545732273789042ull);
    Rng g(7);
    const int n = 200000;
    double s = 0, s2 = 0, s4 = 0;
    for (int i = 0; i < n; ++i) {
        const double z = g.normal();
        s += z;
        s2 += z * z;
        s4 += z * z * z * z;
    }
    CHECK(std::fabs(s / n) < 5 / std::sqrt(n));                      // mean 0, SE 1/sqrt(n)
    CHECK(std::fabs(s2 / n - 1) < 5 * std::sqrt(2.0 / n));           // var 1, SE sqrt(2/n)
    CHECK(std::fabs(s4 / n - 3) < 5 * std::sqrt(96.0 / n));          // 4th moment 3, SE sqrt(96/n)
    Rng u(9);
    for (int i = 0; i < 1000; ++i) {
        const double v = u.uniform01();
        CHECK((v >= 0 && v < 1));
    }
}

TEST_CASE("initialisations: shapes, scales, balance", "[trainer][init]") {
    Rng rng(10);
    const MatrixXd X = init::xavier_normal(200, 300, 1.0, rng);
    CHECK(X.squaredNorm() / X.size() == Approx(2.0 / 500).epsilon(0.02));  // var 2/(rows+cols)
    const MatrixXd Xs = init::xavier_normal(2, 100, 1e-8, rng);
    CHECK(Xs.cwiseAbs().maxCoeff() < 1e-8);
    const MatrixXd U = init::uniform(50, 50, -1, 1, rng);
    CHECK(U.minCoeff() >= -1);
    CHECK(U.maxCoeff() <= 1);
    CHECK(U.mean() == Approx(0).margin(5 * std::sqrt(1.0 / 3 / 2500)));
    CHECK(init::zeros(3, 4).isZero(0));
    const Network b = init::balanced(init::gaussian(5, 3, 1.0, rng), (VectorXd(5) << 1, -1, 1, 1, -1).finished(), 1e-3);
    for (Eigen::Index j = 0; j < 5; ++j) CHECK(std::fabs(b.V(j, 0)) == Approx(b.W.row(j).norm()));
    CHECK(b.V(1, 0) < 0);
    REQUIRE_THROWS_AS(init::balanced(MatrixXd::Zero(2, 3), VectorXd::Ones(2), 1.0), TrainerError);
    const VectorXd z = planted_sparse_vector(40, 4, rng);
    CHECK((z.array() != 0).count() == 4);
    CHECK(z.norm() == Approx(1.0));
}

// ---- reproducibility --------------------------------------------------------------------------------

namespace {
std::vector<double> empirical_run(std::uint64_t seed) {
    Rng rng(seed);
    const Eigen::Index d = 8;
    const Teacher T = Teacher::linear(random_vector(d, rng).transpose());
    EmpiricalLoss L(sample_dataset(T, InputDistribution::standard_gaussian(d), 300, rng));
    GradientDescent gd(L, Network(init::xavier_normal(2, d, 1.0, rng), pm1()), GdOptions{StepSchedule::constant(0.05)});
    std::vector<double> out;
    for (int t = 0; t < 50; ++t) out.push_back(gd.step());
    for (Eigen::Index i = 0; i < gd.params().W.size(); ++i) out.push_back(gd.params().W.data()[i]);
    return out;
}
}  // namespace

TEST_CASE("same seed gives a bit-identical trajectory, another seed does not", "[trainer][reproducible]") {
    const auto a = empirical_run(42), b = empirical_run(42), c = empirical_run(43);
    CHECK(a == b);
    CHECK(a != c);
}

// ---- optimisers ---------------------------------------------------------------------------------------

TEST_CASE("scaled steps mu diag(v)^-2 are plain GD on w~_i = v_i w_i (linear paper, Appendix D)", "[trainer][gd]") {
    Rng rng(12);
    const Eigen::Index d = 10;
    VectorXd a = VectorXd::Zero(d);
    a(0) = 1;
    const MatrixXd W0 = init::xavier_normal(2, d, 0.1, rng);
    const MatrixXd v = (MatrixXd(2, 1) << 3.0, -0.5).finished();
    GaussianPopulationLoss L(Teacher::linear(a.transpose()));
    GdOptions scaled{StepSchedule::constant(0.1), StepScaling::inverse_v_squared};
    GradientDescent g1(L, Network(W0, v), scaled);
    // The reduced problem: v = [1, -1] on w~ = diag(|v|) W (the sign is carried by v).
    const MatrixXd Wt = v.col(0).cwiseAbs().asDiagonal() * W0;
    GradientDescent g2(L, Network(Wt, pm1()), GdOptions{StepSchedule::constant(0.1)});
    for (int t = 0; t < 200; ++t) {
        const double l1 = g1.step(), l2 = g2.step();
        CHECK(l1 == Approx(l2).epsilon(1e-10).margin(1e-15));
    }
    CHECK((v.col(0).cwiseAbs().asDiagonal() * g1.params().W - g2.params().W).norm() < 1e-10);
    // And it converges to W* = [a/v1, -a/v2] (Theorem 1).
    for (int t = 0; t < 800; ++t) g1.step();
    CHECK(frobenius_distance(g1.params().W, linear_two_unit_optimum(g1.params(), a)) < 1e-8);
}

TEST_CASE("step schedule: initial steps then decay", "[trainer][gd]") {
    StepSchedule s{0.1, {2.0}, 1.0};
    CHECK(s.at(0) == 2.0);
    CHECK(s.at(1) == Approx(0.1));
    CHECK(s.at(3) == Approx(0.1 / 3));
}

TEST_CASE("projected GD with hard thresholding recovers a planted sparse ReLU; relu'(0) decides whether it moves",
          "[trainer][gd]") {
    // Soltanolkotabi (2017), Section 3 / Figure 1: y = relu(<w*, x>), w* s-sparse, PGD from w0 = 0 with
    // the l0 projection, n < d.
    Rng rng(21);
    const Eigen::Index d = 60, s = 3, n = 45;
    const VectorXd wstar = planted_sparse_vector(d, s, rng);
    const Dataset D = sample_dataset(Teacher::single_relu(wstar), InputDistribution::standard_gaussian(d), n, rng);
    const Network start = Network::single_neuron(VectorXd::Zero(d), 0.0, false);
    for (double c : {0.0, 1.0}) {
        EmpiricalLoss L(D, Trainable{true, false, false}, ReluConvention{c});
        GradientDescent gd(L, start, GdOptions{StepSchedule::constant(1.0), StepScaling::none, Projection::l0(s)});
        for (int t = 0; t < 300; ++t) gd.step();
        const double err = (gd.params().W.row(0).transpose() - wstar).norm();
        if (c == 0.0)
            CHECK(gd.params().W.isZero(0.0));  // relu'(0) = 0: the zero start is a fixed point
        else
            CHECK(err < 1e-8);
    }
}

TEST_CASE("gradient flow: adaptive Heun-Euler agrees with small-step Euler and GD with tiny steps", "[trainer][flow]") {
    Rng rng(17);
    const Eigen::Index d = 6;
    VectorXd a = random_vector(d, rng);
    GaussianPopulationLoss L(Teacher::linear(a.transpose()));
    const Network start(init::xavier_normal(2, d, 0.3, rng), pm1());
    GradientFlow adaptive(L, start, FlowOptions{1e-3, true, 1e-8, 0.5, 1e-14});
    adaptive.advance_to(3.0);
    GradientFlow euler(L, start, FlowOptions{1e-4, false, 1e-8, 1.0, 1e-14});
    euler.advance_to(3.0);
    CHECK(adaptive.time() == Approx(3.0));
    CHECK((adaptive.params().W - euler.params().W).norm() < 1e-3);   // Euler error O(h)
    GradientFlow euler2(L, start, FlowOptions{5e-5, false, 1e-8, 1.0, 1e-14});
    euler2.advance_to(3.0);
    // Halving h halves Euler's error: a first-order method converging to the adaptive solution.
    const double e1 = (adaptive.params().W - euler.params().W).norm(), e2 = (adaptive.params().W - euler2.params().W).norm();
    INFO("Euler errors " << e1 << ", " << e2 << "; steps adaptive " << adaptive.accepted_steps() << " (+"
                         << adaptive.rejected_steps() << " rejected), Euler " << euler2.accepted_steps());
    CHECK(e2 / e1 == Approx(0.5).margin(0.05));
    CHECK(adaptive.accepted_steps() < euler2.accepted_steps());
    CHECK(adaptive.loss() < L.evaluate(start, nullptr));
}

// ---- bad input ---------------------------------------------------------------------------------------

TEST_CASE("bad input gives a clear TrainerError, never a NaN", "[trainer][errors]") {
    Rng rng(1);
    const Eigen::Index d = 3;
    const Teacher T = Teacher::linear(MatrixXd::Ones(1, d));
    const Dataset D = sample_dataset(T, InputDistribution::standard_gaussian(d), 20, rng);
    const Network good(MatrixXd::Ones(2, d), pm1());
    EmpiricalLoss L(D);

    using Catch::Matchers::Contains;
    REQUIRE_THROWS_WITH(GradientDescent(L, good, GdOptions{StepSchedule::constant(-0.1)}), Contains("positive"));
    REQUIRE_THROWS_WITH(GradientDescent(L, good, GdOptions{StepSchedule::constant(0.0)}), Contains("positive"));
    REQUIRE_THROWS_AS(GradientDescent(L, good, GdOptions{StepSchedule::constant(std::nan(""))}), TrainerError);
    REQUIRE_THROWS_AS(GradientDescent(L, good, GdOptions{StepSchedule{0.1, {-2.0}, 0.0}}), TrainerError);

    Dataset empty;
    empty.X.resize(d, 0);
    empty.Y.resize(1, 0);
    REQUIRE_THROWS_WITH(EmpiricalLoss(empty), Contains("n = 0"));
    REQUIRE_THROWS_AS(sample_dataset(T, InputDistribution::standard_gaussian(d), 0, rng), TrainerError);

    Dataset nan_x = D;
    nan_x.X(1, 4) = std::nan("");
    REQUIRE_THROWS_WITH(EmpiricalLoss(nan_x), Contains("NaN"));
    Dataset inf_y = D;
    inf_y.Y(0, 2) = std::numeric_limits<double>::infinity();
    REQUIRE_THROWS_WITH(EmpiricalLoss(inf_y), Contains("NaN or infinity"));

    const Network wrong_d(MatrixXd::Ones(2, d + 1), pm1());
    REQUIRE_THROWS_WITH(L.evaluate(wrong_d, nullptr), Contains("input dimension"));
    GaussianPopulationLoss P(T);
    REQUIRE_THROWS_WITH(P.evaluate(wrong_d, nullptr), Contains("input dimension"));
    Network nan_p = good;
    nan_p.W(0, 0) = std::nan("");
    REQUIRE_THROWS_WITH(L.evaluate(nan_p, nullptr), Contains("NaN"));
    REQUIRE_THROWS_AS(P.evaluate(nan_p, nullptr), TrainerError);
    Network bad_v(MatrixXd::Ones(2, d), MatrixXd::Ones(3, 1));
    REQUIRE_THROWS_AS(L.evaluate(bad_v, nullptr), TrainerError);
    Network g_wrong = Network(MatrixXd::Ones(3, d), MatrixXd::Ones(3, 1));
    REQUIRE_THROWS_WITH(L.evaluate(good, &g_wrong), Contains("shape"));
    Network with_bias(MatrixXd::Ones(2, d), pm1(), VectorXd::Zero(2));
    REQUIRE_THROWS_WITH(P.evaluate(with_bias, nullptr), Contains("bias"));

    REQUIRE_THROWS_AS(Projector(Projection::l2_ball(-1.0)), TrainerError);
    REQUIRE_THROWS_AS(Projector(Projection::l0(-1)), TrainerError);
    REQUIRE_THROWS_AS(InputDistribution::gaussian((MatrixXd(2, 2) << 1, 2, 2, 1).finished()), TrainerError);
    REQUIRE_THROWS_AS(InputDistribution::uniform_ball(3, -1.0), TrainerError);
    REQUIRE_THROWS_AS(Teacher::linear(MatrixXd::Constant(1, 2, std::nan(""))), TrainerError);
    REQUIRE_THROWS_AS(GradientDescent(L, Network(MatrixXd::Ones(2, d), MatrixXd::Zero(2, 1)),
                                      GdOptions{StepSchedule::constant(0.1), StepScaling::inverse_v_squared}),
                      TrainerError);
    REQUIRE_THROWS_AS(monte_carlo_population_loss(good, T, InputDistribution::standard_gaussian(d + 1), 100, rng),
                      TrainerError);

    // Divergence: a huge step throws instead of producing NaN/inf iterates.
    GradientDescent wild(L, good, GdOptions{StepSchedule::constant(1e200)});
    REQUIRE_THROWS_WITH([&] {
        for (int t = 0; t < 10; ++t) wild.step();
    }(), Contains("diverg"));
}
