// Claims: "f(x) REL 0 for all x in D", as data plus one generic function, behind a type-erased
// interface the engine and the checker use without knowing the claim.
//
// A claim file (certify/<paper>/<name>.cpp) writes f once as a generic functor
//     struct F { template <class T> T operator()(const T* x, const T* p) const; };
// (x: the claim's variables in its own coordinates, p: its parameters, both as T), fills a ClaimInfo
// (id, paper reference, statement, variables with exact domains, parameters with exact values, the
// relation, the expected verdict) and registers
//     static relucert::engine::ClaimRegistration reg(relucert::engine::make_claim<N>(info, F{}));
// FunctionClaim<N, F> instantiates f on every scalar the engine needs: double (guesses), Interval
// (natural extension), Dual<Interval, N> (gradient: mean-value form, monotonicity), nested Dual
// (Hessian), Taylor<Interval, K> (Lagrange remainders), Exact (value, gradient and Taylor coefficients
// at tight points, exactly), and the same on MpInterval for the checker.
//
// Rules for f (the claim layer's obligations; see DEVELOPERS.md):
//   * f must be defined (and, where the engine differentiates, smooth) on the whole closed domain;
//     removable singularities are written in a form intervals evaluate (the claim's job).
//   * unbounded variables: a variable with an infinite endpoint is compactified by the engine with
//     the declared map x = lo + s/(1-s), s in [0, 1] (or its mirror images); f is still written in
//     x. The engine never bisects at infinity and never uses a value "at" infinity: the point s = 1 is
//     only ever the end of a box whose bound holds on all of [x0, inf).
//   * constants come from pi<T>() / from_rational<T>(); a double literal must be exact (2, 0.5).
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relucert/dual.hpp"
#include "relucert/engine/exact_value.hpp"
#include "relucert/interval.hpp"
#include "relucert/mp_interval.hpp"
#include "relucert/rational.hpp"
#include "relucert/taylor.hpp"

namespace relucert::ad {
// Exact values decide signs exactly; their "hull" is exact when both sides are the same number.
template <class E>
struct interval_traits<engine::Exact<E>> {
    static constexpr bool is_interval = true;
    static engine::Exact<E> join(const engine::Exact<E>& a, const engine::Exact<E>& b) {
        if (a.is_exact() && b.is_exact() && a.exact() == b.exact()) return a;
        return engine::Exact<E>::inexact(hull(a.enclosure(), b.enclosure()));
    }
    static bool certainly_positive(const engine::Exact<E>& x) { return x.certainly_positive(); }
    static bool certainly_negative(const engine::Exact<E>& x) { return x.certainly_negative(); }
};
}  // namespace relucert::ad

namespace relucert::engine {

using ExactI = Exact<Interval>;    // the search's exact type
using ExactM = Exact<MpInterval>;  // the checker's exact type
inline constexpr int kTaylorOrder = 7;  // Taylor coefficients c[0..7]: contact up to order 6

enum class Relation { GreaterEq, Greater, LessEq, Less };  // f REL 0
enum class Verdict { Certified, Refuted, Undecided };
std::string to_string(Relation r);    // ">=", ">", "<=", "<"
std::string to_string(Verdict v);     // "CERTIFIED", "REFUTED", "UNDECIDED"
// +1 when the claim is g = f >= 0 (or > 0), -1 when it is g = -f >= 0.
inline int relation_sign(Relation r) { return (r == Relation::GreaterEq || r == Relation::Greater) ? 1 : -1; }
inline bool relation_strict(Relation r) { return r == Relation::Greater || r == Relation::Less; }

// An exact domain endpoint a + b*pi, or -inf / +inf (infinity = -1 / +1).
struct Endpoint {
    PiAffine value;
    int infinity = 0;
    static Endpoint finite(const Rational& q) { return {PiAffine{q, 0}, 0}; }
    static Endpoint pi_multiple(const Rational& q) { return {PiAffine{0, q}, 0}; }
    static Endpoint inf(int sign) { return {PiAffine{}, sign}; }
    std::string text() const;  // "0", "pi", "1/2", "inf", "-inf"
};

struct VariableSpec {
    std::string name;
    Endpoint lo, hi;
    std::string meaning;  // one line, e.g. "angle between w and v"
};

struct ParameterSpec {
    std::string name;
    Rational value;  // default (the paper's value)
    std::string meaning;
};

struct ClaimInfo {
    std::string id;         // "paper.name"
    std::string reference;  // "Lemma 4, Sec. 3.2, eq. (12)"
    std::string statement;  // one line
    std::vector<VariableSpec> variables;
    std::vector<ParameterSpec> parameters;
    Relation relation = Relation::GreaterEq;
    Verdict expected = Verdict::Certified;
    std::string notes;      // reductions, compactification, known tight points
};

// The type-erased claim. Every method evaluates f itself (not sign-normalised) at claim-variable
// values x (dim() of them) and parameters p (info().parameters.size() of them).
class Claim {
public:
    explicit Claim(ClaimInfo info);
    virtual ~Claim();
    const ClaimInfo& info() const { return info_; }
    int dim() const { return static_cast<int>(info_.variables.size()); }
    int num_params() const { return static_cast<int>(info_.parameters.size()); }
    int param_index(std::string_view name) const;  // -1 if none

