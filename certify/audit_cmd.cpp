// relucert audit: check a paper's printed closed forms independently (relucert/audit/audit.hpp).
//
//   relucert audit PAPER | ID... | --all  [--json FILE] [--markdown FILE] [--seed S] [--quick] [--verbose]
//   relucert audit --list
// One line per item: id, agree/disagree, expected/UNEXPECTED, the deciding check's discrepancy, method.
// Exit: 0 every item matched its expectation (agree, or disagree for a `.printed` item known to be
// wrong); 1 some result was unexpected; 64 usage error.
#include <cmath>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "cli_args.hpp"
#include "command.hpp"
#include "relucert/audit/audit.hpp"
#include "relucert/io/json.hpp"

namespace relucert::cli {
namespace {

using audit::AuditItem;
using audit::AuditResult;

const char* kUsage =
    "usage: relucert audit PAPER | ID... | --all  [--json FILE] [--markdown FILE] [--seed S] [--quick] [--verbose]\n"
    "       relucert audit --list\n"
    "Checks each printed closed form of a paper (kind (a) claims) independently: Monte Carlo with standard\n"
    "errors for expectations (agree iff |z| <= 5, with enough samples to see a 5% error), finite differences\n"
    "for derivatives, MPFR 256-bit interval evaluation at random points for rewrites (agree iff the two\n"
    "enclosures overlap everywhere; a gap is a proof of disagreement). PAPER (e.g. 'linear') selects all of\n"
    "its items. A '<id>.printed' item is the formula exactly as printed where it disagrees with the paper's\n"
    "own definitions; it is expected to disagree.\n"
    "  --json FILE      every item and check with its numbers and worst point\n"
    "  --markdown FILE  a self-contained, deterministic table (no timings) for proofs/<paper>.md\n"
    "  --seed S         random seed (default 1); results are deterministic for a given seed\n"
    "  --quick          smaller samples and fewer points, same decision rules (tests)\n"
    "  --verbose        also print every check of every item\n"
    "  --expect-agree   treat every item as expected to agree (so the known-wrong '.printed' items count as\n"
    "                   UNEXPECTED): shows what disagrees, exit 1 if anything does\n"
    "Exit status: 0 every item matched its expectation, 1 an unexpected result, 64 usage error.\n";

io::JsonValue num(double x) { return io::JsonValue::number(x); }

io::JsonValue to_json(const AuditItem& item, const AuditResult& r) {
    io::JsonValue j = io::JsonValue::object();
    j.set("id", item.id);
    j.set("reference", item.reference);
    j.set("statement", item.statement);
    j.set("method", item.method);
    j.set("expected", r.expected_agree ? "agree" : "disagree");
    j.set("result", r.agree() ? "agree" : "disagree");
    j.set("as_expected", r.as_expected());
    j.set("note", item.note);
    const auto& w = r.deciding();
    j.set("max_discrepancy", w.discrepancy);
    io::JsonValue checks = io::JsonValue::array();
    for (const auto& c : r.checks) {
        io::JsonValue cj = io::JsonValue::object();
        cj.set("name", c.name);
        cj.set("method", c.method);
        cj.set("agree", c.agree);
        cj.set("proven_disagreement", c.proven);
        cj.set("max_abs", num(c.max_abs));
        cj.set("max_rel", num(c.max_rel));
        cj.set("score", num(c.score));
        cj.set("discrepancy", c.discrepancy);
        cj.set("measured", c.measured);
        cj.set("worst_point", c.worst_point);
        checks.push_back(std::move(cj));
    }
    j.set("checks", std::move(checks));
    return j;
}

std::string md_escape(const std::string& s) {
    std::string r;
    for (char c : s) {
        if (c == '|') r += "\\|";
        else if (c == '*') r += "\\*";  // W* would start emphasis
        else if (c == '_') r += "\\_";
        else if (c == '<') r += "&lt;";  // <W - W*, grad L> would be read as an HTML tag
        else if (c == '>') r += "&gt;";
        else if (c == '\n') r += ' ';
        else r += c;
    }
    return r;
}

std::string markdown(const std::vector<const AuditItem*>& items, const std::vector<AuditResult>& results,
                     const audit::AuditContext& ctx, const std::string& targets) {
    std::string s;
    s += "Closed-form audit (`relucert audit " + targets;
    s += ctx.quick ? " --quick" : "";
    s += " --seed " + std::to_string(ctx.seed) + "`). Each identity is checked independently of the paper's derivation: ";
    s += "Monte Carlo (agree iff |z| <= 5 and 5 standard errors are at most 5% of the quantity), central finite differences ";
    s += "with Richardson extrapolation in MPFR, 1-D quadrature, numerical minimisation, and MPFR 256-bit interval evaluation ";
    s += "at random points (agree iff the enclosures overlap; a gap proves disagreement). `.printed` items are formulas as ";
    s += "printed where they contradict the paper's own definitions; they are expected to disagree.\n\n";
    s += "| id | reference | method | largest discrepancy (deciding check) | result | expected |\n";
    s += "|---|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& r = results[i];
        s += "| `" + items[i]->id + "` | " + md_escape(items[i]->reference) + " | " + md_escape(items[i]->method) + " | " +
             md_escape(r.deciding().discrepancy) + " | " + (r.agree() ? "agree" : "**disagree**") + " | " +
             (r.as_expected() ? "as expected" : "**UNEXPECTED**") + " |\n";
    }
    s += "\nChecks:\n\n| id | check | method | discrepancy | result |\n|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < items.size(); ++i)
        for (const auto& c : results[i].checks)
            s += "| `" + items[i]->id + "` | " + md_escape(c.name) + " | " + md_escape(c.method) + " | " + md_escape(c.discrepancy) +
                 " | " + (c.agree ? "agree" : (c.proven ? "**disagree (proven)**" : "**disagree**")) + " |\n";
    bool any = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (results[i].agree() && items[i]->note.empty()) continue;
        if (!any) s += "\nNotes:\n\n";
        any = true;
        s += "- `";
        s += items[i]->id;
        s += "`: ";
        s += md_escape(items[i]->note);
        if (!results[i].agree()) {
            const auto& w = results[i].deciding();
            if (!items[i]->note.empty()) s += ". ";
            s += "Deciding check: ";
            s += md_escape(w.name);
            s += ": ";
            s += md_escape(w.discrepancy);
            s += " at ";
            s += md_escape(w.worst_point);
            s += ".";
        }
        s += "\n";
    }
    return s;
}

