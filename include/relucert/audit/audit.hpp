// The closed-form audit behind `relucert audit`: every printed identity of a paper (an expectation, a
// derivative, one expression rewritten as another) is checked independently of the paper's own
// derivation, and reported as agree / disagree with its largest discrepancy.
//
// An AuditItem is one identity of a paper's claim inventory (id "<paper>.<name>", kind (a)); running it
// performs one or more checks, each by one method, and each check decides by its own rule:
//
//   * IntervalComparison (rewrites): both sides evaluated in MpInterval (256 bits) at random points.
//     Enclosures overlap at every point (and are narrow) -> agree. A positive gap between the two
//     enclosures at some point -> disagree, and that point with its gap is a proof of disagreement.
//     An enclosure wider than the width tolerance at some point -> inconclusive (reported as disagree,
//     so that a vacuous "overlap" of wide intervals can never pass).
//   * MonteCarloComparison (expectations): sample means with standard errors; agree iff every compared
//     component has |z| <= 5. The check also states its resolution (5 standard errors relative to the
//     scale of the compared quantity) and fails as "underpowered" when that resolution is coarser than
//     the stated maximum, so a sign or factor-2 error cannot hide in the noise.
//   * ToleranceComparison (finite differences, quadrature, numerical minimisation): agree iff
//     |difference| <= tolerance * scale, with the tolerance and why it suffices stated in the method.
//   * PredicateCheck: a condition (an inequality step, a sign) that must hold at every point.
//
// Each check carries a score (discrepancy / what the rule allows; > 1 means disagree) so that an item
// with several checks reports its worst one. Results are deterministic for a given seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "relucert/mp_interval.hpp"

namespace relucert::audit {

// The outcome of one check.
struct CheckResult {
    std::string name;         // what was compared ("(7) first form vs FD of (5)")
    std::string method;       // how ("central differences, Richardson, MPFR 256 bits, 40 points")
    bool agree = false;
    bool proven = false;      // disagreement proven by an interval gap (IntervalComparison only)
    double max_abs = 0;       // largest |lhs - rhs| (an upper bound for interval comparisons)
    double max_rel = 0;       // the same relative to the compared quantity's scale
    double score = 0;         // max_abs / what the rule allows: <= 1 agree (MC: max |z| / 5)
    std::string discrepancy;  // short text: "|d| <= 3e-74", "gap >= 0.12", "z = 1.3 (se 2e-4)"
    std::string measured;     // anything else worth saying (resolution, number of points, ...)
    std::string worst_point;  // where the largest discrepancy (or the gap) occurred
};

// Everything an audit item needs from the caller.
struct AuditContext {
    std::uint64_t seed = 1;
    bool quick = false;  // smaller sample sizes and fewer points (tests); same decision rules
};

struct AuditResult {
    std::string id;
    bool expected_agree = true;
    std::vector<CheckResult> checks;
    bool agree() const;                 // every check agrees (and there is at least one)
    bool as_expected() const { return agree() == expected_agree; }
    // The check that decides the item: the first proven disagreement, else the first disagreeing check,
    // else the one with the largest score.
    const CheckResult& deciding() const;
    std::string method_summary() const;  // the methods of all checks, deduplicated, "; "-joined
};

struct AuditItem {
    std::string id;            // "<paper>.<name>" from the claim inventory; "<id>.printed" for a
                               // printed form that disagrees with the paper's own definitions
    std::string reference;     // paper location ("A.1 eq. (5), l. 517-521")
    std::string statement;     // the identity, one line, as printed (or as the definitions give it)
    std::string method;        // one line: how it is checked
    bool expected_agree = true;  // false for `.printed` items known to be wrong
    std::string note;          // for expected disagreements: what is wrong and what the definitions give
    std::function<std::vector<CheckResult>(const AuditContext&)> run;
};

std::vector<AuditItem>& audit_registry();
const AuditItem* find_audit_item(const std::string& id);
// Items whose id starts with "<paper>.", sorted by id.
std::vector<const AuditItem*> audit_items_for_paper(const std::string& paper);
// Registered ids (and paper names) closest to `id` by edit distance.
std::vector<std::string> close_audit_ids(const std::string& id, std::size_t max = 3);
// Runs the item; an exception from the item becomes one failing check (never a crash).
AuditResult run_audit_item(const AuditItem& item, const AuditContext& ctx);

struct AuditRegistration {
    explicit AuditRegistration(AuditItem item);
};

// ---- decision rules ---------------------------------------------------------------------------

// Rewrites: lhs and rhs enclosures at many points.
class IntervalComparison {
public:
    // width_tolerance: the largest |lhs - rhs| enclosure width (relative to max(1, scale)) for which
    // overlap counts as agreement.
    IntervalComparison(std::string name, std::string method, double width_tolerance = 1e-30);
    void compare(const MpInterval& lhs, const MpInterval& rhs, const std::string& point, double scale = 1.0);
    void compare(std::span<const MpInterval> lhs, std::span<const MpInterval> rhs, const std::string& point,
                 double scale = 1.0);
    std::size_t count() const { return count_; }
    CheckResult result() const;

private:
    CheckResult r_;
    double width_tol_;
    std::size_t count_ = 0, gaps_ = 0, wide_ = 0;
    double max_gap_ = 0, max_gap_rel_ = 0;
    std::string gap_point_, wide_point_;
};

// Expectations: Monte Carlo means with standard errors against closed forms.
class MonteCarloComparison {
public:
    MonteCarloComparison(std::string name, std::string method, double z_limit = 5.0, double max_resolution = 0.05);
    // One point: sample means and standard errors of m components against m closed-form values;
    // scale is the size of the compared quantity (|value|, or the largest entry of a matrix).
    void compare(std::span<const double> mean, std::span<const double> standard_error,
                 std::span<const double> closed_form, double scale, const std::string& point);
    CheckResult result() const;

private:
    CheckResult r_;
    double z_limit_, max_resolution_;
    double max_z_ = 0, max_se_ = 0, worst_resolution_ = 0;
    std::string resolution_point_;
    std::size_t count_ = 0;
};

// Approximations with a stated error bound: finite differences, quadrature, numerical minimisation.
class ToleranceComparison {
public:
    ToleranceComparison(std::string name, std::string method, double relative_tolerance);
    // |lhs - rhs| evaluated in MpInterval (its upper bound is used) against tol * max(1, scale).
    void compare(const MpInterval& lhs, const MpInterval& rhs, const std::string& point, double scale);
    void compare(double lhs, double rhs, const std::string& point, double scale);
    CheckResult result() const;

private:
    void add(double abs_diff, double scale, const std::string& point);
    CheckResult r_;
    double tol_;
    std::size_t count_ = 0;
};

// A condition at many points (an inequality step of a proof, a sign).
class PredicateCheck {
public:
    PredicateCheck(std::string name, std::string method);
    // holds: the condition (proven in interval arithmetic where the caller can); margin: by how much.
    // failure_proven: a failure is proven (e.g. an enclosure certainly on the wrong side); the result
    // is a proven disagreement when every failure is.
    void add(bool holds, double margin, const std::string& point, bool failure_proven = false);
    CheckResult result() const;

private:
    CheckResult r_;
    std::size_t count_ = 0, failures_ = 0, proven_failures_ = 0;
    double min_margin_ = 0;
    bool first_ = true;
};

// "1.2e-05" style text with 3 significant digits.
std::string sci(double x);

}  // namespace relucert::audit
