// linear.lemma5: |grad L(W)|_F <= beta |W - W*|_F for all W (Lemma 5, Sec. 6 l. 336; proof E.1.3
// l. 863-916, beta = sqrt(5/2)), reduced exactly to two variables.
//
// Reduction: with g12 = g(w1, w2), g21 = g(w2, w1) (eq. (7)) the rows of the gradient are
// grad_1 = P1 - a/2, grad_2 = P2 + a/2 with P1 = w1/2 - g12, P2 = w2/2 - g21 (linear.grad-k2), so
//   Q(a) := |grad L|^2 - beta^2 |W - W*|^2 = |P1 - a/2|^2 + |P2 + a/2|^2 - beta^2 (|w1 - a|^2 + |w2 + a|^2)
// is a quadratic in a with leading coefficient 1/2 - 2 beta^2 < 0 (beta^2 > 1/4): concave, maximal at
//   a* = (P1 - P2 - 2 beta^2 (w1 - w2)) / (1 - 4 beta^2),
// which lies in span(w1, w2) (components of a orthogonal to it only lower Q). Lemma 5 <=> -Q(a*) >= 0
// for all w1, w2; -Q(a*) is homogeneous of degree 2 in (w1, w2) and rotation invariant, so a function of
// (theta, r) times a norm squared: the same (u, t) coordinates as linear.lemma4 (reduced.hpp), computed
// in the plane of w1, w2 with w1 = |w1| e1, w2 = |w2| (cos theta, sin theta).
// Tight: (u, t) = (1, 1/2) is W = W* (every beta); at beta^2 = 1/2, (0, 0) (w2 -> 0, theta = 0, a -> 0,
// where |grad L|^2 / |W - W*|^2 -> 1/2): the best constant is beta = 1/sqrt(2), not the paper's sqrt(5/2).
#include "linear/reduced.hpp"
#include "relucert/engine/claim.hpp"

namespace relucert::linear {
namespace {

template <class T>
struct Vec2 {
    T x, y;
};
template <class T>
Vec2<T> operator+(const Vec2<T>& a, const Vec2<T>& b) { return {T(a.x + b.x), T(a.y + b.y)}; }
template <class T>
Vec2<T> operator-(const Vec2<T>& a, const Vec2<T>& b) { return {T(a.x - b.x), T(a.y - b.y)}; }
template <class T>
Vec2<T> operator*(const T& k, const Vec2<T>& a) { return {T(k * a.x), T(k * a.y)}; }
template <class T>
T norm2(const Vec2<T>& a) { return a.x * a.x + a.y * a.y; }

// -max_a Q(a) at |w1| = 1 - t, |w2| = t, theta = pi u, beta^2 = b2.
template <class T>
T minus_max_q(const T& u, const T& t, const T& b2) {
    const AngleTerms<T> A = angle_terms(u);
    const T n1 = T(1) - t, n2 = t;
    const T sin_theta = pi<T>() * A.s;
    const Vec2<T> e1{T(1), T(0)}, e2{A.c, sin_theta};  // unit vectors along w1, w2
    const Vec2<T> w1 = n1 * e1, w2 = n2 * e2;
    // g(a, b) = (1/2pi)(|b| sin theta abar + (pi - theta) b) = (|b| s / 2) abar + ((1 - u) / 2) b
    const T half(T(1) / T(2));
    const T one_minus_u_half = (T(1) - u) * half;
    const Vec2<T> g12 = T(n2 * A.s * half) * e1 + one_minus_u_half * w2;
    const Vec2<T> g21 = T(n1 * A.s * half) * e2 + one_minus_u_half * w1;
    const Vec2<T> P1 = half * w1 - g12, P2 = half * w2 - g21;
    const Vec2<T> a = T(T(1) / (T(1) - T(4) * b2)) * (P1 - P2 - T(T(2) * b2) * (w1 - w2));
    const T q = norm2(P1 - half * a) + norm2(P2 + half * a) - b2 * (norm2(w1 - a) + norm2(w2 + a));
    return -q;
}

struct Lemma5 {
    template <class T>
    T operator()(const T* x, const T* p) const {
        return minus_max_q(x[0], x[1], p[0]);
    }
};

engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "linear.lemma5";
    c.reference = "Lemma 5 (Sec. 6, l. 336), proof E.1.3 (l. 863-916)";
    c.statement = "|grad L(W)|_F^2 <= beta^2 |W - W*|_F^2 for all W, reduced to -max_a Q(a) >= 0 on (theta, r) in [0, pi] x [0, inf]";
    c.variables = {{"u", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "theta / pi, theta = angle(w1, w2)"},
                   {"t", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "|w2| / (|w1| + |w2|)"}};
    c.parameters = {{"beta2", Rational(5, 2), "beta^2 (paper: beta = sqrt(5/2)); the reduction needs beta^2 > 1/4"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "maximum over a taken exactly (concave quadratic). Tight at W = W* (u,t) = (1,1/2); best beta^2 = 1/2, "
              "tight in the limit w2 -> 0, theta = 0, a -> 0.";
    return c;
}

const engine::ClaimRegistration reg(engine::make_claim<2>(info(), Lemma5{}));

}  // namespace
}  // namespace relucert::linear
