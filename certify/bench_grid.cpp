// relucert bench-grid [ID...] [--grid N] [--json FILE]: the rigorous proof beside the plot it replaces.
// Per claim (default: linear.lemma4), the certification's boxes and seconds on 1 thread and on 2, and
// the paper's own method -- evaluating the same function in double precision on an N x N grid
// (default 1000 x 1000) of the claim's domain and looking at the minimum -- timed in the same run.
// The grid decides nothing (a grid minimum >= 0 is not a proof, and in double a tight minimum comes
// out as +-1e-17); it is the cost reference the issue sets: proof time <= 10x grid time, < 1 s.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

#include "cli_args.hpp"
#include "command.hpp"
#include "engine_report.hpp"
#include "relucert/engine/domain.hpp"

namespace relucert::cli {
namespace {
using namespace relucert::engine;
using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t0) {
    return std::chrono::duration<double>(clock_type::now() - t0).count();
}

struct ProofTiming {
    Verdict verdict = Verdict::Undecided;
    std::size_t boxes = 0;
    double seconds = 0;  // best of the repeats
};

ProofTiming time_proof(const Claim& c, unsigned threads) {
    SearchOptions o;
    o.threads = threads;
    ProofTiming t;
    t.seconds = std::numeric_limits<double>::infinity();
    double total = 0;
    for (int run = 0; run < 50 && (run < 3 || total < 0.5); ++run) {  // best of several: timer noise
        const auto t0 = clock_type::now();
        const SearchResult r = run_search(c, default_params(c), o);
        const double s = seconds_since(t0);
        total += s;
        t.seconds = std::min(t.seconds, s);
        t.verdict = r.verdict;
        t.boxes = r.boxes;
    }
    return t;
}

struct GridTiming {
    double seconds = 0, minimum = 0;
    std::vector<double> argmin;
    std::size_t points = 0;
};

// N points per axis for 2-D claims; for other dimensions about N^2 points in all (N^(2/dim) per axis).
// Grid points are cell centres of the internal domain mapped to claim coordinates (never infinity).
GridTiming time_grid(const Claim& c, std::size_t n) {
    const auto maps = variable_maps(c.info());
    const int dim = c.dim();
    const auto per_axis = static_cast<std::size_t>(std::max(
        2.0, std::round(std::pow(static_cast<double>(n), 2.0 / static_cast<double>(dim)))));
    std::vector<std::vector<double>> axis(static_cast<std::size_t>(dim));
    for (int i = 0; i < dim; ++i)
        for (std::size_t j = 0; j < per_axis; ++j) {
            const auto& m = maps[static_cast<std::size_t>(i)];
            const double s = m.s_lo + (m.s_hi - m.s_lo) * (static_cast<double>(j) + 0.5) / static_cast<double>(per_axis);
            axis[static_cast<std::size_t>(i)].push_back(map_double(m, s));
        }
    std::vector<double> params;
    for (const auto& q : default_params(c)) params.push_back(to_double(q));
    GridTiming g;
    g.seconds = std::numeric_limits<double>::infinity();
    for (int run = 0; run < 3; ++run) {
        const auto t0 = clock_type::now();
        std::vector<std::size_t> idx(static_cast<std::size_t>(dim), 0);
        std::vector<double> x(static_cast<std::size_t>(dim));
        double best = std::numeric_limits<double>::infinity();
        std::vector<double> where;
        std::size_t count = 0;
        for (;;) {
            for (int i = 0; i < dim; ++i) x[static_cast<std::size_t>(i)] = axis[static_cast<std::size_t>(i)][idx[static_cast<std::size_t>(i)]];
            const double v = relation_sign(c.info().relation) * c.eval(x.data(), params.data());
            ++count;
            if (v < best) {
                best = v;
                where = x;
            }
            int i = 0;
            while (i < dim && ++idx[static_cast<std::size_t>(i)] == per_axis) idx[static_cast<std::size_t>(i++)] = 0;
            if (i == dim) break;
        }
        g.seconds = std::min(g.seconds, seconds_since(t0));
        g.minimum = best;
        g.argmin = where;
        g.points = count;
    }
    return g;
}

const char* kUsage =
    "usage: relucert bench-grid [ID...] [--grid N] [--json FILE]\n"
    "Times the certification of each claim (default linear.lemma4) on 1 and 2 threads beside a double-precision\n"
    "N x N grid evaluation of the same function (default N = 1000), the method a plot-based proof uses.\n";

int run_bench_grid(const std::vector<std::string>& args) {
    std::size_t n = 1000;
    std::string json_path;
    std::vector<const Claim*> claims;
    for (ArgCursor cur(args); cur.next();) {
        const std::string& a = cur.arg();
        if (a == "--help" || a == "-h") {
            std::printf("%s", kUsage);
            return kExitOk;
        } else if (a == "--grid") {
            n = parse_count(cur.value(), "--grid");
            if (n < 2) throw UsageError{"--grid needs at least 2 points per axis"};
        } else if (a == "--json") json_path = cur.value();
        else if (!a.empty() && a[0] == '-') throw UsageError{"unknown option '" + a + "'"};
        else claims.push_back(&claim_or_usage(a));
    }
    if (claims.empty()) claims.push_back(&claim_or_usage("linear.lemma4"));
    std::printf("%-22s %-10s %7s %10s %10s | %9s %11s %12s | %8s %8s\n", "claim", "verdict", "boxes", "s (1 thr)",
                "s (2 thr)", "grid pts", "grid s", "grid min", "1thr/grid", "2thr/grid");
    io::JsonValue out = io::JsonValue::object();
    io::JsonValue& list = out.set("claims", io::JsonValue::array());
    for (const Claim* c : claims) {
        const ProofTiming p1 = time_proof(*c, 1), p2 = time_proof(*c, 2);
        const GridTiming g = time_grid(*c, n);
        std::printf("%-22s %-10s %7zu %10.4f %10.4f | %9zu %11.4f %12.3g | %8.2f %8.2f\n", c->info().id.c_str(),
                    to_string(p1.verdict).c_str(), p1.boxes, p1.seconds, p2.seconds, g.points, g.seconds, g.minimum,
                    p1.seconds / g.seconds, p2.seconds / g.seconds);
        io::JsonValue& e = list.push_back(io::JsonValue::object());
        e.set("id", c->info().id);
        e.set("verdict", to_string(p1.verdict));
        e.set("boxes", p1.boxes);
        e.set("seconds_1_thread", io::JsonValue::number(p1.seconds));
        e.set("seconds_2_threads", io::JsonValue::number(p2.seconds));
        e.set("grid_points", g.points);
        e.set("grid_seconds", io::JsonValue::number(g.seconds));
        e.set("grid_minimum", io::JsonValue::number(g.minimum));
    }
    if (!json_path.empty()) write_text_file(json_path, out.dump(1) + "\n");
    return kExitOk;
}

const CommandRegistration registration({"bench-grid", "certification time beside a double-precision grid of the same function", run_bench_grid});

}  // namespace
}  // namespace relucert::cli
