#include "chistikov/datasets.hpp"

#include <stdexcept>

namespace relucert::chistikov {
namespace {
Vec3<Rational> v3(long a, long b, long c) { return {Rational(a), Rational(b), Rational(c)}; }
}  // namespace

const std::vector<Thm8Dataset>& thm8_datasets() {
    static const std::vector<Thm8Dataset> all = {
        {"T8-A", "A", {v3(9, 0, 10), v3(7, 7, 10), v3(6, -7, 10)}, v3(0, 0, 1)},
        {"T8-A'", "Ap", {v3(9, 0, 10), v3(7, 7, 10), v3(7, -7, 10)}, v3(0, 0, 1)},
        {"T8-B", "B", {v3(1, 0, 2), v3(0, 1, 2), v3(-1, -2, 3)}, v3(0, 0, 1)},
        {"T8-B'", "Bp", {v3(1, 0, 2), v3(0, 1, 2), v3(-1, -1, 2)}, v3(0, 0, 1)},
    };
    return all;
}

const Thm8Dataset& thm8_dataset(const std::string& key) {
    for (const auto& d : thm8_datasets())
        if (d.key == key || d.name == key) return d;
    throw std::invalid_argument("no Theorem 8 dataset '" + key + "'");
}

Thm8Dataset orthogonal_example() {
    // v* = (1, 2, 2) / 3 (unit, rational), x_i = (i+1) e_i.
    Thm8Dataset d{"orthogonal", "orth", {v3(1, 0, 0), v3(0, 2, 0), v3(0, 0, 3)}, {}};
    d.vstar = {Rational(1, 3), Rational(2, 3), Rational(2, 3)};
    return d;
}

}  // namespace relucert::chistikov
