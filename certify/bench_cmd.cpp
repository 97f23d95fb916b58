// relucert bench --suite external [--dir DIR] [--json FILE]: the external suite of claim files
// (default DIR tests/external): per problem the known answer, relucert's verdict or certified
// enclosure of the minimum (tol 1e-7), boxes and seconds, as a Markdown table.
// relucert bench [ID...] [--threads N] [--json FILE]: per claim (default: the toy claims), boxes,
// seconds and boxes/s on 1 thread and on N threads (default: all cores), plus the same claim with
// plain widest-first bisection and the natural extension only (no mean-value form, monotonicity,
// tight-point arguments or smart bisection), to measure what the techniques buy.
#include <chrono>
#include <cstdio>
#include <thread>

#include <algorithm>
#include <filesystem>

#include "cli_args.hpp"
#include "command.hpp"
#include "engine_report.hpp"
#include "relucert/engine/minimize.hpp"
#include "relucert/minibex/file_claim.hpp"

namespace relucert::cli {
namespace {
using namespace relucert::engine;

struct Timing {
    Verdict verdict;
    std::size_t boxes;
    double seconds;  // per run
};

Timing timed(const Claim& c, const SearchOptions& o) {
    const auto params = default_params(c);
    int runs = 0;
    double total = 0;
    SearchResult r;
    do {  // repeat short runs so that the time is measurable
        const auto t0 = std::chrono::steady_clock::now();
        r = run_search(c, params, o);
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        ++runs;
    } while (total < 0.2 && runs < 1000);
    return {r.verdict, r.boxes, total / runs};
}

std::string md(std::string s) {
    std::replace(s.begin(), s.end(), '|', '/');
    return s;
}

int run_external_suite(const std::string& dir, const std::string& json_path) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.path().extension() == ".bch") files.push_back(e.path().string());
    if (ec) throw UsageError{"--suite external: cannot read '" + dir + "' (" + ec.message() + "); give --dir"};
    std::sort(files.begin(), files.end());
    std::printf("| problem | kind | known answer | relucert | boxes | seconds |\n|---|---|---|---|---|---|\n");
    io::JsonValue out = io::JsonValue::object();
    io::JsonValue& list = out.set("problems", io::JsonValue::array());
    for (const auto& f : files) {
        io::JsonValue j = io::JsonValue::object();
        try {
            const auto p = minibex::parse_problem_file(f);
            const std::string answer = p.meta.count("answer") ? p.meta.at("answer") : "?";
            std::string result;
            std::size_t boxes = 0;
            double seconds = 0;
            if (p.has_prove) {
                const auto c = minibex::make_prove_claim(p);
                const auto r = run_search(*c, {}, SearchOptions{});
                result = to_string(r.verdict);
                boxes = r.boxes;
                seconds = r.seconds;
            } else {
                const auto c = minibex::make_objective_claim(p, Rational(1, 1000000000));
                MinimizeOptions o;
                o.tol = 1e-7;
                const auto r = minimize(*c, o);
                char buf[128];
                std::snprintf(buf, sizeof buf, "[%.12g, %.12g]%s", r.lo, r.hi, r.converged ? "" : " (not converged)");
                result = buf;
                boxes = r.boxes;
                seconds = r.seconds;
            }
            std::printf("| %s | %s | %s | %s | %zu | %.3f |\n", minibex::claim_id(p).c_str(), p.has_prove ? "prove" : "minimize",
                        md(answer).c_str(), result.c_str(), boxes, seconds);
            std::fflush(stdout);
            j.set("id", minibex::claim_id(p));
            j.set("source", p.meta.count("source") ? p.meta.at("source") : "");
            j.set("answer", answer);
            j.set("result", result);
            j.set("boxes", boxes);
            j.set("seconds", io::JsonValue::number(seconds));
        } catch (const std::exception& e) {
            std::printf("| %s | error | | %s | | |\n", f.c_str(), md(e.what()).c_str());
            j.set("file", f);
            j.set("error", e.what());
        }
        list.push_back(std::move(j));
    }
    if (!json_path.empty()) write_text_file(json_path, out.dump(1) + "\n");
    return kExitOk;
}

