// Shared pieces of the linear paper's experiments (certify/experiments/linear_*.cpp): the paper's common
// setup (Section 4, l. 113-119: a = e_1, v half +1 / half -1, Xavier normal times alpha), population
// GD runs with recorded hidden units, 2-D projections for the neuron-trajectory figures, pairing of
// hidden units (Section 4.2), and small output helpers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "relucert/trainer/experiment.hpp"
#include "relucert/trainer/network.hpp"
#include "relucert/trainer/rng.hpp"
#include "relucert/trainer/svg_plot.hpp"
#include "relucert/trainer/trajectory.hpp"

namespace relucert::experiments::linear {

std::string fmt(const char* f, double x);
// e_i in R^d.
Eigen::VectorXd basis(Eigen::Index d, Eigen::Index i);
// v = [+1 x k/2, -1 x k/2] (k even): "half of v as +1 and remaining half as -1" (l. 126).
Eigen::MatrixXd half_signs(Eigen::Index k);
// A unit vector orthogonal to a (random: "a randomly selected orthogonal direction", Fig. 1-2 captions).
Eigen::VectorXd random_orthogonal_unit(const Eigen::VectorXd& a, trainer::Rng& rng);

// Population GD (closed form) on y = A x with the given trainable parts and plain or scaled step;
// records W and V every `record_every` iterations (and the last). Stops early once the loss is below
// stop_loss (0: never). Returns false in `diverged` if the iterate stopped being finite.
struct PopulationRun {
    std::vector<Eigen::MatrixXd> W, V;   // snapshots
    std::vector<double> loss, iteration;  // at the snapshots
    std::vector<double> all_loss;         // every iteration
    trainer::Network final;
    double final_loss = 0;
    bool diverged = false;
};
struct PopulationRunOptions {
    double mu = 0.1;
    std::size_t iterations = 1000;
    std::size_t record_every = 10;
    double stop_loss = 0.0;
    bool train_outer = false;
    int scaling = 0;  // 0 none, 1 diag(v)^-2, 2 1/|v_i|
};
PopulationRun run_population_gd(const trainer::Network& start, const Eigen::MatrixXd& A, const PopulationRunOptions& o);

// Hidden-unit trajectories projected on (a, u): one series per unit (x = <w_i, a>/|a|, y = <w_i, u>),
// coloured red for v_i > 0 and blue for v_i < 0 (as in Figures 1, 2, 9).
std::vector<trainer::PlotSeries> unit_trajectories(const std::vector<Eigen::MatrixXd>& Ws, const Eigen::MatrixXd& V,
                                                    const Eigen::VectorXd& a, const Eigen::VectorXd& u);

// Pairs (i, j) of rows of M matched so that M_i ~ -M_j: greedy on the score |M_i + M_j| / (|M_i| + |M_j|),
// smallest first. k must be even. Returns the pairs and their scores.
struct Pairing {
    std::vector<std::pair<int, int>> pairs;
    std::vector<double> score;
    double worst() const;
};
Pairing antipodal_pairing(const Eigen::MatrixXd& M);
// The score of the given pairs on another matrix (the W of the same units).
std::vector<double> pairing_scores(const Eigen::MatrixXd& M, const std::vector<std::pair<int, int>>& pairs);

void write_text(const std::filesystem::path& path, const std::string& text);
// CSV: "# " comment lines, then the trajectory.
void write_csv(const std::filesystem::path& path, const std::vector<std::string>& comments, const trainer::Trajectory& t);

}  // namespace relucert::experiments::linear
