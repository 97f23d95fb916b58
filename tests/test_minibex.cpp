// Claim files: the Minibex parser (errors with file:line:col), exact constants, the generic
// interpreter against hand-written C++ and MPFR, constraints in `prove` (true, false, tight), the
// checker's replay of file claims, and certified minimisation on problems with known minima.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "relucert/engine/certificate.hpp"
#include "relucert/engine/checker.hpp"
#include "relucert/engine/minimize.hpp"
#include "relucert/engine/search.hpp"
#include "relucert/minibex/file_claim.hpp"

using namespace relucert;
using namespace relucert::minibex;

namespace {
ParseError parse_error(const std::string& text) {
    try {
        parse_problem(text, "bad.bch");
    } catch (const ParseError& e) {
        return e;
    }
    FAIL("no ParseError for:\n" << text);
    return ParseError("", 0, 0, "");
}
engine::SearchResult prove(const std::string& text) {
    const auto claim = make_prove_claim(parse_problem(text, "t.bch"));
    engine::SearchOptions o;
    o.max_boxes = 20000;
    auto r = engine::run_search(*claim, {}, o);
    if (r.verdict != engine::Verdict::Undecided) {
        const auto check = engine::check_certificate(engine::make_certificate(*claim, r), claim.get());
        CHECK(check.valid);
        INFO(check.reason);
    }
    return r;
}
engine::MinimizeResult minimize_text(const std::string& text, double tol = 1e-7) {
    const auto claim = make_objective_claim(parse_problem(text, "m.bch"), Rational(1, 1000000000));
    engine::MinimizeOptions o;
    o.tol = tol;
    return engine::minimize(*claim, o);
}
}  // namespace

TEST_CASE("minibex: sections, vectors, functions, case-insensitive keywords, comments", "[minibex]") {
    const auto p = parse_problem(R"(// id: demo
// source: a test
/* block
   comment */
Constants
  alpha = 3/10;   // exact
  beta = 0.3;     // the exact decimal 3/10
  gam = 2*alpha + 1/5;
Variables
  x[2] in [0, 10];
  t in [0, pi/2];
FUNCTION f(u, v)
  w = u*v;
  return w + alpha;
END
MINIMIZE f(x(1), x[1]) + sin(t);
CONSTRAINTS
  x(1) + x(2) <= 1;
  0 <= x(1) - t <= 5;
  x(2) = 1/2;
end
)", "demo.bch");
    CHECK(p.meta.at("id") == "demo");
    CHECK(p.meta.at("source") == "a test");
    REQUIRE(p.variables.size() == 3);
    CHECK(p.variables[0].name == "x(1)");
    CHECK(p.variables[2].hi.value == engine::PiAffine{0, Rational(1, 2)});
    CHECK(p.rational_constants.at("alpha") == Rational(3, 10));
    CHECK(p.rational_constants.at("beta") == Rational(3, 10));
    CHECK(p.rational_constants.at("gam") == Rational(4, 5));
    CHECK(p.constraints.size() == 4);  // the chain gives two
    CHECK(p.constraints[3].kind == ConstraintKind::Equal);
    const double x[3] = {0.25, 0.5, 0.75};
    CHECK(eval(p.objective, x) == Approx(0.25 * 0.5 + 0.3 + std::sin(0.75)));
    CHECK(claim_id(p) == "demo");
    // exact: the constant survives exactly into Exact evaluation
    const auto q = parse_problem("constants a = 0.1; variables x in [0,1]; prove x*0 + a*3 >= 3/10;", "e.bch");
    engine::ExactI xe[1] = {engine::ExactI(0)};
    const auto v = eval(q.prove, xe);
    REQUIRE(v.is_exact());
    CHECK(v.exact().is_zero());
}

TEST_CASE("minibex: every error names file:line:col and what was expected", "[minibex]") {
    struct Case {
        const char* text;
        int line, col;
        const char* message;
    };
    const Case cases[] = {
        {"variables\n  x in [0, 1];\nprove foo(x) >= 0;\n", 3, 7, "unknown function 'foo'"},
        {"variables\n  x in [0, 1];\nprove x + y >= 0;\n", 3, 11, "undefined name 'y'"},
        {"variables\n  x in [0, 1]\nprove x >= 0;\n", 3, 1, "expected ';'"},
        {"variables\n  x in [1, 0];\nprove x >= 0;\n", 2, 8, "lower bound 1 is above upper bound 0"},
        {"variables\n  x in [0, sqrt(2)];\nprove x >= 0;\n", 2, 12, "must be exact"},
        {"variables\n  x in [0, 1];\nminimize x;\nconstraints\n  x <= 1;\n", 6, 1, "missing 'end'"},
        {"variables\n  x in [0, 1];\nprove x = 0;\n", 3, 9, "needs an inequality"},
        {"variables\n  x in [0, 1];\nprove sin(x, x) >= 0;\n", 3, 7, "takes 1 argument"},
        {"variables\n  x[2] in [0, 1];\nprove x(3) >= 0;\n", 3, 9, "out of range"},
        {"variables\n  x in [0, 1];\nfunction f(u)\n  return u;\nprove f(x) >= 0;\n", 5, 1, "expected 'end'"},
        {"variables\n  x in [0, 1];\nprove x >= 1/0;\n", 3, 13, "division by the constant 0"},
        {"variables\n  x in [0, 1];\nprove x $ 1;\n", 3, 9, "unexpected character"},
        {"variables\n  x in [+oo, 1];\nprove x >= 0;\n", 2, 9, "lower bound +oo"},
        {"variables\n  x in [0, 1];\n", 3, 1, "nothing to do"},
    };
    for (const auto& c : cases) {
        const ParseError e = parse_error(c.text);
        INFO(c.text << "\n-> " << e.what());
        CHECK(e.file == "bad.bch");
        CHECK(e.line == c.line);
        CHECK(e.column == c.col);
        CHECK(e.message.find(c.message) != std::string::npos);
        CHECK(std::string(e.what()).rfind("bad.bch:" + std::to_string(c.line) + ":" + std::to_string(c.col) + ": ", 0) == 0);
    }
}

