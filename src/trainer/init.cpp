#include "relucert/trainer/init.hpp"

#include <cmath>

namespace relucert::trainer::init {

namespace {
void check_shape(Eigen::Index rows, Eigen::Index cols, const char* who) {
    if (rows < 1 || cols < 1) throw TrainerError(std::string(who) + ": rows and columns must be at least 1");
}
}  // namespace

Eigen::MatrixXd zeros(Eigen::Index rows, Eigen::Index cols) {
    check_shape(rows, cols, "init::zeros");
    return Eigen::MatrixXd::Zero(rows, cols);
}

Eigen::MatrixXd gaussian(Eigen::Index rows, Eigen::Index cols, double sigma, Rng& rng) {
    check_shape(rows, cols, "init::gaussian");
    if (!(sigma >= 0) || !std::isfinite(sigma)) throw TrainerError("init::gaussian: sigma must be finite and >= 0");
    Eigen::MatrixXd m(rows, cols);
    rng.fill_normal(m, sigma);
    return m;
}

Eigen::MatrixXd xavier_normal(Eigen::Index rows, Eigen::Index cols, double alpha, Rng& rng) {
    check_shape(rows, cols, "init::xavier_normal");
    if (!(alpha >= 0) || !std::isfinite(alpha)) throw TrainerError("init::xavier_normal: alpha must be finite and >= 0");
    Eigen::MatrixXd m(rows, cols);
    rng.fill_normal(m, std::sqrt(2.0 / static_cast<double>(rows + cols)));
    return alpha * m;
}

Eigen::MatrixXd uniform(Eigen::Index rows, Eigen::Index cols, double lo, double hi, Rng& rng) {
    check_shape(rows, cols, "init::uniform");
    if (!(lo < hi) || !std::isfinite(lo) || !std::isfinite(hi)) throw TrainerError("init::uniform: need lo < hi, finite");
    Eigen::MatrixXd m(rows, cols);
    rng.fill_uniform(m, lo, hi);
    return m;
}

Network balanced(const Eigen::MatrixXd& Z, const Eigen::VectorXd& signs, double lambda) {
    check_shape(Z.rows(), Z.cols(), "init::balanced");
    if (signs.size() != Z.rows()) throw TrainerError("init::balanced: one sign per hidden unit");
    if (!(lambda > 0) || !std::isfinite(lambda)) throw TrainerError("init::balanced: lambda must be positive");
    Network n;
    n.W = lambda * Z;
    n.V.resize(Z.rows(), 1);
    for (Eigen::Index j = 0; j < Z.rows(); ++j) {
        if (signs(j) != 1.0 && signs(j) != -1.0) throw TrainerError("init::balanced: signs must be +1 or -1");
        const double nw = n.W.row(j).norm();
        if (nw == 0) throw TrainerError("init::balanced: the unscaled hidden units z_j must be non-zero");
        n.V(j, 0) = signs(j) * nw;
    }
    n.check("init::balanced");
    return n;
}

}  // namespace relucert::trainer::init
