// The branch-and-bound search on claims with known answers: true, false, tight (touching zero with
// linear, quadratic and cubic contact, at corners, edges, interior points and infinity).
#include <catch2/catch.hpp>

#include "relucert/engine/search.hpp"
#include "toy/link.hpp"

using namespace relucert;
using namespace relucert::engine;

namespace {
const Claim& toy_claim(const char* id) {
    toy::link_toy_claims();
    const Claim* c = find_claim(id);
    REQUIRE(c != nullptr);
    return *c;
}
SearchResult run(const Claim& c, SearchOptions o = {}) { return run_search(c, default_params(c), o); }

// Test-local claims, built with the same interface a paper claim uses.
template <int N, class F>
std::unique_ptr<Claim> local(std::string id, std::vector<VariableSpec> vars, Relation rel, F f,
                             std::vector<ParameterSpec> params = {}) {
    ClaimInfo info;
    info.id = std::move(id);
    info.variables = std::move(vars);
    info.parameters = std::move(params);
    info.relation = rel;
    return make_claim<N>(info, f);
}
VariableSpec var(const char* name, Endpoint lo, Endpoint hi) { return {name, lo, hi, ""}; }
Endpoint q(long long a, long long b = 1) { return Endpoint::finite(Rational(a, b)); }
Endpoint pi_end() { return Endpoint::pi_multiple(1); }
struct NarrowDip {
    template <class T>
    T operator()(const T* x, const T* p) const {
        const T a = x[0] - from_rational<T>(Rational(1, 3));
        return a * a - p[0];
    }
};

struct ArcMinusEps {  // sin t + (pi - t) cos t - 1e-6: negative near t = pi
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::cos;
        using std::sin;
        return sin(x[0]) + (pi<T>() - x[0]) * cos(x[0]) - from_rational<T>(Rational(1, 1000000));
    }
};

struct CubicWrongSign {  // t cos t - sin t >= 0 on [0, pi]: false (the toy with the sign flipped)
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::cos;
        using std::sin;
        return x[0] * cos(x[0]) - sin(x[0]);
    }
};

struct SinMinusTCos {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::cos;
        using std::sin;
        return sin(x[0]) - x[0] * cos(x[0]);
    }
};

struct Parabola {  // (x - 1/2)^2 >= 0 on [0, 1], written expanded so no form sees the square
    template <class T>
    T operator()(const T* x, const T*) const {
        return x[0] * x[0] - x[0] + from_rational<T>(Rational(1, 4));
    }
};

struct Id {
    template <class T>
    T operator()(const T* x, const T*) const {
        return x[0];
    }
};
}  // namespace

TEST_CASE("every toy claim gets its expected verdict", "[engine]") {
    toy::link_toy_claims();
    int n = 0;
    for (const Claim* c : all_claims()) {
        if (c->info().id.rfind("toy.", 0) != 0) continue;
        ++n;
        const SearchResult r = run(*c);
        INFO(c->info().id << ": " << to_string(r.verdict) << " after " << r.boxes << " boxes " << r.reason);
        CHECK(r.verdict == c->info().expected);
    }
    CHECK(n == 7);
}

TEST_CASE("tight toy claims report their touching points", "[engine][tight]") {
    auto has_point = [](const SearchResult& r, std::vector<PiAffine> p) {
        for (const auto& t : r.tight_points)
            if (t.point == p) return true;
        return false;
    };
    const PiAffine zero{0, 0}, one{1, 0}, pi{0, 1}, half{Rational(1, 2), 0};
    {
        const auto r = run(toy_claim("toy.arc-cosine-tight"));
        REQUIRE(r.verdict == Verdict::Certified);
        CHECK(has_point(r, {pi}));
        CHECK(*r.lower_bound == 0);
    }
    {
        const auto r = run(toy_claim("toy.sin-minus-tcos"));
        REQUIRE(r.verdict == Verdict::Certified);
        CHECK(has_point(r, {zero}));
    }
    {
        const auto r = run(toy_claim("toy.cos-chord"));
        REQUIRE(r.verdict == Verdict::Certified);
        CHECK(has_point(r, {zero}));
        CHECK(has_point(r, {half}));
    }
    {
        const auto r = run(toy_claim("toy.corner-cubic"));
        REQUIRE(r.verdict == Verdict::Certified);
        CHECK(has_point(r, {zero, zero}));
    }
    {
        const auto r = run(toy_claim("toy.edge-quadratic"));
        REQUIRE(r.verdict == Verdict::Certified);
        CHECK(has_point(r, {pi, one}));
    }
    {
        const auto r = run(toy_claim("toy.log-unbounded"));
        REQUIRE(r.verdict == Verdict::Certified);
        CHECK(has_point(r, {zero}));
    }
}

