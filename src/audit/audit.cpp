#include "relucert/edit_distance.hpp"
#include "relucert/audit/audit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <set>
#include <stdexcept>

namespace relucert::audit {

std::string sci(double x) {
    char buf[32];
    if (x == 0) return "0";
    std::snprintf(buf, sizeof buf, "%.3g", x);
    return buf;
}

// ---- results and registry ---------------------------------------------------------------------

bool AuditResult::agree() const {
    if (checks.empty()) return false;
    for (const auto& c : checks)
        if (!c.agree) return false;
    return true;
}

const CheckResult& AuditResult::deciding() const {
    if (checks.empty()) throw std::logic_error("AuditResult::deciding: no checks");
    for (const auto& c : checks)  // a proof of disagreement first, then any disagreement
        if (!c.agree && c.proven) return c;
    for (const auto& c : checks)
        if (!c.agree) return c;
    const CheckResult* best = &checks.front();
    for (const auto& c : checks)
        if (c.score > best->score) best = &c;
    return *best;
}

std::string AuditResult::method_summary() const {
    std::vector<std::string> seen;
    std::string s;
    for (const auto& c : checks) {
        if (std::find(seen.begin(), seen.end(), c.method) != seen.end()) continue;
        seen.push_back(c.method);
        s += (s.empty() ? "" : "; ") + c.method;
    }
    return s;
}

std::vector<AuditItem>& audit_registry() {
    static std::vector<AuditItem> items;
    return items;
}

AuditRegistration::AuditRegistration(AuditItem item) {
    for (const auto& i : audit_registry())
        if (i.id == item.id) throw std::logic_error("duplicate audit item id " + item.id);
    audit_registry().push_back(std::move(item));
}

const AuditItem* find_audit_item(const std::string& id) {
    for (const auto& i : audit_registry())
        if (i.id == id) return &i;
    return nullptr;
}

std::vector<const AuditItem*> audit_items_for_paper(const std::string& paper) {
    std::vector<const AuditItem*> r;
    const std::string prefix = paper + ".";
    for (const auto& i : audit_registry())
        if (i.id.compare(0, prefix.size(), prefix) == 0) r.push_back(&i);
    // by id, so that the order (and the --markdown table) does not depend on static-initialisation order
    std::sort(r.begin(), r.end(), [](const AuditItem* a, const AuditItem* b) { return a->id < b->id; });
    return r;
}


std::vector<std::string> close_audit_ids(const std::string& id, std::size_t max) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    std::set<std::string> names;
    for (const auto& i : audit_registry()) {
        names.insert(i.id);
        names.insert(i.id.substr(0, i.id.find('.')));
    }
    for (const auto& n : names) {
        const std::size_t d = edit_distance(id, n);
        if (d <= std::max<std::size_t>(2, n.size() / 4)) scored.emplace_back(d, n);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> r;
    for (std::size_t i = 0; i < scored.size() && i < max; ++i) r.push_back(scored[i].second);
    return r;
}

AuditResult run_audit_item(const AuditItem& item, const AuditContext& ctx) {
    AuditResult r;
    r.id = item.id;
    r.expected_agree = item.expected_agree;
    try {
        r.checks = item.run(ctx);
    } catch (const std::exception& e) {
        CheckResult c;
        c.name = "running the item";
        c.method = "-";
        c.agree = false;
        c.score = INFINITY;
        c.discrepancy = "error";
        c.measured = std::string("exception: ") + e.what();
        r.checks.push_back(std::move(c));
    }
    if (r.checks.empty()) {
        CheckResult c;
        c.name = "running the item";
        c.method = "-";
        c.discrepancy = "no checks";
        c.measured = "the item performed no check";
        c.score = INFINITY;
        r.checks.push_back(std::move(c));
    }
    return r;
}

// ---- IntervalComparison -------------------------------------------------------------------------

IntervalComparison::IntervalComparison(std::string name, std::string method, double width_tolerance)
    : width_tol_(width_tolerance) {
    r_.name = std::move(name);
    r_.method = std::move(method);
}

void IntervalComparison::compare(const MpInterval& lhs, const MpInterval& rhs, const std::string& point, double scale) {
    ++count_;
    const MpInterval diff = lhs - rhs;
    const double s = std::max(1.0, std::fabs(scale));
    const double mag = diff.mag();
    if (!diff.contains_zero()) {
        // A proven gap: every value of lhs differs from every value of rhs by at least mig(diff).
        ++gaps_;
        const double gap = diff.mig();
        if (gap / s > max_gap_rel_ || gaps_ == 1) {
            max_gap_rel_ = gap / s;
            max_gap_ = gap;
            gap_point_ = point + "; lhs " + lhs.to_decimal_string(12) + ", rhs " + rhs.to_decimal_string(12);
        }
    } else if (!(mag <= width_tol_ * s)) {
        ++wide_;
        if (wide_ == 1) wide_point_ = point + "; |lhs - rhs| enclosure " + diff.to_decimal_string(6);
    }
    if (mag > r_.max_abs || count_ == 1) r_.max_abs = std::max(r_.max_abs, mag);
    if (mag / s >= r_.max_rel) {
        r_.max_rel = mag / s;
        if (gaps_ == 0) r_.worst_point = point;
    }
}

void IntervalComparison::compare(std::span<const MpInterval> lhs, std::span<const MpInterval> rhs,
                                 const std::string& point, double scale) {
    if (lhs.size() != rhs.size()) throw std::invalid_argument("IntervalComparison: sides of different size");
    for (std::size_t i = 0; i < lhs.size(); ++i)
        compare(lhs[i], rhs[i], lhs.size() > 1 ? point + " [component " + std::to_string(i) + "]" : point, scale);
}

CheckResult IntervalComparison::result() const {
    CheckResult r = r_;
    if (count_ == 0) {
        r.agree = false;
        r.discrepancy = "no points";
        r.score = INFINITY;
        return r;
    }
    const std::string n = std::to_string(count_) + " comparisons";
    if (gaps_ > 0) {
        r.agree = false;
        r.proven = true;
        r.max_abs = max_gap_;
        r.max_rel = max_gap_rel_;
        r.score = INFINITY;
        r.discrepancy = "gap >= " + sci(max_gap_) + " (rel " + sci(max_gap_rel_) + ")";
        r.measured = "enclosures disjoint at " + std::to_string(gaps_) + " of " + n + " (proof of disagreement)";
        r.worst_point = gap_point_;
    } else if (wide_ > 0) {
        r.agree = false;
        r.score = r.max_rel / width_tol_;
        r.discrepancy = "inconclusive, |d| <= " + sci(r.max_abs);
        r.measured = "enclosures overlap but are wider than " + sci(width_tol_) + " at " + std::to_string(wide_) +
                     " of " + n;
        r.worst_point = wide_point_;
    } else {
        r.agree = true;
        r.score = r.max_rel / width_tol_;
        r.discrepancy = "|d| <= " + sci(r.max_abs);
        r.measured = "enclosures overlap at all " + n + " (widths <= " + sci(width_tol_) + " rel)";
    }
    return r;
}

// ---- MonteCarloComparison -----------------------------------------------------------------------

MonteCarloComparison::MonteCarloComparison(std::string name, std::string method, double z_limit, double max_resolution)
    : z_limit_(z_limit), max_resolution_(max_resolution) {
    r_.name = std::move(name);
    r_.method = std::move(method);
}

void MonteCarloComparison::compare(std::span<const double> mean, std::span<const double> se,
                                   std::span<const double> closed, double scale, const std::string& point) {
    if (mean.size() != se.size() || mean.size() != closed.size())
        throw std::invalid_argument("MonteCarloComparison: sizes differ");
    const double s = std::fabs(scale) > 0 ? std::fabs(scale) : 1.0;
    double point_se = 0;
    for (std::size_t i = 0; i < mean.size(); ++i) {
        ++count_;
        const double d = std::fabs(mean[i] - closed[i]);
        // A component with zero variance (e.g. an entry that is 0 on every sample) must match exactly.
        const double z = se[i] > 0 ? d / se[i] : (d == 0 ? 0.0 : INFINITY);
        point_se = std::max(point_se, se[i]);
        if (z >= max_z_ || count_ == 1) {
            max_z_ = z;
            max_se_ = se[i];
            r_.max_abs = d;
            r_.max_rel = d / s;
            r_.worst_point = mean.size() > 1 ? point + " [component " + std::to_string(i) + "]" : point;
        }
    }
    const double resolution = z_limit_ * point_se / s;
    if (resolution >= worst_resolution_) {
        worst_resolution_ = resolution;
        resolution_point_ = point;
    }
}

CheckResult MonteCarloComparison::result() const {
    CheckResult r = r_;
    if (count_ == 0) {
        r.agree = false;
        r.discrepancy = "no points";
        r.score = INFINITY;
        return r;
    }
    const bool powered = worst_resolution_ <= max_resolution_;
    r.agree = max_z_ <= z_limit_ && powered;
    r.score = powered ? max_z_ / z_limit_ : std::max(max_z_ / z_limit_, worst_resolution_ / max_resolution_);
    r.discrepancy = "|z| = " + sci(max_z_) + " (|d| = " + sci(r.max_abs) + ", se " + sci(max_se_) + ")";
    r.measured = std::to_string(count_) + " components; rule |z| <= " + sci(z_limit_) +
                 "; resolution (5 se / scale) " + sci(worst_resolution_) +
                 (powered ? " <= " : " > (UNDERPOWERED) ") + sci(max_resolution_);
    return r;
}

// ---- ToleranceComparison ------------------------------------------------------------------------

ToleranceComparison::ToleranceComparison(std::string name, std::string method, double relative_tolerance)
    : tol_(relative_tolerance) {
    r_.name = std::move(name);
    r_.method = std::move(method);
}

void ToleranceComparison::add(double d, double scale, const std::string& point) {
    ++count_;
    const double s = std::max(1.0, std::fabs(scale));
    const double rel = d / s;
    if (!(rel < r_.max_rel) || count_ == 1) {
        r_.max_rel = rel;
        r_.max_abs = d;
        r_.worst_point = point;
    }
}

void ToleranceComparison::compare(const MpInterval& lhs, const MpInterval& rhs, const std::string& point, double scale) {
    add((lhs - rhs).mag(), scale, point);
}
void ToleranceComparison::compare(double lhs, double rhs, const std::string& point, double scale) {
    add(std::fabs(lhs - rhs), scale, point);
}

CheckResult ToleranceComparison::result() const {
    CheckResult r = r_;
    if (count_ == 0) {
        r.agree = false;
        r.discrepancy = "no points";
        r.score = INFINITY;
        return r;
    }
    r.agree = r.max_rel <= tol_;
    r.score = r.max_rel / tol_;
    r.discrepancy = "rel " + sci(r.max_rel) + " (tol " + sci(tol_) + ")";
    r.measured = std::to_string(count_) + " comparisons; largest |d| = " + sci(r.max_abs);
    return r;
}

// ---- PredicateCheck -----------------------------------------------------------------------------

PredicateCheck::PredicateCheck(std::string name, std::string method) {
    r_.name = std::move(name);
    r_.method = std::move(method);
}

void PredicateCheck::add(bool holds, double margin, const std::string& point, bool failure_proven) {
    ++count_;
    if (!holds) {
        ++failures_;
        if (failure_proven) ++proven_failures_;
        if (failures_ == 1) r_.worst_point = point;
    }
    if (first_ || margin < min_margin_) {
        min_margin_ = margin;
        if (failures_ == 0) r_.worst_point = point;
        first_ = false;
    }
}

CheckResult PredicateCheck::result() const {
    CheckResult r = r_;
    r.agree = count_ > 0 && failures_ == 0;
    r.proven = failures_ > 0 && proven_failures_ == failures_;
    r.score = r.agree ? 0.0 : INFINITY;
    r.max_abs = min_margin_;
    r.discrepancy = failures_ ? "fails at " + std::to_string(failures_) + " of " + std::to_string(count_)
                              : "holds at " + std::to_string(count_) + " (min margin " + sci(min_margin_) + ")";
    r.measured = count_ ? "" : "no points";
    return r;
}

}  // namespace relucert::audit
