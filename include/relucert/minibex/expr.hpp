// Expressions of claim files (Minibex, see docs/claim-files.md): a DAG of nodes in topological order
// (every operand precedes its user), and one generic interpreter
//     template <class T> T eval(const Program&, const T* x)
// that serves every scalar the engine uses (double, Interval, Dual, nested Dual, Taylor, Exact,
// MpInterval, Exact<MpInterval>), so a claim file is instantiated exactly like a hand-written claim.
//
// Constants are exact: a Const node holds a Rational (decimal literals such as 0.3 are the exact
// decimal 3/10), Pi is pi. Conventions where the mathematics leaves a choice:
//   * x^n with an integer constant n is the integer power pow(x, n); x^(1/2) is sqrt(x); any other
//     exponent y is exp(y ln x), which is a DomainError unless x is certainly > 0 on the argument.
//   * sign(x) is -1, 0, +1. On an interval containing 0 it is the hull [-1, 1]; derivative types
//     (Dual, Taylor) refuse to differentiate it (DomainError) unless x has a certain nonzero sign on
//     the argument, where sign is locally constant. The engine then simply gets no derivative
//     information for that box (no mean-value form, monotonicity or tight-point argument there).
//   * abs, min, max: the Lipschitz rules of dual.hpp; Taylor has no kinks, so a Program containing
//     them reports has_kinks() and the claim layer disables the Taylor argument.
//   * atan2 has no Taylor series here (DomainError) and no exact values (an enclosure).
#pragma once

#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

#include "relucert/dual.hpp"
#include "relucert/engine/exact_value.hpp"
#include "relucert/interval.hpp"
#include "relucert/mp_interval.hpp"
#include "relucert/rational.hpp"
#include "relucert/scalar.hpp"
#include "relucert/taylor.hpp"

namespace relucert::engine {
// atan2 on exact values: no classical exact values are needed by claim files, so the result is the
// enclosure of atan2 on the operands' enclosures (found by ADL from the interpreter and from Dual).
template <class E>
Exact<E> atan2(const Exact<E>& y, const Exact<E>& x) {
    using relucert::atan2;
    return Exact<E>::inexact(atan2(y.enclosure(), x.enclosure()));
}
}  // namespace relucert::engine

