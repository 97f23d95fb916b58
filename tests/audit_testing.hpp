// What the per-paper audit tests share: the quick context, and the expectation every audit item of a
// paper must meet (agrees where expected, every check of it; a known-wrong printed form disagrees, by
// a proof - an interval gap or exact arithmetic - where the paper allows one, and says in its note
// what is wrong).
#pragma once

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "relucert/audit/audit.hpp"

namespace relucert::testing {

inline audit::AuditContext quick_ctx(std::uint64_t seed = 1) {
    audit::AuditContext c;
    c.seed = seed;
    c.quick = true;
    return c;
}

// Runs every item of `paper` in quick mode; returns how many there were. printed_needs_proof: every
// `.printed` item's disagreement must be a proof; false for papers whose printed claims are statistical
// or asymptotic (a Monte Carlo z far beyond the rule, a fitted slope), where no proof is possible.
inline std::size_t check_paper_audit(const std::string& paper, bool printed_needs_proof = true) {
    const auto items = audit::audit_items_for_paper(paper);
    for (const auto* it : items) {
        const audit::AuditResult r = audit::run_audit_item(*it, quick_ctx());
        INFO(it->id << ": " << r.deciding().name << ": " << r.deciding().discrepancy << " " << r.deciding().measured
                    << " at " << r.deciding().worst_point);
        CHECK(r.as_expected());
        REQUIRE(!r.checks.empty());
        if (it->expected_agree) {
            for (const auto& c : r.checks) CHECK(c.agree);
        } else {
            bool proven = false;
            for (const auto& c : r.checks) proven = proven || c.proven;
            if (printed_needs_proof) CHECK(proven);
            CHECK(!it->note.empty());
        }
    }
    return items.size();
}

}  // namespace relucert::testing