TEST_CASE("minibex: generic evaluation agrees with C++ (double) and encloses MPFR (intervals)", "[minibex]") {
    const auto p = parse_problem(R"(variables x in [-2, 2]; y in [1/2, 3];
minimize sqrt(y) * exp(x) - ln(y) / (1 + x^2) + sin(x*y) * cos(y) + tan(x/3) + atan2(x, y) + asin(x/2) + acos(y/3)
         + atan(x) + abs(x) - min(x, y) + max(x, y) + erf(x) + erfc(y) + phi(x) + y^(1/3) + x^3 + pi*sign(x);
)", "g.bch");
    auto cxx = [](double x, double y) {
        const double sgn = x > 0 ? 1 : (x < 0 ? -1 : 0);
        return std::sqrt(y) * std::exp(x) - std::log(y) / (1 + x * x) + std::sin(x * y) * std::cos(y) + std::tan(x / 3) +
               std::atan2(x, y) + std::asin(x / 2) + std::acos(y / 3) + std::atan(x) + std::fabs(x) - std::min(x, y) +
               std::max(x, y) + std::erf(x) + std::erfc(y) + 0.5 * std::erfc(-x / std::sqrt(2.0)) + std::cbrt(y) + x * x * x +
               M_PI * sgn;
    };
    std::mt19937_64 rng(9);
    std::uniform_real_distribution<double> ux(-2, 2), uy(0.5, 3);
    for (int k = 0; k < 2000; ++k) {
        const double x = ux(rng), y = uy(rng);
        const double xs[2] = {x, y};
        REQUIRE(eval(p.objective, xs) == Approx(cxx(x, y)).epsilon(1e-12));
        // intervals around the point enclose the MPFR value at the point
        const Interval X[2] = {Interval(x), Interval(y)};
        const Interval v = eval(p.objective, X);
        const MpInterval M[2] = {MpInterval(x, 200), MpInterval(y, 200)};
        const MpInterval m = eval(p.objective, M);
        INFO("x = " << x << ", y = " << y);
        REQUIRE(mpfr_cmp_d(m.lower(), v.lo()) >= 0);
        REQUIRE(mpfr_cmp_d(m.upper(), v.hi()) <= 0);
    }
    // outside a function's domain: a DomainError, never the image of the intersection
    const auto q = parse_problem("variables x in [-1, 1]; minimize ln(x);", "d.bch");
    const Interval X[1] = {Interval(-1, 1)};
    CHECK_THROWS_AS(eval(q.objective, X), DomainError);
}

