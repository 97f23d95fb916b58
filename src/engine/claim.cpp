#include "relucert/edit_distance.hpp"
#include "relucert/engine/claim.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <stdexcept>

namespace relucert::engine {

std::string to_string(Relation r) {
    switch (r) {
        case Relation::GreaterEq: return ">=";
        case Relation::Greater: return ">";
        case Relation::LessEq: return "<=";
        case Relation::Less: return "<";
    }
    return "?";
}
std::string to_string(Verdict v) {
    switch (v) {
        case Verdict::Certified: return "CERTIFIED";
        case Verdict::Refuted: return "REFUTED";
        case Verdict::Undecided: return "UNDECIDED";
    }
    return "?";
}

std::string Endpoint::text() const {
    if (infinity) return infinity > 0 ? "inf" : "-inf";
    return to_string(value);
}

Claim::Claim(ClaimInfo info) : info_(std::move(info)) {}
Claim::~Claim() = default;

void Claim::add_constraint(std::shared_ptr<const Claim> c) {
    if (!c || c->dim() != dim() || c->num_params() != 0)
        throw std::invalid_argument("add_constraint: a constraint needs the claim's variables and no parameters");
    constraints_.push_back(std::move(c));
}

int Claim::param_index(std::string_view name) const {
    for (int j = 0; j < num_params(); ++j)
        if (info_.parameters[static_cast<std::size_t>(j)].name == name) return j;
    return -1;
}

namespace {
std::map<std::string, std::unique_ptr<Claim>, std::less<>>& registry() {
    static std::map<std::string, std::unique_ptr<Claim>, std::less<>> r;
    return r;
}
}  // namespace

ClaimRegistration::ClaimRegistration(std::unique_ptr<Claim> claim) {
    const std::string id = claim->info().id;
    if (!registry().emplace(id, std::move(claim)).second) {
        std::fprintf(stderr, "relucert: claim id '%s' registered twice\n", id.c_str());
        std::abort();
    }
}

std::vector<const Claim*> all_claims() {
    std::vector<const Claim*> out;
    for (const auto& [id, c] : registry()) out.push_back(c.get());
    return out;
}

const Claim* find_claim(std::string_view id) {
    auto it = registry().find(id);
    return it == registry().end() ? nullptr : it->second.get();
}

std::vector<std::string> similar_claim_ids(std::string_view id, std::size_t max) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& [name, c] : registry()) {
        std::size_t d = edit_distance(id, name);
        // a query that is a substring of an id (e.g. "cos-chord") is a strong hint
        if (!id.empty() && name.find(id) != std::string::npos) d = std::min<std::size_t>(d, 1);
        if (d <= std::max<std::size_t>(3, name.size() / 3)) scored.emplace_back(d, name);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && i < max; ++i) out.push_back(scored[i].second);
    return out;
}

}  // namespace relucert::engine