int run_bench(const std::vector<std::string>& args) {
    {
        std::string suite, dir = "tests/external", json;
        bool other = false;
        for (std::size_t i = 0; i < args.size(); ++i) {
            if ((args[i] == "--suite" || args[i] == "--dir" || args[i] == "--json") && i + 1 < args.size()) {
                (args[i] == "--suite" ? suite : args[i] == "--dir" ? dir : json) = args[i + 1];
                ++i;
            } else {
                other = true;
            }
        }
        if (!suite.empty()) {
            if (suite != "external") throw UsageError{"unknown suite '" + suite + "' (known: external)"};
            if (other) throw UsageError{"--suite external takes only --dir and --json"};
            return run_external_suite(dir, json);
        }
    }
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::string json_path;
    std::size_t baseline_budget = 100000;
    std::vector<const Claim*> claims;
    for (ArgCursor cur(args); cur.next();) {
        const std::string& a = cur.arg();
        if (a == "--threads") threads = parse_threads(cur.value());
        else if (a == "--json") json_path = cur.value();
        else if (a == "--baseline-boxes") baseline_budget = parse_count(cur.value(), "--baseline-boxes");
        else if (!a.empty() && a[0] == '-') throw UsageError{"unknown option '" + a + "'"};
        else claims.push_back(&claim_or_usage(a));
    }
    if (claims.empty())
        for (const Claim* c : all_claims())
            if (c->info().id.rfind("toy.", 0) == 0) claims.push_back(c);
    std::printf("%-24s %-10s %7s %10s %10s | %-3s %10s %10s | baseline: %-10s %8s %9s\n", "claim", "verdict", "boxes",
                "s (1 thr)", "boxes/s", "thr", "s (N thr)", "boxes/s", "verdict", "boxes", "s");
    io::JsonValue out = io::JsonValue::object();
    io::JsonValue& list = out.set("claims", io::JsonValue::array());
    for (const Claim* c : claims) {
        SearchOptions one;
        SearchOptions many;
        many.threads = threads;
        SearchOptions plain;
        plain.threads = threads;
        plain.mean_value = plain.monotonicity = plain.tight_points = plain.smart_bisection = false;
        plain.max_boxes = baseline_budget;
        const Timing a = timed(*c, one), b = timed(*c, many), p = timed(*c, plain);
        auto rate = [](const Timing& t) { return t.seconds > 0 ? t.boxes / t.seconds : 0.0; };
        std::printf("%-24s %-10s %7zu %10.5f %10.0f | %3u %10.5f %10.0f | %-10s %8zu %9.4f\n", c->info().id.c_str(),
                    to_string(a.verdict).c_str(), a.boxes, a.seconds, rate(a), threads, b.seconds, rate(b),
                    to_string(p.verdict).c_str(), p.boxes, p.seconds);
        std::fflush(stdout);
        io::JsonValue j = io::JsonValue::object();
        j.set("id", c->info().id);
        j.set("verdict", to_string(a.verdict));
        j.set("boxes", a.boxes);
        j.set("seconds_1_thread", io::JsonValue::number(a.seconds));
        j.set("boxes_per_second_1_thread", io::JsonValue::number(rate(a)));
        j.set("threads", static_cast<int>(threads));
        j.set("seconds_all_threads", io::JsonValue::number(b.seconds));
        j.set("boxes_per_second_all_threads", io::JsonValue::number(rate(b)));
        io::JsonValue base = io::JsonValue::object();
        base.set("verdict", to_string(p.verdict));
        base.set("boxes", p.boxes);
        base.set("seconds", io::JsonValue::number(p.seconds));
        j.set("plain_bisection_natural_extension", std::move(base));
        list.push_back(std::move(j));
    }
    if (!json_path.empty()) write_text_file(json_path, out.dump(1) + "\n");
    return kExitOk;
}
const CommandRegistration reg({"bench", "time the engine on the toy claims (and a plain baseline)", run_bench});
}  // namespace
}  // namespace relucert::cli
