// relucert best ID --param NAME [--tol T] [--json FILE] [--markdown FILE] [--threads N] [--max-boxes N] [--quiet]
// (--markdown appends one table row | claim | parameter | paper | certified | refuted | exact? | to FILE,
// for the generated tables of proofs/.)
// Brackets the best value of a parameter: a value where the claim is CERTIFIED and one where it is
// REFUTED (with its counterexample), at most T apart (default 1e-6), by exact rational bisection.
// When the certified value is attained tightly -- a tight point p with g(p) = 0 exactly at which
// dg/dparam has a certain sign over the whole bracket, pointing to the refuted side -- every value
// beyond it is refuted at p, so the certified value is the exact best constant; the output says so.
#include <array>
#include <fstream>
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli_args.hpp"
#include "command.hpp"
#include "engine_report.hpp"
#include "relucert/engine/certificate.hpp"

namespace relucert::cli {
namespace {
using namespace relucert::engine;

const char* kUsage = "usage: relucert best ID --param NAME [--tol T] [--json FILE] [--markdown FILE] [--threads N] [--max-boxes N] [--quiet]";

int run_best(const std::vector<std::string>& args) {
    std::string id, name, json_path, markdown_path;
    Rational tol = parse_rational("1e-6");
    SearchOptions opt;
    opt.threads = std::max(1u, std::thread::hardware_concurrency());
    bool quiet = false;
    for (ArgCursor cur(args); cur.next();) {
        const std::string& a = cur.arg();
        if (a == "--help" || a == "-h") {
            std::cout << kUsage << "\n";
            return kExitOk;
        } else if (a == "--param") name = cur.value();
        else if (a == "--tol") {
            try {
                tol = parse_rational(cur.value());
            } catch (const std::invalid_argument& e) {
                throw UsageError{std::string("--tol: ") + e.what()};
            }
            if (tol <= 0) throw UsageError{"--tol must be positive"};
        } else if (a == "--json") json_path = cur.value();
        else if (a == "--markdown") markdown_path = cur.value();
        else if (a == "--threads") opt.threads = parse_threads(cur.value());
        else if (a == "--max-boxes") opt.max_boxes = parse_count(cur.value(), "--max-boxes");
        else if (a == "--quiet" || a == "-q") quiet = true;
        else if (!a.empty() && a[0] == '-') throw UsageError{"unknown option '" + a + "' (" + kUsage + ")"};
        else if (id.empty()) id = a;
        else throw UsageError{"best takes one claim id"};
    }
    if (id.empty() || name.empty()) throw UsageError{kUsage};
    const Claim& c = claim_or_usage(id);
    const int j = c.param_index(name);
    if (j < 0) throw UsageError{id + " has no parameter '" + name + "'"};
    auto params = default_params(c);
    auto verdict_at = [&](const Rational& v, SearchResult* out = nullptr) {
        auto p = params;
        p[static_cast<std::size_t>(j)] = v;
        SearchResult r = run_search(c, p, opt);
        if (!quiet) std::fprintf(stderr, "  %s = %s: %s (%zu boxes)\n", name.c_str(), to_string(v).c_str(), to_string(r.verdict).c_str(), r.boxes);
        const Verdict verdict = r.verdict;
        if (out) *out = std::move(r);
        return verdict;
    };
    const Rational c0 = params[static_cast<std::size_t>(j)];
    const Verdict v0 = verdict_at(c0);
    if (v0 == Verdict::Undecided) {
        std::fprintf(stderr, "relucert best: %s is UNDECIDED at %s = %s; cannot bracket\n", id.c_str(), name.c_str(), to_string(c0).c_str());
        return kExitUndecided;
    }
    // Find the other side by doubling steps in both directions.
    Rational certified = c0, refuted = c0;
    bool bracketed = false;
    const Rational base = (c0 == 0 ? Rational(1) : abs(c0)) / 64;
    for (int k = 0; k < 60 && !bracketed; ++k) {
        const Rational d = base * Rational(boost::multiprecision::pow(boost::multiprecision::mpz_int(2), static_cast<unsigned>(k)));
        for (const Rational& cand : std::array<Rational, 2>{Rational(c0 - d), Rational(c0 + d)}) {
            const Verdict v = verdict_at(cand);
            if (v != Verdict::Undecided && v != v0) {
                (v0 == Verdict::Certified ? refuted : certified) = cand;
                bracketed = true;
                break;
            }
        }
    }
    if (!bracketed) {
        std::fprintf(stderr, "relucert best: no value of %s with the opposite verdict found\n", name.c_str());
        return kExitUndecided;
    }
    std::string note;
    while (abs(certified - refuted) > tol) {
        const Rational mid = (certified + refuted) / 2;
        const Verdict v = verdict_at(mid);
        if (v == Verdict::Certified) certified = mid;
        else if (v == Verdict::Refuted) refuted = mid;
        else {
            note = "bisection stopped: UNDECIDED at " + to_string(mid);
            break;
        }
    }
    SearchResult rc, rr;
    verdict_at(certified, &rc);
    verdict_at(refuted, &rr);
    // Exactness: a tight point where g = 0 exactly and dg/dparam keeps a sign pointing to the refuted side.
    bool exact = false;
    std::string exact_why;
    const int sgn = relation_sign(c.info().relation);
    for (const auto& t : rc.tight_points) {
        std::vector<ExactI> xe;
        std::vector<Interval> X;
        for (const auto& q : t.point) {
            xe.push_back(ExactI::from_exact(q));
            X.push_back(xe.back().enclosure());
        }
        std::vector<ExactI> pe;
        std::vector<Interval> P;
        for (std::size_t k = 0; k < params.size(); ++k) {
            const Rational v = (static_cast<int>(k) == j) ? certified : params[k];
            pe.push_back(ExactI::from_rational(v));
            P.push_back(enclose(v));
        }
        if (!c.eval(xe.data(), pe.data()).is_exact_zero()) continue;
        P[static_cast<std::size_t>(j)] = hull(enclose(certified), enclose(refuted));
        Interval d = c.parameter_derivative(X.data(), P.data(), j);
        if (sgn < 0) d = -d;
        // g(p; v) = (v - certified) * d(xi): negative for every v beyond `certified` towards `refuted`
        if ((refuted < certified && d.certainly_positive()) || (refuted > certified && d.certainly_negative())) {
            exact = true;
            exact_why = "g = 0 exactly at the tight point and dg/d" + name + " has a certain sign towards the refuted side: " + t.argument;
            break;
        }
    }
    std::printf("%s: %s certified at %s = %s%s, refuted at %s = %s\n", id.c_str(), name.c_str(), name.c_str(),
                to_string(certified).c_str(), exact ? " (exact best constant, attained)" : "", name.c_str(),
                to_string(refuted).c_str());
    if (rr.counterexample) {
        const auto pt = point_text(rr.maps, rr.counterexample->internal);
        std::printf("  counterexample at (");
        for (std::size_t k = 0; k < pt.size(); ++k) std::printf("%s%s = %s", k ? ", " : "", c.info().variables[k].name.c_str(), pt[k].c_str());
        std::printf(")\n");
    }
    if (!note.empty()) std::printf("  %s\n", note.c_str());
    if (!json_path.empty()) {
        io::JsonValue j2 = io::JsonValue::object();
        j2.set("id", id);
        j2.set("param", name);
        j2.set("certified", to_string(certified));
        j2.set("certified_value", io::JsonValue::number(to_double(certified)));
        j2.set("refuted", to_string(refuted));
        j2.set("refuted_value", io::JsonValue::number(to_double(refuted)));
        j2.set("exact", exact);
        if (exact) j2.set("exact_argument", exact_why);
        if (rr.counterexample) {
            io::JsonValue ce = io::JsonValue::object();
            ce.set("point", point_json(c, rr.maps, rr.counterexample->internal));
            j2.set("counterexample", std::move(ce));
        } else {
            j2.set("counterexample", io::JsonValue());
        }
        if (!note.empty()) j2.set("note", note);
        write_text_file(json_path, j2.dump(1) + "\n");
    }
    if (!markdown_path.empty()) {
        std::ofstream md(markdown_path, std::ios::app);
        if (!md) throw UsageError{"cannot open " + markdown_path};
        char dec[64];
        std::snprintf(dec, sizeof dec, "%.9g", to_double(certified));
        std::string where;
        if (rr.counterexample) {
            const auto pt = point_text(rr.maps, rr.counterexample->internal);
            for (std::size_t k = 0; k < pt.size(); ++k)
                where += (k ? ", " : "") + c.info().variables[k].name + " = " + pt[k];
        }
        md << "| `" << id << "` | " << name << " | " << to_string(c0) << " | " << to_string(certified) << " (" << dec
           << ") | " << to_string(refuted) << (where.empty() ? "" : " at (" + where + ")") << " | "
           << (exact ? "yes: attained at a tight point" : (note.empty() ? "bracket of width <= tol" : note)) << " |\n";
    }
    return note.empty() ? kExitOk : kExitUndecided;
}
const CommandRegistration reg({"best", "bracket the best constant of a claim's parameter", run_best});
}  // namespace
}  // namespace relucert::cli
