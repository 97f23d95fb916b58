#include "relucert/trainer/experiment.hpp"

#include <algorithm>

#include "relucert/trainer/network.hpp"

namespace relucert::trainer {

const char* to_string(Scale s) { return s == Scale::paper ? "paper" : "ci"; }

std::vector<Experiment>& experiment_registry() {
    static std::vector<Experiment> registry;
    return registry;
}

ExperimentRegistration::ExperimentRegistration(Experiment e) {
    if (find_experiment(e.id)) throw TrainerError("experiment registered twice: " + e.id);
    experiment_registry().push_back(std::move(e));
}

const Experiment* find_experiment(const std::string& id) {
    for (const auto& e : experiment_registry())
        if (e.id == id) return &e;
    return nullptr;
}

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}
}  // namespace

std::vector<std::string> close_experiment_ids(const std::string& id, std::size_t max) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& e : experiment_registry()) {
        const std::size_t dist = edit_distance(id, e.id);
        const bool prefix = !id.empty() && e.id.rfind(id, 0) == 0;
        if (prefix || dist <= std::max<std::size_t>(2, e.id.size() / 3)) scored.emplace_back(prefix ? 0 : dist, e.id);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && i < max; ++i) out.push_back(scored[i].second);
    return out;
}

}  // namespace relucert::trainer
