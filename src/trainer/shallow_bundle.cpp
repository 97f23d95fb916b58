#include "relucert/trainer/shallow_bundle.hpp"

#include <cmath>

#include "relucert/trainer/quantities.hpp"

namespace relucert::trainer {

Eigen::VectorXd balancedness_defects(const Network& net) {
    if (net.outputs() != 1) throw TrainerError("balancedness_defects: needs r = 1");
    Eigen::VectorXd d(net.hidden());
    for (Eigen::Index j = 0; j < net.hidden(); ++j) d(j) = net.V(j, 0) * net.V(j, 0) - net.W.row(j).squaredNorm();
    return d;
}

std::vector<Eigen::Index> active_units(const Network& net, const Eigen::MatrixXd& X) {
    if (X.rows() != net.input_dim()) throw TrainerError("active_units: dimension mismatch");
    std::vector<Eigen::Index> out;
    const Eigen::MatrixXd Z = net.W * X;
    for (Eigen::Index j = 0; j < Z.rows(); ++j)
        if ((Z.row(j).array() > 0).any()) out.push_back(j);
    return out;
}

double max_active_angle(const Network& net, const Eigen::MatrixXd& X, double relative_floor) {
    std::vector<Eigen::Index> act;
    double top = 0;
    for (Eigen::Index j = 0; j < net.hidden(); ++j) top = std::max(top, net.W.row(j).norm());
    for (Eigen::Index j : active_units(net, X))
        if (net.W.row(j).norm() > relative_floor * top) act.push_back(j);
    double best = 0;
    for (std::size_t i = 0; i < act.size(); ++i)
        for (std::size_t k = i + 1; k < act.size(); ++k)
            best = std::max(best, unit_angle(net.W.row(act[i]).transpose(), net.W.row(act[k]).transpose()));
    return best;
}

Eigen::VectorXd bundle_vector(const Network& net, const Eigen::MatrixXd& X) {
    Eigen::VectorXd v = Eigen::VectorXd::Zero(net.input_dim());
    for (Eigen::Index j : active_units(net, X))
        if (net.V(j, 0) > 0) v += net.V(j, 0) * net.W.row(j).transpose();
    return v;
}

BalancedDraw draw_balanced(Eigen::Index m, Eigen::Index d, Rng& rng) {
    BalancedDraw b;
    b.Z.resize(m, d);
    rng.fill_normal(b.Z, 1.0 / std::sqrt(static_cast<double>(d * m)));
    b.signs.resize(m);
    for (Eigen::Index j = 0; j < m; ++j) b.signs(j) = rng.uniform01() < 0.5 ? -1.0 : 1.0;
    return b;
}

TeacherDataset sample_teacher_dataset(DataScheme scheme, Eigen::Index d, Rng& rng) {
    const double rho = scheme == DataScheme::centred ? 1.0 : std::sqrt(2.0) - 1.0;
    const double sd = std::sqrt(rho / static_cast<double>(d));
    for (int attempt = 0; attempt < 1000; ++attempt) {
        Eigen::VectorXd mu(d);
        rng.fill_normal(mu);
        mu.normalize();  // uniform on the sphere
        TeacherDataset t;
        t.X.resize(d, d);
        rng.fill_normal(t.X, sd);
        t.X.colwise() += mu;
        if (scheme == DataScheme::centred) {
            t.vstar = mu;
        } else {
            Eigen::VectorXd x0(d);
            rng.fill_normal(x0, sd);
            x0 += mu;
            t.vstar = x0.normalized();
        }
        const Eigen::VectorXd proj = t.X.transpose() * t.vstar;
        if ((proj.array() <= 0).any()) continue;  // an angle >= pi/2: excluded (Sec. 8)
        t.y = proj;
        t.mu = mu;
        return t;
    }
    throw TrainerError("sample_teacher_dataset: no dataset with all angles below pi/2 in 1000 draws");
}

}  // namespace relucert::trainer