namespace relucert::minibex {

enum class Op {
    Const, Pi, Var,
    Neg, Add, Sub, Mul, Div,
    PowInt,   // a ^ n, n = Node::index
    PowReal,  // exp(b ln a)
    Sqrt, Exp, Log, Sin, Cos, Tan, Asin, Acos, Atan, Atan2,
    Abs, Min, Max, Sign, Erf, Erfc, Phi
};
const char* op_name(Op op);  // "sqrt", "+", ...

struct Node {
    Op op = Op::Const;
    int a = -1, b = -1;  // operand node indices (earlier in the program)
    int index = 0;       // Var: variable index; PowInt: the exponent
    Rational value;      // Const
};

// A straight-line program: nodes in topological order, the result is the last node.
struct Program {
    std::vector<Node> nodes;
    std::vector<Interval> const_enclosure;  // per node (Const only): enclose(value), precomputed
    bool has_kinks() const;     // abs, min, max or sign
    bool has_taylor_gaps() const;  // atan2 or sign (no Taylor expansion through them)
    std::string text(const std::vector<std::string>& var_names) const;  // infix, fully parenthesised
};

namespace detail {
template <class T>
struct is_taylor : std::false_type {};
template <class T, int K>
struct is_taylor<Taylor<T, K>> : std::true_type {};
template <class T>
struct is_exact : std::false_type {};
template <class E>
struct is_exact<engine::Exact<E>> : std::true_type {};

// +1 / -1: certain sign on the whole argument; 0: exactly zero (a point); 2: undecided.
template <class T>
int definite_sign(const T& x) {
    if constexpr (std::is_floating_point_v<T>) {
        return x > 0 ? 1 : (x < 0 ? -1 : 0);
    } else if constexpr (ad::is_dual_v<T>) {
        return definite_sign(x.v);
    } else if constexpr (is_taylor<T>::value) {
        return definite_sign(x.c[0]);
    } else if constexpr (is_exact<T>::value) {
        if (x.is_exact_zero()) return 0;
        if (x.certainly_positive()) return 1;
        if (x.certainly_negative()) return -1;
        return 2;
    } else {
        if (x.certainly_positive()) return 1;
        if (x.certainly_negative()) return -1;
        if (x.certainly_nonnegative() && x.certainly_nonpositive()) return 0;
        return 2;
    }
}

template <class T>
T sign_of(const T& x) {
    const int s = definite_sign(x);
    if constexpr (ad::is_dual_v<T> || is_taylor<T>::value) {
        // locally constant where the sign is certain and nonzero; no derivative across the jump
        if (s == 1 || s == -1) return T(s);
        throw DomainError("sign: not differentiable where its argument may be 0");
    } else if constexpr (std::is_floating_point_v<T>) {
        return T(s);
    } else if constexpr (is_exact<T>::value) {
        if (s != 2) return T(s);
        using E = std::decay_t<decltype(x.enclosure())>;
        return T::inexact(hull(E(-1), E(1)));
    } else {
        if (s != 2) return T(s);
        return hull(T(-1), T(1));
    }
}

template <class T>
T constant(const Program& p, std::size_t k) {
    if constexpr (std::is_same_v<T, Interval>) {
        return p.const_enclosure[k];
    } else if constexpr (std::is_same_v<T, double>) {
        return to_double(p.nodes[k].value);
    } else {
        return from_rational<T>(p.nodes[k].value);
    }
}

[[noreturn]] void no_taylor(const char* what);

// The value part of T (an enclosure over the argument for interval-based types).
template <class T>
const auto& base_value(const T& x) {
    if constexpr (ad::is_dual_v<T>) return base_value(x.v);
    else if constexpr (is_taylor<T>::value) return base_value(x.c[0]);
    else return x;
}
// Claim files are user input: a function applied outside its domain is a DomainError (the engine
// then learns nothing from that box), never the image of the intersection with the domain, which
// interval.hpp's functions would give. double evaluation (untrusted guesses) returns NaN instead.
enum class Dom { Nonnegative, Positive, UnitInterval };
template <class T>
void require_domain(const T& x, Dom d, const char* what) {
    if constexpr (!std::is_floating_point_v<std::decay_t<decltype(base_value(x))>>) {
        const auto& b = base_value(x);
        bool ok = false;
        switch (d) {
            case Dom::Nonnegative: ok = b.certainly_nonnegative(); break;
            case Dom::Positive: ok = b.certainly_positive(); break;
            case Dom::UnitInterval: ok = (b + 1).certainly_nonnegative() && (b - 1).certainly_nonpositive(); break;
        }
        if (!ok) throw DomainError(std::string(what) + ": argument may leave the function's domain");
    }
}
}  // namespace detail

template <class T>
T eval(const Program& prog, const T* x) {
    using std::abs, std::sqrt, std::exp, std::log, std::sin, std::cos, std::tan, std::asin, std::acos, std::atan,
        std::atan2, std::pow, std::erf, std::erfc, std::max, std::min;
    std::vector<T> v;
    v.reserve(prog.nodes.size());
    for (std::size_t k = 0; k < prog.nodes.size(); ++k) {
        const Node& n = prog.nodes[k];
        const T* A = n.a >= 0 ? &v[static_cast<std::size_t>(n.a)] : nullptr;
        const T* B = n.b >= 0 ? &v[static_cast<std::size_t>(n.b)] : nullptr;
        switch (n.op) {
            case Op::Const: v.push_back(detail::constant<T>(prog, k)); break;
            case Op::Pi: v.push_back(pi<T>()); break;
            case Op::Var: v.push_back(x[n.index]); break;
            case Op::Neg: v.push_back(-*A); break;
            case Op::Add: v.push_back(*A + *B); break;
            case Op::Sub: v.push_back(*A - *B); break;
            case Op::Mul: v.push_back(*A * *B); break;
            case Op::Div:
                if constexpr (!std::is_floating_point_v<T>)
                    if (detail::definite_sign(*B) == 0 || detail::definite_sign(*B) == 2)
                        throw DomainError("division: the divisor may be 0");
                v.push_back(*A / *B);
                break;
            case Op::PowInt:
                if (n.index >= 0) v.push_back(pow(*A, n.index));
                else v.push_back(T(1) / pow(*A, -n.index));
                break;
            case Op::PowReal:
                detail::require_domain(*A, detail::Dom::Positive, "x^y (non-integer y)");
                v.push_back(exp(*B * log(*A)));
                break;
            case Op::Sqrt: detail::require_domain(*A, detail::Dom::Nonnegative, "sqrt"); v.push_back(sqrt(*A)); break;
            case Op::Exp: v.push_back(exp(*A)); break;
            case Op::Log: detail::require_domain(*A, detail::Dom::Positive, "ln"); v.push_back(log(*A)); break;
            case Op::Sin: v.push_back(sin(*A)); break;
            case Op::Cos: v.push_back(cos(*A)); break;
            case Op::Tan: v.push_back(tan(*A)); break;
            case Op::Asin: detail::require_domain(*A, detail::Dom::UnitInterval, "asin"); v.push_back(asin(*A)); break;
            case Op::Acos: detail::require_domain(*A, detail::Dom::UnitInterval, "acos"); v.push_back(acos(*A)); break;
            case Op::Atan: v.push_back(atan(*A)); break;
            case Op::Erf: v.push_back(erf(*A)); break;
            case Op::Erfc: v.push_back(erfc(*A)); break;
            case Op::Phi: v.push_back(gaussian_cdf(*A)); break;
            case Op::Sign: v.push_back(detail::sign_of(*A)); break;
            case Op::Atan2:
                if constexpr (detail::is_taylor<T>::value) detail::no_taylor("atan2");
                else v.push_back(atan2(*A, *B));
                break;
            case Op::Abs:
                if constexpr (detail::is_taylor<T>::value) detail::no_taylor("abs");
                else v.push_back(abs(*A));
                break;
            case Op::Min:
                if constexpr (detail::is_taylor<T>::value) detail::no_taylor("min");
                else v.push_back(min(*A, *B));
                break;
            case Op::Max:
                if constexpr (detail::is_taylor<T>::value) detail::no_taylor("max");
                else v.push_back(max(*A, *B));
                break;
        }
    }
    return v.back();
}

}  // namespace relucert::minibex
