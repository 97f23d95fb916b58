#include "relucert/trainer/objective.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <span>

#include "relucert/models/relu_population.hpp"

namespace relucert::trainer {

namespace {

void check_compatible(const Network& p, Eigen::Index d, Eigen::Index r, const char* who) {
    p.check(who);
    if (p.input_dim() != d)
        throw TrainerError(std::string(who) + ": the network has input dimension " + std::to_string(p.input_dim()) +
                           ", the data/teacher has " + std::to_string(d));
    if (p.outputs() != r)
        throw TrainerError(std::string(who) + ": the network has " + std::to_string(p.outputs()) +
                           " outputs, the data/teacher has " + std::to_string(r));
}

void prepare_gradient(const Network& p, Network* grad, const char* who) {
    if (!grad) return;
    if (!grad->same_shape(p)) throw TrainerError(std::string(who) + ": the gradient must have the network's shape");
    grad->W.setZero();
    grad->b.setZero();
    grad->V.setZero();
}

double finite_or_throw(double loss, const char* who) {
    if (!std::isfinite(loss))
        throw TrainerError(std::string(who) + ": the loss overflowed (diverging parameters?)");
    return loss;
}

// relu'(Z) applied to D in place: 1 for z > 0, c for z == 0, 0 for z < 0.
template <class DBlock, class ZBlock>
void apply_relu_derivative(DBlock&& D, const ZBlock& Z, double c) {
    if (c == 0.0)
        D.array() = (Z.array() > 0.0).select(D.array(), 0.0);
    else
        D.array() = (Z.array() > 0.0).select(D.array(), (Z.array() == 0.0).select(c * D.array(), 0.0));
}

}  // namespace

// ---- empirical -------------------------------------------------------------------------------------

EmpiricalLoss::EmpiricalLoss(Dataset data, Trainable trainable, ReluConvention relu, Eigen::Index chunk)
    : data_(std::move(data)), trainable_(trainable), relu_(relu), chunk_(chunk) {
    data_.check("EmpiricalLoss");
    if (chunk_ < 1) throw TrainerError("EmpiricalLoss: the chunk size must be at least 1");
    if (!std::isfinite(relu_.derivative_at_zero)) throw TrainerError("EmpiricalLoss: relu'(0) must be finite");
    chunk_ = std::min(chunk_, data_.size());
}

std::string EmpiricalLoss::describe() const {
    return "empirical squared loss, n = " + std::to_string(data_.size()) + ", d = " + std::to_string(data_.input_dim());
}

namespace {
constexpr Eigen::Index kFewUnits = 4;
}

void EmpiricalLoss::ensure_workspace(const Network& p) {
    const Eigen::Index k = p.hidden(), r = p.outputs();
    if (k <= kFewUnits) {  // transposed layout: one contiguous column per unit
        Z_.resize(chunk_, k);
        H_.resize(chunk_, k);
        D_.resize(chunk_, k);
        R_.resize(chunk_, r);
        Wt_.resize(p.input_dim(), k);
        gWt_.resize(p.input_dim(), k);
        return;
    }
    Z_.resize(k, chunk_);  // no-ops when the shape is unchanged
    H_.resize(k, chunk_);
    D_.resize(k, chunk_);
    R_.resize(r, chunk_);
}

double EmpiricalLoss::evaluate_few_units(const Network& p, Network* grad) {
    const Eigen::Index n = data_.size(), k = p.hidden();
    const bool want_W = grad && trainable_.hidden;
    const bool want_b = grad && trainable_.bias && p.has_bias();
    const bool want_V = grad && trainable_.outer;
    Wt_ = p.W.transpose();
    if (want_W) gWt_.setZero();
    double sum = 0.0;
    for (Eigen::Index c0 = 0; c0 < n; c0 += chunk_) {
        const Eigen::Index m = std::min(chunk_, n - c0);
        const auto Xc = data_.X.middleCols(c0, m);
        auto Z = Z_.topRows(m);
        auto H = H_.topRows(m);
        auto R = R_.topRows(m);
        for (Eigen::Index j = 0; j < k; ++j) Z.col(j).noalias() = Xc.transpose() * Wt_.col(j);
        if (p.has_bias()) Z.rowwise() += p.b.transpose();
        H = Z.cwiseMax(0.0);
        R.noalias() = H.lazyProduct(p.V);
        R -= data_.Y.middleCols(c0, m).transpose();
        sum += R.squaredNorm();
        if (want_V) grad->V.noalias() += H.transpose().lazyProduct(R);
        if (want_W || want_b) {
            auto D = D_.topRows(m);
            D.noalias() = R.lazyProduct(p.V.transpose());
            apply_relu_derivative(D, Z, relu_.derivative_at_zero);
            if (want_W)
                for (Eigen::Index j = 0; j < k; ++j) gWt_.col(j).noalias() += Xc * D.col(j);
            if (want_b) grad->b += D.colwise().sum().transpose();
        }
    }
    const double inv_n = 1.0 / static_cast<double>(n);
    if (grad) {
        if (want_W) grad->W = inv_n * gWt_.transpose();
        grad->b *= inv_n;
        grad->V *= inv_n;
    }
    return finite_or_throw(0.5 * sum * inv_n, "EmpiricalLoss");
}

double EmpiricalLoss::evaluate(const Network& p, Network* grad) {
    check_compatible(p, data_.input_dim(), data_.outputs(), "EmpiricalLoss");
    prepare_gradient(p, grad, "EmpiricalLoss");
    ensure_workspace(p);
    if (p.hidden() <= kFewUnits) return evaluate_few_units(p, grad);
    const Eigen::Index n = data_.size();
    const bool want_W = grad && trainable_.hidden;
    const bool want_b = grad && trainable_.bias && p.has_bias();
    const bool want_V = grad && trainable_.outer;
    double sum = 0.0;
    for (Eigen::Index c0 = 0; c0 < n; c0 += chunk_) {
        const Eigen::Index m = std::min(chunk_, n - c0);
        const auto Xc = data_.X.middleCols(c0, m);
        auto Z = Z_.leftCols(m);
        auto H = H_.leftCols(m);
        auto R = R_.leftCols(m);
        Z.noalias() = p.W * Xc;
        if (p.has_bias()) Z.colwise() += p.b;
        H = Z.cwiseMax(0.0);
        R.noalias() = p.V.transpose() * H;
        R -= data_.Y.middleCols(c0, m);
        sum += R.squaredNorm();
        if (want_V) grad->V.noalias() += H * R.transpose();
        if (want_W || want_b) {
            auto D = D_.leftCols(m);
            D.noalias() = p.V * R;
            apply_relu_derivative(D, Z, relu_.derivative_at_zero);
            if (want_W) grad->W.noalias() += D * Xc.transpose();
            if (want_b) grad->b += D.rowwise().sum();
        }
    }
    const double inv_n = 1.0 / static_cast<double>(n);
    if (grad) {
        grad->W *= inv_n;
        grad->b *= inv_n;
        grad->V *= inv_n;
    }
    return finite_or_throw(0.5 * sum * inv_n, "EmpiricalLoss");
}

// ---- closed-form population ------------------------------------------------------------------------

GaussianPopulationLoss::GaussianPopulationLoss(Teacher teacher, Trainable trainable, ReluConvention relu)
    : teacher_(std::move(teacher)), trainable_(trainable), relu_(relu) {
    teacher_.check();
    if (teacher_.has_relu_part() && teacher_.relu_part.has_bias())
        throw TrainerError("GaussianPopulationLoss: the closed form needs a teacher without hidden bias");
    if (!std::isfinite(relu_.derivative_at_zero))
        throw TrainerError("GaussianPopulationLoss: relu'(0) must be finite");
}

std::string GaussianPopulationLoss::describe() const {
    return "population squared loss over x ~ N(0, I_d) (closed form), d = " + std::to_string(teacher_.input_dim());
}

void GaussianPopulationLoss::ensure_workspace(const Network& p) {
    const Eigen::Index k = p.hidden(), d = p.input_dim(), r = p.outputs();
    const Eigen::Index kt = teacher_.relu_part.W.rows(), K = k + kt;
    if (U_.rows() == K && U_.cols() == d && Cout_.cols() == r) return;
    U_.resize(K, d);
    Cout_.resize(K, r);
    if (kt > 0) {
        U_.bottomRows(kt) = teacher_.relu_part.W;
        Cout_.bottomRows(kt) = -teacher_.relu_part.V;
    }
    VA_.resize(K, d);
    UAt_.resize(k, r);
    norms_.resize(K);
    lin_.resize(K);
    s_.resize(k);
    angles_.resize(K, K);
    gram_.resize(K, K);
    C_.resize(k, K);
    F_.resize(K, K);
}

double GaussianPopulationLoss::evaluate(const Network& p, Network* grad) {
    check_compatible(p, teacher_.input_dim(), teacher_.outputs(), "GaussianPopulationLoss");
    if (p.has_bias()) throw TrainerError("GaussianPopulationLoss: the closed form needs a student without hidden bias");
    prepare_gradient(p, grad, "GaussianPopulationLoss");
    ensure_workspace(p);
    const Eigen::Index k = p.hidden(), K = U_.rows();
    U_.topRows(k) = p.W;
    Cout_.topRows(k) = p.V;
    norms_ = U_.rowwise().norm();
    for (Eigen::Index j = 0; j < K; ++j) {
        angles_(j, j) = 0.0;
        for (Eigen::Index i = 0; i < j; ++i) {
            double t = std::numbers::pi / 2;  // unused by the closed forms when a norm is 0
            if (norms_(i) > 0 && norms_(j) > 0) {
                const double nd = (U_.row(i) / norms_(i) - U_.row(j) / norms_(j)).norm();
                const double ns = (U_.row(i) / norms_(i) + U_.row(j) / norms_(j)).norm();
                t = 2.0 * std::atan2(nd, ns);  // Kahan: accurate near 0 and pi
            }
            angles_(i, j) = t;
            angles_(j, i) = t;
        }
    }
    gram_.noalias() = Cout_.lazyProduct(Cout_.transpose());  // r is small: no GEMM set-up
    const bool lin = teacher_.has_linear_part();
    if (lin) {
        VA_.noalias() = Cout_.lazyProduct(teacher_.A);
        for (Eigen::Index i = 0; i < K; ++i) lin_(i) = VA_.row(i).dot(U_.row(i));
    } else {
        lin_.setZero();
    }
    const std::size_t Ks = static_cast<std::size_t>(K), ks = static_cast<std::size_t>(k);
    const models::PopulationGeometry<double> geometry{
        Ks,
        std::span<const double>(norms_.data(), Ks),
        std::span<const double>(angles_.data(), Ks * Ks),
        std::span<const double>(gram_.data(), Ks * Ks),
        std::span<const double>(lin_.data(), Ks),
        lin ? teacher_.A.squaredNorm() : 0.0};
    const double loss = models::population_loss(geometry);
    if (grad && trainable_.hidden) {
        models::population_gradient_coefficients(geometry, ks, relu_.derivative_at_zero,
                                                 std::span<double>(C_.data(), ks * Ks), std::span<double>(s_.data(), ks));
        if (K <= 8)
            grad->W.noalias() = C_.lazyProduct(U_);  // GEMM's set-up costs more than the work here
        else
            grad->W.noalias() = C_ * U_;
        if (lin) grad->W -= s_.asDiagonal() * VA_.topRows(k);
    }
    if (grad && trainable_.outer) {
        models::population_kernel_matrix(geometry, std::span<double>(F_.data(), Ks * Ks));
        grad->V.noalias() = F_.topRows(k) * Cout_;
        if (lin) {
            UAt_.noalias() = U_.topRows(k) * teacher_.A.transpose();
            grad->V -= 0.5 * UAt_;
        }
    }
    return finite_or_throw(loss, "GaussianPopulationLoss");
}

// ---- Monte Carlo -----------------------------------------------------------------------------------

namespace {
constexpr Eigen::Index kMonteCarloBatch = 1024;

void check_monte_carlo(const Network& net, const Teacher& teacher, const InputDistribution& inputs,
                       Eigen::Index samples, const char* who) {
    teacher.check();
    check_compatible(net, teacher.input_dim(), teacher.outputs(), who);
    if (inputs.dim != teacher.input_dim())
        throw TrainerError(std::string(who) + ": the input distribution and the teacher disagree in dimension");
    if (samples < 2) throw TrainerError(std::string(who) + ": need at least 2 samples for a standard error");
}
}  // namespace

MonteCarloEstimate monte_carlo_population_loss(const Network& net, const Teacher& teacher,
                                               const InputDistribution& inputs, Eigen::Index samples, Rng& rng,
                                               ReluConvention) {
    check_monte_carlo(net, teacher, inputs, samples, "monte_carlo_population_loss");
    const Eigen::Index B = std::min(kMonteCarloBatch, samples);
    Eigen::MatrixXd X(inputs.dim, B), Y(teacher.outputs(), B), Z(net.hidden(), B), R(net.outputs(), B);
    // Chan et al.'s pairwise update of (count, mean, M2): stable for many samples.
    double count = 0, mean = 0, m2 = 0;
    for (Eigen::Index done = 0; done < samples; done += B) {
        const Eigen::Index m = std::min(B, samples - done);
        auto Xm = X.leftCols(m);
        auto Ym = Y.leftCols(m);
        auto Zm = Z.leftCols(m);
        auto Rm = R.leftCols(m);
        inputs.sample_into(Xm, rng);
        teacher.labels_into(Xm, Ym);
        Zm.noalias() = net.W * Xm;
        if (net.has_bias()) Zm.colwise() += net.b;
        Rm.noalias() = net.V.transpose() * Zm.cwiseMax(0.0);
        Rm -= Ym;
        const Eigen::ArrayXd l = 0.5 * Rm.colwise().squaredNorm().transpose().array();
        const double bm = l.mean(), bm2 = (l - bm).square().sum(), bn = static_cast<double>(m);
        const double delta = bm - mean, tot = count + bn;
        mean += delta * bn / tot;
        m2 += bm2 + delta * delta * count * bn / tot;
        count = tot;
    }
    MonteCarloEstimate e;
    e.mean = mean;
    e.samples = samples;
    e.standard_error = std::sqrt(m2 / (count - 1.0) / count);
    return e;
}

MonteCarloGradient monte_carlo_population_gradient(const Network& net, const Teacher& teacher,
                                                   const InputDistribution& inputs, Eigen::Index samples, Rng& rng,
                                                   ReluConvention relu) {
    check_monte_carlo(net, teacher, inputs, samples, "monte_carlo_population_gradient");
    const Eigen::Index B = std::min(kMonteCarloBatch, samples);
    Eigen::MatrixXd X(inputs.dim, B), Y(teacher.outputs(), B), Z(net.hidden(), B), H(net.hidden(), B),
        R(net.outputs(), B), D(net.hidden(), B);
    Network sum = net.zeros_like(), sumsq = net.zeros_like();
    for (Eigen::Index done = 0; done < samples; done += B) {
        const Eigen::Index m = std::min(B, samples - done);
        auto Xm = X.leftCols(m);
        auto Ym = Y.leftCols(m);
        auto Zm = Z.leftCols(m);
        auto Hm = H.leftCols(m);
        auto Rm = R.leftCols(m);
        auto Dm = D.leftCols(m);
        inputs.sample_into(Xm, rng);
        teacher.labels_into(Xm, Ym);
        Zm.noalias() = net.W * Xm;
        if (net.has_bias()) Zm.colwise() += net.b;
        Hm = Zm.cwiseMax(0.0);
        Rm.noalias() = net.V.transpose() * Hm;
        Rm -= Ym;
        Dm.noalias() = net.V * Rm;
        apply_relu_derivative(Dm, Zm, relu.derivative_at_zero);
        // Per-sample gradients: W: D_i x', b: D_i, V: H_i R'. Sums of their squares entry-wise are
        // (D o D)(X o X)', etc.
        sum.W.noalias() += Dm * Xm.transpose();
        sumsq.W.noalias() += Dm.cwiseAbs2() * Xm.cwiseAbs2().transpose();
        if (net.has_bias()) {
            sum.b += Dm.rowwise().sum();
            sumsq.b += Dm.cwiseAbs2().rowwise().sum();
        }
        sum.V.noalias() += Hm * Rm.transpose();
        sumsq.V.noalias() += Hm.cwiseAbs2() * Rm.cwiseAbs2().transpose();
    }
    const double N = static_cast<double>(samples);
    auto finish = [N](const auto& s, const auto& s2, auto& mean, auto& se) {
        mean = s / N;
        se = ((s2.array() - s.array().square() / N).cwiseMax(0.0) / (N - 1.0) / N).sqrt().matrix();
    };
    MonteCarloGradient g;
    g.mean = net.zeros_like();
    g.standard_error = net.zeros_like();
    g.samples = samples;
    finish(sum.W, sumsq.W, g.mean.W, g.standard_error.W);
    finish(sum.V, sumsq.V, g.mean.V, g.standard_error.V);
    if (net.has_bias()) finish(sum.b, sumsq.b, g.mean.b, g.standard_error.b);
    return g;
}

}  // namespace relucert::trainer
