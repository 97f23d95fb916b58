// The external suite: problems restated from published sources (MetiTarski, Solovyev's FormalIneqs,
// COCONUT/GLOBALLib and the Jamil-Yang benchmark survey) with their known answers. Asserts the stated
// verdict (and that the checker replays the certificate), or that the certified enclosure of the
// minimum has width < 1e-6 and meets the published optimum within its published precision.
#include <catch2/catch.hpp>

#include "external_suite.hpp"
#include "relucert/engine/certificate.hpp"
#include "relucert/engine/checker.hpp"
#include "relucert/engine/minimize.hpp"
#include "relucert/engine/search.hpp"
#include "relucert/minibex/file_claim.hpp"

#include <filesystem>

using namespace relucert;

TEST_CASE("external suite: every problem gets its published answer", "[external]") {
    const auto dir = std::filesystem::path(__FILE__).parent_path() / "external";
    const auto files = external::suite_files(dir.string());
    REQUIRE(files.size() >= 30);
    int proofs = 0, minima = 0, refuted = 0;
    for (const auto& f : files) {
        INFO(f);
        const auto p = minibex::parse_problem_file(f);
        REQUIRE(p.meta.count("source"));
        const auto a = external::known_answer(p);
        REQUIRE(a);
        if (!a->is_minimum) {
            REQUIRE(p.has_prove);
            const auto claim = minibex::make_prove_claim(p);
            engine::SearchOptions o;
            o.threads = 2;
            const auto r = engine::run_search(*claim, {}, o);
            CHECK(engine::to_string(r.verdict) == engine::to_string(a->verdict));
            if (r.verdict != engine::Verdict::Undecided) {
                const auto c = engine::check_certificate(engine::make_certificate(*claim, r), claim.get());
                INFO(c.reason);
                CHECK(c.valid);
            }
            ++proofs;
            refuted += a->verdict == engine::Verdict::Refuted;
        } else {
            REQUIRE(p.has_objective);
            const auto claim = minibex::make_objective_claim(p, Rational(1, 1000000000));
            engine::MinimizeOptions o;
            o.tol = 1e-7;
            const auto r = engine::minimize(*claim, o);
            INFO("enclosure [" << r.lo << ", " << r.hi << "], published " << a->value << " +- " << a->precision);
            CHECK(r.converged);
            CHECK(r.hi - r.lo < 1e-6);
            // the enclosure meets the published value's interval [v - d, v + d]
            CHECK(r.lo <= a->value + a->precision);
            CHECK(r.hi >= a->value - a->precision);
            ++minima;
        }
    }
    CHECK(proofs >= 10);
    CHECK(minima >= 10);
    CHECK(refuted >= 3);
}