TEST_CASE("the false dip is refuted with a point that violates the claim", "[engine]") {
    const Claim& c = toy_claim("toy.false-dip");
    const auto r = run(c);
    REQUIRE(r.verdict == Verdict::Refuted);
    REQUIRE(r.counterexample);
    const auto& s = r.counterexample->internal;
    // independent re-evaluation at the reported point
    const Interval p[1] = {enclose(Rational(1, 1000000000000LL))};
    const Interval x[2] = {Interval(s[0]), Interval(s[1])};
    CHECK(c.eval(x, p).certainly_negative());
    CHECK(std::fabs(s[0] - 1.0 / 3) < 1e-6);
    CHECK(std::fabs(s[1] - 1.0 / 7) < 1e-6);
}

TEST_CASE("a dip narrower than 1e-9 is never certified", "[engine]") {
    // (x - 1/3)^2 - 1e-20 < 0 only for |x - 1/3| < 1e-10
    auto c = local<1>("test.narrow-dip", {var("x", q(0), q(1))}, Relation::GreaterEq, NarrowDip{},
                      {{"eps", parse_rational("1e-20"), ""}});
    for (std::size_t budget : {10u, 1000u, 100000u}) {
        SearchOptions o;
        o.max_boxes = budget;
        const auto r = run(*c, o);
        CHECK(r.verdict != Verdict::Certified);
    }
    const auto r = run(*c);
    CHECK(r.verdict == Verdict::Refuted);
}

TEST_CASE("mutated formulas are refuted", "[engine]") {
    auto c1 = local<1>("test.arc-minus-eps", {var("t", q(0), pi_end())}, Relation::GreaterEq, ArcMinusEps{});
    CHECK(run(*c1).verdict == Verdict::Refuted);

    auto c2 = local<1>("test.cubic-wrong-sign", {var("t", q(0), pi_end())}, Relation::GreaterEq, CubicWrongSign{});
    CHECK(run(*c2).verdict == Verdict::Refuted);
}

TEST_CASE("a strict claim that touches zero is refuted exactly at the touching point", "[engine][tight]") {
    auto c = local<1>("test.strict-cubic", {var("t", q(0), pi_end())}, Relation::Greater, SinMinusTCos{});
    const auto r = run(*c);
    REQUIRE(r.verdict == Verdict::Refuted);
    REQUIRE(r.counterexample);
    CHECK(r.counterexample->exact);
    CHECK(r.counterexample->internal[0] == 0.0);
}

TEST_CASE("an interior touching point with quadratic contact", "[engine][tight]") {
    auto c = local<1>("test.parabola", {var("x", q(0), q(1))}, Relation::GreaterEq, Parabola{});
    const auto r = run(*c);
    CHECK(r.verdict == Verdict::Certified);
}

TEST_CASE("without the tight-point arguments the tight toys cannot be certified", "[engine][tight]") {
    SearchOptions o;
    o.tight_points = false;
    o.monotonicity = false;
    o.max_boxes = 2000;
    CHECK(run(toy_claim("toy.sin-minus-tcos"), o).verdict == Verdict::Undecided);
    CHECK(run(toy_claim("toy.arc-cosine-tight"), o).verdict == Verdict::Undecided);
    CHECK(run(toy_claim("toy.edge-quadratic"), o).verdict == Verdict::Undecided);
}

TEST_CASE("results do not depend on the number of threads", "[engine][threads]") {
    for (const char* id : {"toy.edge-quadratic", "toy.corner-cubic", "toy.false-dip"}) {
        const Claim& c = toy_claim(id);
        SearchOptions o1, o3;
        o3.threads = 3;
        const auto a = run(c, o1), b = run(c, o3);
        INFO(id);
        CHECK(a.verdict == b.verdict);
        CHECK(a.boxes == b.boxes);
        REQUIRE(a.tree.size() == b.tree.size());
        for (std::size_t k = 0; k < a.tree.size(); ++k) {
            CHECK(a.tree[k].box == b.tree[k].box);
            CHECK(a.tree[k].split_var == b.tree[k].split_var);
        }
        if (a.counterexample) CHECK(a.counterexample->internal == b.counterexample->internal);
    }
}

TEST_CASE("an empty domain is rejected", "[engine]") {
    auto c = local<1>("test.empty", {var("x", q(1), q(1))}, Relation::GreaterEq, Id{});
    CHECK_THROWS_AS(run(*c), std::invalid_argument);
}
