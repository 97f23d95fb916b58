// The experiment registry behind `relucert reproduce`: each entry is one figure or table of a paper,
// with the paper's setup, what the paper reports, and a runner that writes CSV + SVG and checks the
// paper's statements against the data it produced. Experiments register themselves (certify/experiments/)
// with a static ExperimentRegistration, like CLI commands.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace relucert::trainer {

enum class Scale { paper, ci };
const char* to_string(Scale s);

struct ExperimentContext {
    Scale scale = Scale::paper;
    std::uint64_t seed = 1;
    std::filesystem::path out_dir = ".";
    // Called now and then with the fraction done (0..1); may be empty.
    std::function<void(double)> progress;
};

// One statement of the paper, checked on our data.
struct ExperimentCheck {
    std::string claim;     // what the paper says (quoted or paraphrased with its location)
    bool holds = false;    // whether our data show it
    std::string measured;  // the numbers behind the verdict
};

struct ExperimentReport {
    std::vector<std::filesystem::path> files;
    std::vector<ExperimentCheck> checks;
    std::string summary;  // one line: our numbers beside the paper's
    bool reproduced() const {
        for (const auto& c : checks)
            if (!c.holds) return false;
        return !checks.empty();
    }
};

struct Experiment {
    std::string id;                   // "<paper>.<figure>", e.g. "linear.fig5"
    std::string title;
    std::string paper_setup;          // the paper's own setup (what --scale paper runs)
    std::string ci_setup;             // the reduced setup of --scale ci
    std::vector<std::string> paper_reports;  // what the paper reports, with its location
    std::function<ExperimentReport(const ExperimentContext&)> run;
};

std::vector<Experiment>& experiment_registry();
const Experiment* find_experiment(const std::string& id);
// Registered ids closest to `id` by edit distance (at most `max`, only reasonably close ones).
std::vector<std::string> close_experiment_ids(const std::string& id, std::size_t max = 3);

struct ExperimentRegistration {
    explicit ExperimentRegistration(Experiment e);
};

}  // namespace relucert::trainer
