// What the per-paper claim tests share: run a registered claim with some parameters overridden,
// evaluate it in interval arithmetic at an exact point, and look for a tight point among a result's.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "relucert/engine/claim.hpp"
#include "relucert/engine/search.hpp"
#include "relucert/rational.hpp"

namespace relucert::testing {

using ParamOverrides = std::vector<std::pair<std::string, Rational>>;

// The claim's default parameters with `overrides` applied (each name must exist).
inline std::vector<Rational> claim_params(const engine::Claim& c, const ParamOverrides& overrides) {
    auto params = engine::default_params(c);
    for (const auto& [name, value] : overrides) {
        const int j = c.param_index(name);
        REQUIRE(j >= 0);
        params[static_cast<std::size_t>(j)] = value;
    }
    return params;
}

inline engine::SearchResult certify(const std::string& id, const ParamOverrides& overrides = {}) {
    const engine::Claim* c = engine::find_claim(id);
    REQUIRE(c != nullptr);
    engine::SearchOptions o;
    o.max_boxes = 100000;
    return engine::run_search(*c, claim_params(*c, overrides), o);
}

// The claim's function at the exact point x, enclosed in Interval arithmetic.
inline Interval eval_at(const std::string& id, const std::vector<Rational>& x, const ParamOverrides& overrides = {}) {
    const engine::Claim* c = engine::find_claim(id);
    REQUIRE(c != nullptr);
    std::vector<Interval> X, P;
    for (const auto& q : x) X.push_back(enclose(q));
    for (const auto& q : claim_params(*c, overrides)) P.push_back(enclose(q));
    return c->eval(X.data(), P.data());
}

// Whether r proves a tight point at the rational point p (no pi parts).
inline bool has_tight_point(const engine::SearchResult& r, const std::vector<Rational>& p) {
    for (const auto& t : r.tight_points) {
        bool same = t.point.size() == p.size();
        for (std::size_t i = 0; same && i < p.size(); ++i) same = t.point[i] == engine::PiAffine{p[i], 0};
        if (same) return true;
    }
    return false;
}

}  // namespace relucert::testing
