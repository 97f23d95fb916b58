// relucert reproduce: run registered paper experiments (relucert/trainer/experiment.hpp), write their
// CSV + SVG, and print one comparison line per experiment.
//
//   relucert reproduce ID... | --all  [--out DIR] [--scale paper|ci] [--seed S]   (--list: the ids)
// Exit: 0 every experiment reproduced the paper's statements; 1 some statement did not hold on our data;
// 64 usage error (unknown id, bad option).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "cli_args.hpp"
#include "command.hpp"
#include "relucert/trainer/experiment.hpp"

namespace relucert::cli {
namespace {

using trainer::Experiment;
using trainer::Scale;

const char* kUsage =
    "usage: relucert reproduce ID... | --all  [--out DIR] [--scale paper|ci] [--seed S]\n"
    "       relucert reproduce --list\n"
    "Runs paper experiments, writes DIR/<id>.csv and DIR/<id>.svg (default DIR: reproduce-out), and prints\n"
    "one comparison line each. --scale ci is the reduced setup CI runs; paper (default) is the paper's own.\n"
    "Exit status: 0 reproduced, 1 a paper statement did not hold on our data, 64 usage error.\n";

// Prints "[id] 42% (3.1 s)" on stderr once a run has taken more than a second; \r-updated on a
// terminal, otherwise a line every few seconds.
class Progress {
public:
    explicit Progress(std::string id) : id_(std::move(id)), start_(clock::now()), tty_(isatty(STDERR_FILENO)) {}
    void operator()(double fraction) {
        const double s = elapsed();
        if (s < 1.0) return;
        if (!tty_ && s - last_ < 5.0) return;
        last_ = s;
        std::fprintf(stderr, tty_ ? "\r[%s] %3.0f%% (%.1f s)" : "[%s] %3.0f%% (%.1f s)\n", id_.c_str(), 100 * fraction, s);
        shown_ = true;
    }
    void done() {
        if (shown_ && tty_) std::fprintf(stderr, "\n");
    }
    double elapsed() const { return std::chrono::duration<double>(clock::now() - start_).count(); }

private:
    using clock = std::chrono::steady_clock;
    std::string id_;
    clock::time_point start_;
    bool tty_;
    bool shown_ = false;
    double last_ = 0;
};

int run_reproduce(const std::vector<std::string>& args) {
    std::vector<std::string> ids;
    bool all = false, list = false;
    trainer::ExperimentContext ctx;
    ctx.out_dir = "reproduce-out";
    for (ArgCursor cur(args); cur.next();) {
        const std::string& a = cur.arg();
        if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return kExitOk;
        } else if (a == "--all") {
            all = true;
        } else if (a == "--list") {
            list = true;
        } else if (a == "--out") {
            ctx.out_dir = cur.value();
        } else if (a == "--scale") {
            const std::string& s = cur.value();
            if (s == "paper")
                ctx.scale = Scale::paper;
            else if (s == "ci")
                ctx.scale = Scale::ci;
            else
                throw UsageError{"--scale must be 'paper' or 'ci', got '" + s + "'"};
        } else if (a == "--seed") {
            ctx.seed = parse_seed(cur.value());
        } else if (a.size() > 1 && a[0] == '-') {
            throw UsageError{"unknown option '" + a + "' (relucert reproduce --help)"};
        } else {
            ids.push_back(a);
        }
    }
    const auto& registry = trainer::experiment_registry();
    if (list) {
        for (const auto& e : registry) std::cout << e.id << "  " << e.title << "\n";
        return kExitOk;
    }
    if (all && !ids.empty()) throw UsageError{"give experiment ids or --all, not both"};
    if (!all && ids.empty()) throw UsageError{"no experiment given (ids, or --all; --list shows the ids)"};
    std::vector<const Experiment*> todo;
    if (all) {
        for (const auto& e : registry) todo.push_back(&e);
    } else {
        std::set<std::string> seen;
        for (const auto& id : ids) {
            const Experiment* e = trainer::find_experiment(id);
            if (!e) {
                std::string msg = "unknown experiment '" + id + "'";
                const auto close = trainer::close_experiment_ids(id);
                if (!close.empty()) {
                    msg += " (did you mean";
                    for (std::size_t i = 0; i < close.size(); ++i) msg += (i ? ", " : " ") + close[i];
                    msg += "?)";
                } else {
                    msg += " (relucert reproduce --list shows the ids)";
                }
                throw UsageError{msg};
            }
            if (seen.insert(id).second) todo.push_back(e);
        }
    }

    bool all_ok = true;
    for (const Experiment* e : todo) {
        Progress progress(e->id);
        ctx.progress = [&progress](double f) { progress(f); };
        const auto report = e->run(ctx);
        progress.done();
        const bool ok = report.reproduced();
        all_ok = all_ok && ok;
        char secs[32];
        std::snprintf(secs, sizeof secs, "%.1f s", progress.elapsed());
        std::cout << e->id << "  " << (ok ? "REPRODUCED" : "NOT REPRODUCED") << "  " << report.summary << "  ["
                  << secs << ", scale " << trainer::to_string(ctx.scale) << ", seed " << ctx.seed << "]\n";
        for (const auto& c : report.checks)
            std::cout << "    " << (c.holds ? "holds   " : "FAILS   ") << c.claim << ": " << c.measured << "\n";
        for (const auto& f : report.files) std::cout << "    wrote " << f.string() << "\n";
    }
    return all_ok ? kExitOk : kExitRefuted;
}

const CommandRegistration registration(
    {"reproduce", "run paper experiments (CSV + SVG, comparison with the paper)", run_reproduce});

}  // namespace
}  // namespace relucert::cli
