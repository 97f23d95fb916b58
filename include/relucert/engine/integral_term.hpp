// An integral as a term of a claim's function (issue 8: "the certification engine can then use
// integrals as terms of a claim"):
//
//     I(q) = int_{a(q)}^{b(q)} g(s, q) ds,     q = the claim's quantities the integrand depends on,
//
// enclosed by the rigorous 1-D quadrature (quadrature.hpp, Taylor models with a proven remainder). The
// claim functor is generic over the engine's scalars; this term answers per scalar:
//   * Interval (the search): g is integrated with q's box intervals as constants. For every q in the
//     box the Taylor coefficients and the remainder bound of s -> g(s, q) lie in the ones computed
//     with the intervals, so the result encloses {I(q) : q in box}; the limits may be intervals
//     (quadrature's interval-limit rule, which needs a.hi <= b.lo).
//   * MpInterval (the checker's replay): the arguments are widened outward to Interval, integrated as
//     above, and the enclosure returned exactly as an MpInterval (fewer bits, still an enclosure).
//     The replay thus shares the quadrature with the search; it re-evaluates every leaf itself.
//   * double (the search's heuristics only, never a proof): the midpoint of the thin-box enclosure.
//   * any other scalar (Dual, Taylor: derivative arguments; Exact: tight points) -> DomainError. The
//     engine then does without monotonicity, mean-value and Taylor arguments on such a claim and
//     decides by bisection and interval evaluation alone, so a claim with an integral term must not
//     touch zero (no tight points): the margin has to be positive on the whole domain.
// The budget (Options) trades width for time: an unconverged quadrature is still an enclosure.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>

#include "relucert/interval.hpp"
#include "relucert/mp_interval.hpp"
#include "relucert/quadrature.hpp"

namespace relucert::engine {

// The quadrature budget of an integral term: a coarse goal (the engine bisects the claim's box
// anyway) and few pieces, so one evaluation costs about a millisecond.
inline quadrature::Options integral_term_options() {
    quadrature::Options o;
    o.abs_width = 1e-6;
    o.max_pieces = 48;
    return o;
}

namespace detail {
template <std::size_t M, class G>
Interval integral_term_interval(const G& g, const Interval& a, const Interval& b, const std::array<Interval, M>& q,
                                const quadrature::Options& o) {
    auto f = [&](const auto& s) {
        using S = std::decay_t<decltype(s)>;
        std::array<S, M> qs;
        for (std::size_t i = 0; i < M; ++i) qs[i] = S(q[i]);
        return g(s, qs);
    };
    if (!(a.hi() <= b.lo())) throw DomainError("integral term: the limits overlap on this box");
    return quadrature::integrate(f, a, b, o).value;
}
}  // namespace detail

// g: a generic callable g(const S& s, const std::array<S, M>& q) -> S for S = Taylor<Interval, K>.
template <class T, std::size_t M, class G>
T integral_term(const G& g, const T& a, const T& b, const std::array<T, M>& q,
                const quadrature::Options& o = integral_term_options()) {
    if constexpr (std::is_same_v<T, Interval>) {
        return detail::integral_term_interval(g, a, b, q, o);
    } else if constexpr (std::is_same_v<T, MpInterval>) {
        std::array<Interval, M> qi;
        for (std::size_t i = 0; i < M; ++i) qi[i] = q[i].to_interval();
        return MpInterval(detail::integral_term_interval(g, a.to_interval(), b.to_interval(), qi, o));
    } else if constexpr (std::is_same_v<T, double>) {
        std::array<Interval, M> qi;
        for (std::size_t i = 0; i < M; ++i) qi[i] = Interval(q[i]);
        return detail::integral_term_interval(g, Interval(a), Interval(b), qi, o).mid();
    } else {
        (void)g, (void)a, (void)b, (void)q, (void)o;
        throw DomainError("integral term: no derivative or exact evaluation of an integral");
    }
}

}  // namespace relucert::engine