int run_audit(const std::vector<std::string>& args) {
    std::vector<std::string> targets;
    bool all = false, list = false, verbose = false, expect_agree = false;
    std::string json_file, md_file;
    audit::AuditContext ctx;
    for (ArgCursor cur(args); cur.next();) {
        const std::string& a = cur.arg();
        if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return kExitOk;
        } else if (a == "--all") {
            all = true;
        } else if (a == "--list") {
            list = true;
        } else if (a == "--quick") {
            ctx.quick = true;
        } else if (a == "--expect-agree") {
            expect_agree = true;
        } else if (a == "--verbose" || a == "-v") {
            verbose = true;
        } else if (a == "--seed") {
            ctx.seed = parse_seed(cur.value());
        } else if (a == "--json") {
            json_file = cur.value();
        } else if (a == "--markdown") {
            md_file = cur.value();
        } else if (a.size() > 1 && a[0] == '-') {
            throw UsageError{"unknown option '" + a + "' (relucert audit --help)"};
        } else {
            targets.push_back(a);
        }
    }
    auto registry = audit::audit_registry();
    // The id column is as wide as the longest id listed (the results stream, so no later realignment).
    auto id_width = [](const auto& ids) {
        int w = 38;
        for (const auto& id : ids) w = std::max(w, static_cast<int>(id.size()));
        return w;
    };
    if (list) {
        std::vector<std::string> ids;
        for (const auto& it : registry) ids.push_back(it.id);
        const int w = id_width(ids);
        for (const auto& it : registry)
            std::printf("%-*s %-9s %s\n", w, it.id.c_str(), it.expected_agree ? "agree" : "disagree", it.reference.c_str());
        return kExitOk;
    }
    if (all && !targets.empty()) throw UsageError{"give a paper, ids or --all, not both"};
    if (!all && targets.empty()) throw UsageError{"nothing to audit (a paper such as 'linear', ids, or --all; --list shows the ids)"};
    std::vector<const AuditItem*> todo;
    std::set<std::string> seen;
    auto add = [&](const AuditItem* it) {
        if (seen.insert(it->id).second) todo.push_back(it);
    };
    if (all) {
        std::set<std::string> papers;
        for (const auto& it : registry) papers.insert(it.id.substr(0, it.id.find('.')));
        for (const auto& p : papers)
            for (const auto* it : audit::audit_items_for_paper(p)) add(it);
    }
    for (const auto& t : targets) {
        if (const AuditItem* it = audit::find_audit_item(t)) {
            add(it);
            continue;
        }
        const auto items = audit::audit_items_for_paper(t);
        if (!items.empty()) {
            for (const auto* it : items) add(it);
            continue;
        }
        std::string msg = "unknown paper or audit item '" + t + "'";
        const auto close = audit::close_audit_ids(t);
        if (!close.empty()) {
            msg += " (did you mean";
            for (std::size_t i = 0; i < close.size(); ++i) msg += (i ? ", " : " ") + close[i];
            msg += "?)";
        } else {
            msg += " (relucert audit --list shows the ids)";
        }
        throw UsageError{msg};
    }

    std::vector<AuditResult> results;
    std::size_t unexpected = 0, agreeing = 0;
    std::vector<std::string> todo_ids;
    for (const AuditItem* it : todo) todo_ids.push_back(it->id);
    const int w_id = id_width(todo_ids);
    for (const AuditItem* it : todo) {
        results.push_back(audit::run_audit_item(*it, ctx));
        if (expect_agree) results.back().expected_agree = true;
        const auto& r = results.back();
        if (!r.as_expected()) ++unexpected;
        if (r.agree()) ++agreeing;
        const auto& w = r.deciding();
        std::printf("%-*s %-9s %-11s %-44s %s\n", w_id, it->id.c_str(), r.agree() ? "agree" : "disagree",
                    r.as_expected() ? "expected" : "UNEXPECTED", w.discrepancy.c_str(), it->method.c_str());
        if (verbose || !r.as_expected()) {
            for (const auto& c : r.checks) {
                std::printf("    %-9s %s\n              method: %s\n              %s; %s\n", c.agree ? "agree" : "DISAGREE",
                            c.name.c_str(), c.method.c_str(), c.discrepancy.c_str(), c.measured.c_str());
                if (!c.agree || verbose) std::printf("              worst point: %s\n", c.worst_point.c_str());
            }
        }
        std::fflush(stdout);
    }
    std::printf("%zu items: %zu agree, %zu disagree; %zu unexpected\n", results.size(), agreeing, results.size() - agreeing,
                unexpected);

    if (!json_file.empty()) {
        io::JsonValue out = io::JsonValue::object();
        out.set("seed", static_cast<long long>(ctx.seed));
        out.set("quick", ctx.quick);
        io::JsonValue arr = io::JsonValue::array();
        for (std::size_t i = 0; i < todo.size(); ++i) arr.push_back(to_json(*todo[i], results[i]));
        out.set("items", std::move(arr));
        io::JsonValue sum = io::JsonValue::object();
        sum.set("items", results.size());
        sum.set("agree", agreeing);
        sum.set("unexpected", unexpected);
        out.set("summary", std::move(sum));
        std::ofstream f(json_file);
        if (!f) throw UsageError{"cannot write '" + json_file + "'"};
        f << out.dump(1) << "\n";
    }
    if (!md_file.empty()) {
        std::ofstream f(md_file);
        if (!f) throw UsageError{"cannot write '" + md_file + "'"};
        std::string t;
        for (const auto& x : targets) t += (t.empty() ? "" : " ") + x;
        f << markdown(todo, results, ctx, all ? std::string("--all") : t);
    }
    return unexpected == 0 ? kExitOk : kExitRefuted;
}

const CommandRegistration registration(
    {"audit", "check a paper's printed closed forms (Monte Carlo, finite differences, MPFR)", run_audit});

}  // namespace
}  // namespace relucert::cli
