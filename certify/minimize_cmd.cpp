// relucert minimize FILE.bch [--tol T] [--eq-tol E] [--max-boxes N] [--json FILE]: certified enclosure
// [lo, hi] of the global minimum of a claim file's `minimize` objective under its constraints, and a
// feasible point achieving hi (engine/minimize.hpp). --tol: target hi - lo, absolute (default 1e-6).
// Equality constraints h = 0 are relaxed to |h| <= E (default 1e-9), printed with the result.
// Exit: 0 enclosure within tol, 2 budget exhausted / not converged (what was reached is printed),
// 64 usage, 65 parse error or a file without `minimize`.
#include <cstdio>
#include <memory>

#include "cli_args.hpp"
#include "command.hpp"
#include "engine_report.hpp"
#include "relucert/engine/minimize.hpp"
#include "relucert/minibex/file_claim.hpp"

namespace relucert::cli {
namespace {
using namespace relucert::engine;

double parse_positive(const std::string& s, const char* what) {
    try {
        const Rational q = parse_rational(s);
        if (q <= 0) throw std::invalid_argument("");
        return to_double(q);
    } catch (const std::invalid_argument&) {
        throw UsageError{std::string(what) + " needs a positive number, not '" + s + "'"};
    }
}

int run_minimize(const std::vector<std::string>& args) {
    std::string file, json_path;
    MinimizeOptions opt;
    Rational eq_tol(1, 1000000000);
    for (ArgCursor cur(args); cur.next();) {
        const std::string& a = cur.arg();
        if (a == "--tol") opt.tol = parse_positive(cur.value(), "--tol");
        else if (a == "--eq-tol") {
            const std::string v = cur.value();
            parse_positive(v, "--eq-tol");
            eq_tol = parse_rational(v);
        } else if (a == "--max-boxes") opt.max_boxes = parse_count(cur.value(), "--max-boxes");
        else if (a == "--json") json_path = cur.value();
        else if (!a.empty() && a[0] == '-') throw UsageError{"unknown option '" + a + "'"};
        else if (file.empty()) file = a;
        else throw UsageError{"minimize takes one claim file"};
    }
    if (file.empty()) throw UsageError{"usage: relucert minimize FILE.bch [--tol T] [--eq-tol E] [--max-boxes N] [--json FILE]"};
    if (opt.max_boxes == 0) throw UsageError{"--max-boxes must be positive"};
    std::unique_ptr<Claim> claim;
    bool has_eq = false;
    try {
        const auto prob = minibex::parse_problem_file(file);
        for (const auto& c : prob.constraints) has_eq = has_eq || c.kind == minibex::ConstraintKind::Equal;
        claim = minibex::make_objective_claim(prob, eq_tol);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "relucert: %s\n", e.what());
        return kExitDataErr;
    }
    const MinimizeResult r = minimize(*claim, opt);
    std::printf("%s: %s\n", claim->info().id.c_str(), claim->info().statement.c_str());
    if (has_eq) std::printf("  equality constraints relaxed to |lhs - rhs| <= %s\n", to_string(eq_tol).c_str());
    std::printf("  minimum in [%.17g, %.17g]  (width %.3g, tol %.3g)\n", r.lo, r.hi, r.hi - r.lo, opt.tol);
    if (r.feasible_found) {
        std::printf("  attained within the enclosure at (");
        for (std::size_t k = 0; k < r.point_text.size(); ++k)
            std::printf("%s%s = %s", k ? ", " : "", claim->info().variables[k].name.c_str(), r.point_text[k].c_str());
        std::printf(")\n");
    }
    std::printf("  %s, %zu boxes, %.3f s%s\n", r.converged ? "CONVERGED" : "NOT CONVERGED", r.boxes, r.seconds,
                r.reason.empty() ? "" : (": " + r.reason).c_str());
    if (!json_path.empty()) {
        io::JsonValue j = io::JsonValue::object();
        j.set("claim", claim->info().id);
        j.set("objective", claim->info().statement);
        j.set("converged", r.converged);
        j.set("lo", io::JsonValue::number(r.lo));
        j.set("hi", io::JsonValue::number(r.hi));
        j.set("tol", io::JsonValue::number(opt.tol));
        if (has_eq) j.set("equality_tolerance", to_string(eq_tol));
        io::JsonValue pt = io::JsonValue::object();
        for (std::size_t k = 0; k < r.point_text.size(); ++k) pt.set(claim->info().variables[k].name, r.point_text[k]);
        j.set("point", std::move(pt));
        j.set("boxes", r.boxes);
        j.set("seconds", io::JsonValue::number(r.seconds));
        if (!r.reason.empty()) j.set("reason", r.reason);
        write_text_file(json_path, j.dump(1) + "\n");
    }
    return r.converged ? kExitOk : kExitUndecided;
}
const CommandRegistration reg({"minimize", "certified enclosure of the global minimum of a claim file", run_minimize});
}  // namespace
}  // namespace relucert::cli
