// The Theorem 8 datasets of the claim inventory (n = d = 3, X = [x_1 x_2 x_3], v* = e_3,
// y_i = relu(v*' x_i)) and the exact 3 x 3 linear algebra the Theorem 8 checks need, written once as
// templates on the scalar (Rational for the exact checks, double for untrusted searches, Interval /
// the engine's types inside claims).
//
// Chistikov, Englert & Lazic, Sec. 7 (l. 236-241): [chi_1, ..., chi_d]' := X^{-1}, i.e. the chi_k are
// the rows of the inverse, chi_k' x_i = [k = i]. For d = 3, chi_k = (x_{k+1} x x_{k+2}) / det X.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "relucert/rational.hpp"

namespace relucert::chistikov {

template <class T>
using Vec3 = std::array<T, 3>;

template <class T>
T dot(const Vec3<T>& a, const Vec3<T>& b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
template <class T>
Vec3<T> cross(const Vec3<T>& a, const Vec3<T>& b) {
    return {T(a[1] * b[2] - a[2] * b[1]), T(a[2] * b[0] - a[0] * b[2]), T(a[0] * b[1] - a[1] * b[0])};
}
template <class T>
Vec3<T> axpy(const T& alpha, const Vec3<T>& x, const Vec3<T>& y) {  // alpha x + y
    return {T(alpha * x[0] + y[0]), T(alpha * x[1] + y[1]), T(alpha * x[2] + y[2])};
}
template <class T>
Vec3<T> scaled(const T& alpha, const Vec3<T>& x) {
    return {T(alpha * x[0]), T(alpha * x[1]), T(alpha * x[2])};
}
template <class T>
T relu(const T& u) {
    return u > T(0) ? u : T(0);
}

// A Theorem 8 dataset: three training points (the columns of X) and the teacher v* (unit length).
struct Thm8Dataset {
    std::string name;          // "T8-A", "T8-A'", ... as in the inventory
    std::string key;           // id-safe: "A", "Ap", "B", "Bp"
    std::array<Vec3<Rational>, 3> x;
    Vec3<Rational> vstar{Rational(0), Rational(0), Rational(1)};

    Rational label(int i) const { return relu(dot(vstar, x[i])); }  // y_i = relu(v*' x_i)
    Rational det() const { return dot(x[0], cross(x[1], x[2])); }
    // chi_k, the k-th row of X^{-1} (exact).
    Vec3<Rational> chi(int k) const {
        const Rational D = det();
        return scaled(Rational(1) / D, cross(x[(k + 1) % 3], x[(k + 2) % 3]));
    }
};

// T8-A, T8-A', T8-B, T8-B' (shared/claims/chistikov.md, "Datasets to use for Theorem 8").
const std::vector<Thm8Dataset>& thm8_datasets();
const Thm8Dataset& thm8_dataset(const std::string& key);  // throws std::invalid_argument

// An orthogonal example (x_i = c_i e_i) for the remark of Sec. 7 l. 254 (thm8-orthogonal). Its angles
// with v* cannot all be below pi/4 (the squared cosines of three orthogonal directions sum to 1), so it
// is outside the paper's setting; the remark is about the sign of M only.
Thm8Dataset orthogonal_example();

}  // namespace relucert::chistikov
