// Euclidean projections for projected gradient descent (Soltanolkotabi 2017, eq. (3.2):
// w_{t+1} = P_K(w_t - eta grad L(w_t)), K = {w : R(w) <= R}).
//
//   l0 "ball" {|w|_0 <= s}: keep the s entries of largest magnitude (iterative hard thresholding); ties
//       are broken towards the lower index, so the result is deterministic. Not convex: this is one
//       of the (possibly several) nearest points.
//   l1 ball {|w|_1 <= R}: soft thresholding at the tau found by sorting (Duchi, Shalev-Shwartz, Singer &
//       Chandra 2008, Fig. 1).
//   l2 ball {|w|_2 <= R}: radial scaling.
// Vectors are projected in place; the scratch arguments let a caller reuse memory across iterations.
#pragma once

#include <vector>

#include <Eigen/Core>

namespace relucert::trainer {

void project_l2_ball(Eigen::Ref<Eigen::VectorXd> x, double radius);
void project_l1_ball(Eigen::Ref<Eigen::VectorXd> x, double radius, std::vector<double>& scratch);
void project_l0(Eigen::Ref<Eigen::VectorXd> x, Eigen::Index sparsity, std::vector<Eigen::Index>& scratch);

struct Projection {
    enum class Kind { none, l0, l1_ball, l2_ball };
    Kind kind = Kind::none;
    double radius = 0.0;         // l1, l2
    Eigen::Index sparsity = 0;   // l0
    bool per_row = false;        // project each hidden unit w_i separately, else the whole W as one vector

    static Projection none() { return {}; }
    static Projection l0(Eigen::Index s, bool per_row = false) { return {Kind::l0, 0.0, s, per_row}; }
    static Projection l1_ball(double r, bool per_row = false) { return {Kind::l1_ball, r, 0, per_row}; }
    static Projection l2_ball(double r, bool per_row = false) { return {Kind::l2_ball, r, 0, per_row}; }
    // Throws TrainerError for a negative or non-finite radius, or a negative sparsity.
    void check() const;
};

// Applies a Projection to a matrix, owning the scratch memory (sized on first use).
class Projector {
public:
    explicit Projector(Projection p);
    void apply(Eigen::MatrixXd& W);
    const Projection& projection() const { return p_; }

private:
    Projection p_;
    Eigen::VectorXd row_;
    std::vector<double> scratch_values_;
    std::vector<Eigen::Index> scratch_index_;
    void apply_vector(Eigen::Ref<Eigen::VectorXd> x);
};

}  // namespace relucert::trainer