    virtual double eval(const double* x, const double* p) const = 0;
    virtual Interval eval(const Interval* x, const Interval* p) const = 0;
    virtual Interval gradient(const Interval* x, const Interval* p, Interval* g) const = 0;
    // Value, gradient and Hessian h (row-major dim x dim) enclosures over the box x.
    virtual Interval hessian(const Interval* x, const Interval* p, Interval* g, Interval* h) const = 0;
    // c[0..kTaylorOrder]: Taylor coefficients in variable `var` (others fixed at x[j]) on the
    // interval x[var]: c[k] encloses d^k f / dx_var^k / k! over the box.
    virtual void taylor(const Interval* x, const Interval* p, int var, Interval* c) const = 0;
    // Enclosure of d f / d p_j over the box x and the parameter intervals p (for `relucert best`).
    virtual Interval parameter_derivative(const Interval* x, const Interval* p, int j) const = 0;
    virtual ExactI eval(const ExactI* x, const ExactI* p) const = 0;
    virtual ExactI gradient(const ExactI* x, const ExactI* p, ExactI* g) const = 0;
    virtual void taylor(const ExactI* x, const ExactI* p, int var, ExactI* c) const = 0;

    // The checker's instantiations (MPFR intervals; Exact with MPFR enclosures).
    virtual MpInterval eval(const MpInterval* x, const MpInterval* p) const = 0;
    virtual MpInterval gradient(const MpInterval* x, const MpInterval* p, MpInterval* g) const = 0;
    virtual MpInterval hessian(const MpInterval* x, const MpInterval* p, MpInterval* g, MpInterval* h) const = 0;
    virtual void taylor(const MpInterval* x, const MpInterval* p, int var, MpInterval* c) const = 0;
    virtual ExactM eval(const ExactM* x, const ExactM* p) const = 0;
    virtual ExactM gradient(const ExactM* x, const ExactM* p, ExactM* g) const = 0;
    virtual void taylor(const ExactM* x, const ExactM* p, int var, ExactM* c) const = 0;

    // Constraints (claim files, docs/claim-files.md): the claim is then "f REL 0 at every point of the
    // domain where every constraint holds". A constraint is itself a Claim over the same variables,
    // without parameters, whose own relation says when a point is feasible (c(x) <= 0, ...). Built-in
    // claims have none, and without constraints the engine behaves exactly as before. With them, the
    // search may close a box by proving one constraint violated on all of it ("infeasible" evidence,
    // replayed by the checker) and accepts a counterexample only at a point proven feasible.
    const std::vector<std::shared_ptr<const Claim>>& constraints() const { return constraints_; }
    void add_constraint(std::shared_ptr<const Claim> c);  // std::invalid_argument on a mismatch

private:
    ClaimInfo info_;
    std::vector<std::shared_ptr<const Claim>> constraints_;
};

template <int N, class F>
class FunctionClaim final : public Claim {
public:
    FunctionClaim(ClaimInfo info, F f) : Claim(std::move(info)), f_(std::move(f)) {
        if (dim() != N) throw std::logic_error("FunctionClaim: dimension does not match the variables");
    }