TEST_CASE("minibex: prove with constraints (true, false, tight, strict boundary)", "[minibex]") {
    // x^2 + y^2 <= 1 implies x + y <= sqrt(2): true and tight at (1/sqrt2, 1/sqrt2) -- margin made
    // positive by proving x + y <= 1.5 (true) and refuting x + y <= 1.4 (false: 1.414 > 1.4)
    CHECK(prove("variables x in [-2, 2]; y in [-2, 2]; prove x + y <= 1.5; constraints x^2 + y^2 <= 1; end").verdict ==
          engine::Verdict::Certified);
    const auto r = prove("variables x in [-2, 2]; y in [-2, 2]; prove x + y <= 1.4; constraints x^2 + y^2 <= 1; end");
    REQUIRE(r.verdict == engine::Verdict::Refuted);
    // the counterexample is feasible
    const double xs = engine::map_double(r.maps[0], r.counterexample->internal[0]);
    const double ys = engine::map_double(r.maps[1], r.counterexample->internal[1]);
    CHECK(xs * xs + ys * ys <= 1);
    CHECK(xs + ys > 1.4);
    // without the constraint the same claim is false far away: the constraint is really used
    CHECK(prove("variables x in [-2, 2]; y in [-2, 2]; prove x + y <= 1.5;").verdict == engine::Verdict::Refuted);
    // tight inside the feasible set: 1 - x^2/2 <= cos x where x <= 1/2 (equality at x = 0, order 4)
    const auto t = prove("variables x in [-1, 1]; prove 1 - x^2/2 <= cos(x); constraints x <= 1/2; end");
    CHECK(t.verdict == engine::Verdict::Certified);
    CHECK(t.tight_points.size() >= 1);
    // tight on the constraint's boundary with f < 0 just outside: x >= 0 where x >= 0. True, but
    // every box around 0 holds infeasible points where x < 0: UNDECIDED (documented), never REFUTED
    CHECK(prove("variables x in [-1, 1]; prove x >= 0; constraints x >= 0; end").verdict == engine::Verdict::Undecided);
    // strictness at the boundary: x > 0 is false at x = 0, which is feasible for x >= 0 ...
    CHECK(prove("variables x in [-1, 1]; prove x > 0; constraints x >= 0; end").verdict == engine::Verdict::Refuted);
    // ... and true where the constraint is strict (never refuted; certification needs x bounded away)
    CHECK(prove("variables x in [-1, 1]; prove x > 0; constraints x > 0; end").verdict != engine::Verdict::Refuted);
    // equality constraints are exact: on y = x, x - y >= 0 holds; a point off the line is no counterexample
    CHECK(prove("variables x in [0, 1]; y in [0, 1]; prove x*y - x^2 >= -1/4; constraints y = x; end").verdict ==
          engine::Verdict::Certified);
    CHECK(prove("variables x in [0, 1]; y in [0, 1]; prove y >= 1/2; constraints y = 2*x; x >= 1/2; end").verdict !=
          engine::Verdict::Refuted);
    CHECK(prove("variables x in [0, 1]; y in [0, 1]; prove y >= 1/2; constraints y = x; end").verdict ==
          engine::Verdict::Refuted);
}

TEST_CASE("minibex: the checker rejects infeasibility evidence that does not hold", "[minibex]") {
    const auto claim = make_prove_claim(parse_problem(
        "variables x in [-2, 2]; y in [-2, 2]; prove x + y <= 1.5; constraints x^2 + y^2 <= 1; end", "c.bch"));
    const auto r = engine::run_search(*claim, {}, {});
    REQUIRE(r.verdict == engine::Verdict::Certified);
    auto cert = engine::make_certificate(*claim, r);
    REQUIRE(engine::check_certificate(cert, claim.get()).valid);
    // the same tree against the claim without the constraint must fail
    const auto plain = make_prove_claim(parse_problem("// id: c\nvariables x in [-2, 2]; y in [-2, 2]; prove x + y <= 1.5;", "c.bch"));
    CHECK_FALSE(engine::check_certificate(cert, plain.get()).valid);
    // and against a claim whose constraint differs (the statement is compared, then the evidence)
    const auto other = make_prove_claim(parse_problem(
        "variables x in [-2, 2]; y in [-2, 2]; prove x + y <= 1.5; constraints x^2 + y^2 <= 4; end", "c.bch"));
    CHECK_FALSE(engine::check_certificate(cert, other.get()).valid);
}

TEST_CASE("minibex: minimize on problems with known minima", "[minibex]") {
    // interior minimum
    auto r = minimize_text("variables x in [-3, 3]; y in [-3, 3]; minimize (x - 1)^2 + (y + 1/2)^2 + 2;");
    REQUIRE(r.converged);
    CHECK(r.lo <= 2);
    CHECK(r.hi >= 2);
    CHECK(r.hi - r.lo <= 1e-7);
    // minimum on a constraint boundary: min x + y on the disc x^2 + y^2 <= 1 is -sqrt(2)
    r = minimize_text("variables x in [-2, 2]; y in [-2, 2]; minimize x + y; constraints x^2 + y^2 <= 1; end", 1e-5);
    REQUIRE(r.converged);
    CHECK(r.lo <= -std::sqrt(2.0));
    CHECK(r.hi >= -std::sqrt(2.0) - 1e-15);
    CHECK(r.hi - r.lo <= 1e-5);
    // unbounded domain: min x + 4/x on [1/4, +oo) is 4 at x = 2
    r = minimize_text("variables x in [0.25, +oo]; minimize x + 4/x;");
    REQUIRE(r.converged);
    CHECK(r.lo <= 4);
    CHECK(r.hi >= 4);
    CHECK(r.point_text.size() == 1);
    // minimum on the box boundary (monotone): min exp(x) + y on [0,1]^2 is 1
    r = minimize_text("variables x in [0, 1]; y in [0, 1]; minimize exp(x) + y;");
    REQUIRE(r.converged);
    CHECK(r.lo <= 1);
    CHECK(r.hi >= 1);
    // infeasible constraints: no point, no convergence
    r = minimize_text("variables x in [0, 1]; minimize x; constraints x >= 2; end");
    CHECK_FALSE(r.feasible_found);
    CHECK_FALSE(r.converged);
    // a mutated known answer must not be contained: min of (x-1)^2 + 2 is not 2.001
    r = minimize_text("variables x in [-3, 3]; minimize (x - 1)^2 + 2;");
    CHECK_FALSE((r.lo <= 2.001 && 2.001 <= r.hi));
}
