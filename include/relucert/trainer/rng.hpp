// Seeded, reproducible random numbers for the trainer.
//
// std::mt19937_64's output sequence is fixed by the C++ standard, but std::normal_distribution and
// std::uniform_real_distribution are not (each standard library may use a different algorithm), so the
// trainer never uses them: uniforms are built from the top 53 bits of a 64-bit draw, normals by the
// Box-Muller transform written here. The only remaining platform dependence is libm's log/sin/cos in
// the last ulp (glibc's are correctly rounded or nearly so; results are bit-identical on one platform).
#pragma once

#include <cstdint>
#include <random>

#include <Eigen/Core>

namespace relucert::trainer {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    std::uint64_t next_u64() { return engine_(); }
    // Uniform on [0, 1): k * 2^-53 for k uniform in [0, 2^53).
    double uniform01() { return static_cast<double>(engine_() >> 11) * 0x1p-53; }
    // Uniform on [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }
    // Standard normal (Box-Muller, both variates of a pair used in turn).
    double normal();
    // Uniform integer in [0, n), n > 0 (rejection sampling, no modulo bias).
    std::uint64_t below(std::uint64_t n);
    // An independent stream for a sub-task (trial t of an experiment, ...): seeded from this one.
    Rng split() { return Rng(engine_() ^ 0x9E3779B97F4A7C15ull); }

    // Fill with i.i.d. N(0, sigma^2) / U([lo, hi)).
    void fill_normal(Eigen::Ref<Eigen::MatrixXd> m, double sigma = 1.0);
    void fill_uniform(Eigen::Ref<Eigen::MatrixXd> m, double lo, double hi);

private:
    std::mt19937_64 engine_;
    double spare_ = 0.0;
    bool has_spare_ = false;
};

}  // namespace relucert::trainer