    double eval(const double* x, const double* p) const override { return f_(x, p); }
    Interval eval(const Interval* x, const Interval* p) const override { return f_(x, p); }
    Interval gradient(const Interval* x, const Interval* p, Interval* g) const override { return grad(x, p, g); }
    Interval hessian(const Interval* x, const Interval* p, Interval* g, Interval* h) const override {
        return hess(x, p, g, h);
    }
    void taylor(const Interval* x, const Interval* p, int var, Interval* c) const override { tay(x, p, var, c); }
    Interval parameter_derivative(const Interval* x, const Interval* p, int j) const override {
        using D = Dual<Interval, 1>;
        std::array<D, N> X;
        for (int i = 0; i < N; ++i) X[i] = D(x[i]);
        auto P = lift_params<D>(p);
        P[static_cast<std::size_t>(j)] = D::variable(p[j], 0);
        return f_(X.data(), P.data()).d[0];
    }
    ExactI eval(const ExactI* x, const ExactI* p) const override { return f_(x, p); }
    ExactI gradient(const ExactI* x, const ExactI* p, ExactI* g) const override { return grad(x, p, g); }
    void taylor(const ExactI* x, const ExactI* p, int var, ExactI* c) const override { tay(x, p, var, c); }
    MpInterval eval(const MpInterval* x, const MpInterval* p) const override { return f_(x, p); }
    MpInterval gradient(const MpInterval* x, const MpInterval* p, MpInterval* g) const override { return grad(x, p, g); }
    MpInterval hessian(const MpInterval* x, const MpInterval* p, MpInterval* g, MpInterval* h) const override {
        return hess(x, p, g, h);
    }
    void taylor(const MpInterval* x, const MpInterval* p, int var, MpInterval* c) const override { tay(x, p, var, c); }
    ExactM eval(const ExactM* x, const ExactM* p) const override { return f_(x, p); }
    ExactM gradient(const ExactM* x, const ExactM* p, ExactM* g) const override { return grad(x, p, g); }
    void taylor(const ExactM* x, const ExactM* p, int var, ExactM* c) const override { tay(x, p, var, c); }

private:
    template <class S, class T>
    std::vector<S> lift_params(const T* p) const {
        std::vector<S> out;
        out.reserve(static_cast<std::size_t>(num_params()));
        for (int j = 0; j < num_params(); ++j) out.emplace_back(S(p[j]));
        return out;
    }
    template <class T>
    T grad(const T* x, const T* p, T* g) const {
        using D = Dual<T, N>;
        std::array<D, N> X;
        for (int i = 0; i < N; ++i) X[i] = D::variable(x[i], i);
        const auto P = lift_params<D>(p);
        const D r = f_(X.data(), P.data());
        for (int i = 0; i < N; ++i) g[i] = r.d[i];
        return r.v;
    }
    template <class T>
    T hess(const T* x, const T* p, T* g, T* h) const {
        using D1 = Dual<T, N>;
        using D2 = Dual<D1, N>;
        std::array<D2, N> X;
        for (int i = 0; i < N; ++i) {
            X[i] = D2(D1::variable(x[i], i));
            X[i].d[i] = D1(T(1));
        }
        const auto P = lift_params<D2>(p);
        const D2 r = f_(X.data(), P.data());
        for (int i = 0; i < N; ++i) {
            g[i] = r.v.d[i];
            for (int j = 0; j < N; ++j) h[i * N + j] = r.d[i].d[j];
        }
        return r.v.v;
    }
    template <class T>
    void tay(const T* x, const T* p, int var, T* c) const {
        // A claim whose f uses abs/min/max (no Taylor series) declares `static constexpr bool
        // no_taylor = true;` in its functor: the Taylor argument is then unavailable (never unsound).
        if constexpr (requires { F::no_taylor; }) {
            (void)x, (void)p, (void)var, (void)c;
            throw DomainError("claim has no Taylor expansion (non-smooth f)");
        } else {
            tay_impl(x, p, var, c);
        }
    }
    template <class T>
    void tay_impl(const T* x, const T* p, int var, T* c) const {
        using TS = Taylor<T, kTaylorOrder>;
        std::array<TS, N> X;
        for (int i = 0; i < N; ++i) X[i] = (i == var) ? TS::variable(x[i]) : TS::constant(x[i]);
        const auto P = lift_params<TS>(p);
        const TS r = f_(X.data(), P.data());
        for (int k = 0; k <= kTaylorOrder; ++k) c[k] = r.c[static_cast<std::size_t>(k)];
    }
    F f_;
};

template <int N, class F>
std::unique_ptr<Claim> make_claim(ClaimInfo info, F f) {
    return std::make_unique<FunctionClaim<N, F>>(std::move(info), std::move(f));
}

// ---- the registry ------------------------------------------------------------------------------
// All claims, sorted by id. Registration happens during static initialisation of the claim files.
std::vector<const Claim*> all_claims();
const Claim* find_claim(std::string_view id);
// Ids close to `id` (edit distance, shared prefix), best first, for "did you mean" messages.
std::vector<std::string> similar_claim_ids(std::string_view id, std::size_t max = 3);

struct ClaimRegistration {
    explicit ClaimRegistration(std::unique_ptr<Claim> claim);  // aborts on a duplicate id
};

}  // namespace relucert::engine
