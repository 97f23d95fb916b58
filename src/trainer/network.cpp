#include "relucert/trainer/network.hpp"

namespace relucert::trainer {

Network Network::single_neuron(const Eigen::VectorXd& w, double bias, bool with_bias) {
    Network n;
    n.W = w.transpose();
    n.V = Eigen::MatrixXd::Ones(1, 1);
    if (with_bias) n.b = Eigen::VectorXd::Constant(1, bias);
    return n;
}

void Network::check(std::string_view who_view) const {
    auto who = [who_view] { return std::string(who_view); };
    if (W.rows() < 1 || W.cols() < 1) throw TrainerError(who() + ": the network needs k >= 1 hidden units and d >= 1");
    if (V.rows() != W.rows() || V.cols() < 1)
        throw TrainerError(who() + ": the outer layer V must be k x r with k = " + std::to_string(W.rows()) +
                           " (got " + std::to_string(V.rows()) + " x " + std::to_string(V.cols()) + ")");
    if (b.size() != 0 && b.size() != W.rows())
        throw TrainerError(who() + ": the hidden bias must have k = " + std::to_string(W.rows()) + " entries or none");
    if (!W.allFinite() || !V.allFinite() || !b.allFinite())
        throw TrainerError(who() + ": the network parameters contain NaN or infinity");
}

Network Network::zeros_like() const {
    Network z;
    z.W = Eigen::MatrixXd::Zero(W.rows(), W.cols());
    z.b = Eigen::VectorXd::Zero(b.size());
    z.V = Eigen::MatrixXd::Zero(V.rows(), V.cols());
    return z;
}

Eigen::MatrixXd Network::predict(const Eigen::MatrixXd& X) const {
    check("Network::predict");
    if (X.rows() != W.cols())
        throw TrainerError("Network::predict: inputs have dimension " + std::to_string(X.rows()) +
                           ", the network expects " + std::to_string(W.cols()));
    Eigen::MatrixXd Z = W * X;
    if (has_bias()) Z.colwise() += b;
    return V.transpose() * Z.cwiseMax(0.0);
}

}  // namespace relucert::trainer
