#include "relucert/edit_distance.hpp"
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
