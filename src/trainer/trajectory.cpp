#include "relucert/trainer/trajectory.hpp"

#include <cmath>
#include <cstdio>
#include <ostream>

#include "relucert/trainer/network.hpp"
#include "relucert/trainer/quantities.hpp"
#include "relucert/trainer/rate.hpp"

namespace relucert::trainer {

Trajectory::Trajectory(std::vector<std::string> columns) : columns_(std::move(columns)) {
    if (columns_.empty()) throw TrainerError("Trajectory: needs at least one column");
}

void Trajectory::append(std::span<const double> row) {
    if (row.size() != columns_.size())
        throw TrainerError("Trajectory::append: got " + std::to_string(row.size()) + " values for " +
                           std::to_string(columns_.size()) + " columns");
    data_.insert(data_.end(), row.begin(), row.end());
}

std::size_t Trajectory::column_index(const std::string& name) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i] == name) return i;
    throw TrainerError("Trajectory: no column named '" + name + "'");
}

std::vector<double> Trajectory::column(const std::string& name) const {
    const std::size_t c = column_index(name);
    std::vector<double> out(rows());
    for (std::size_t r = 0; r < out.size(); ++r) out[r] = at(r, c);
    return out;
}

void Trajectory::write_csv(std::ostream& os, const std::vector<std::string>& comments) const {
    for (const auto& c : comments) os << "# " << c << "\n";
    for (std::size_t c = 0; c < columns_.size(); ++c) os << (c ? "," : "") << columns_[c];
    os << "\n";
    char buf[40];
    for (std::size_t r = 0; r < rows(); ++r) {
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const double x = at(r, c);
            if (std::isnan(x))
                std::snprintf(buf, sizeof buf, "nan");
            else if (x == std::floor(x) && std::fabs(x) < 1e15)
                std::snprintf(buf, sizeof buf, "%.0f", x);
            else
                std::snprintf(buf, sizeof buf, "%.17g", x);
            os << (c ? "," : "") << buf;
        }
        os << "\n";
    }
}

// ---- quantities ------------------------------------------------------------------------------------

double signed_sum_norm(const Network& net) {
    if (net.outputs() != 1) throw TrainerError("signed_sum_norm: needs r = 1");
    double ss = 0;  // written out so that recording inside the GD loop does not allocate
    for (Eigen::Index c = 0; c < net.W.cols(); ++c) {
        double x = 0;
        for (Eigen::Index i = 0; i < net.W.rows(); ++i) x += std::fabs(net.V(i, 0)) * net.W(i, c);
        ss += x * x;
    }
    return std::sqrt(ss);
}

Eigen::MatrixXd linear_two_unit_optimum(const Network& net, const Eigen::VectorXd& a) {
    if (net.hidden() != 2 || net.outputs() != 1) throw TrainerError("linear_two_unit_optimum: needs k = 2, r = 1");
    if (a.size() != net.input_dim()) throw TrainerError("linear_two_unit_optimum: a has the wrong dimension");
    if (net.V(0, 0) == 0 || net.V(1, 0) == 0) throw TrainerError("linear_two_unit_optimum: needs v_i != 0");
    Eigen::MatrixXd Ws(2, a.size());
    Ws.row(0) = a.transpose() / net.V(0, 0);
    Ws.row(1) = a.transpose() / net.V(1, 0);
    return Ws;
}

double frobenius_distance(const Eigen::MatrixXd& W, const Eigen::MatrixXd& Wstar) {
    if (W.rows() != Wstar.rows() || W.cols() != Wstar.cols()) throw TrainerError("frobenius_distance: shape mismatch");
    return (W - Wstar).norm();
}

double correlation_ratio(const Eigen::MatrixXd& W, const Eigen::MatrixXd& Wstar, const Eigen::MatrixXd& G) {
    if (W.rows() != Wstar.rows() || W.cols() != Wstar.cols() || G.rows() != W.rows() || G.cols() != W.cols())
        throw TrainerError("correlation_ratio: shape mismatch");
    const double dd = (W - Wstar).squaredNorm();
    if (dd == 0) return std::nan("");
    return (W - Wstar).cwiseProduct(G).sum() / dd;
}

double unit_angle(const StridedVector& a, const StridedVector& b) {
    if (a.size() != b.size()) throw TrainerError("unit_angle: dimension mismatch");
    const double na = a.norm(), nb = b.norm();
    if (na == 0 || nb == 0) return std::nan("");
    return 2.0 * std::atan2((a / na - b / nb).norm(), (a / na + b / nb).norm());
}

// ---- rates -----------------------------------------------------------------------------------------

LinearRateFit fit_linear_rate(std::span<const double> q, std::size_t first, std::size_t last) {
    if (last > q.size() || first >= last || last - first < 3)
        throw TrainerError("fit_linear_rate: the window needs at least 3 points");
    double st = 0, sy = 0, stt = 0, sty = 0, syy = 0;
    LinearRateFit f;
    f.first = first;
    f.last = last;
    const double n = static_cast<double>(last - first);
    for (std::size_t t = first; t < last; ++t) {
        if (!(q[t] > 0) || !std::isfinite(q[t])) throw TrainerError("fit_linear_rate: values must be positive and finite");
        const double x = static_cast<double>(t - first), y = std::log(q[t]);
        st += x;
        sy += y;
        stt += x * x;
        sty += x * y;
        syy += y * y;
        if (t + 1 < last) f.max_ratio = std::max(f.max_ratio, q[t + 1] / q[t]);
    }
    const double sxx = stt - st * st / n, sxy = sty - st * sy / n, s_yy = syy - sy * sy / n;
    const double slope = sxy / sxx;
    f.rate = std::exp(slope);
    f.r_squared = s_yy > 0 ? (sxy * sxy) / (sxx * s_yy) : 1.0;
    return f;
}

std::size_t first_at_or_below(std::span<const double> q, std::size_t first, double floor) {
    for (std::size_t t = first; t < q.size(); ++t)
        if (q[t] <= floor) return t;
    return q.size();
}

std::size_t count_increases(std::span<const double> q, std::size_t first, std::size_t last) {
    std::size_t n = 0;
    for (std::size_t t = first; t + 1 < last && t + 1 < q.size(); ++t)
        if (q[t + 1] > q[t]) ++n;
    return n;
}

}  // namespace relucert::trainer
