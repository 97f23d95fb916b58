// relucert list [--json]: the registered claims, then the audit items (relucert audit).
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "command.hpp"
#include "engine_report.hpp"
#include "relucert/audit/audit.hpp"

namespace relucert::cli {
namespace {
using namespace relucert::engine;

int run_list(const std::vector<std::string>& args) {
    bool json = false;
    for (const auto& a : args) {
        if (a == "--json") json = true;
        else throw UsageError{"unknown argument '" + a + "' (usage: relucert list [--json])"};
    }
    const auto claims = all_claims();
    if (json) {
        io::JsonValue out = io::JsonValue::object();
        io::JsonValue& list = out.set("claims", io::JsonValue::array());
        for (const Claim* c : claims) {
            const auto& i = c->info();
            io::JsonValue j = io::JsonValue::object();
            j.set("id", i.id);
            j.set("reference", i.reference);
            j.set("statement", i.statement);
            j.set("relation", to_string(i.relation));
            j.set("expected", to_string(i.expected));
            io::JsonValue vars = io::JsonValue::array();
            for (const auto& v : i.variables) {
                io::JsonValue vj = io::JsonValue::object();
                vj.set("name", v.name);
                vj.set("lo", v.lo.text());
                vj.set("hi", v.hi.text());
                vars.push_back(std::move(vj));
            }
            j.set("variables", std::move(vars));
            io::JsonValue ps = io::JsonValue::object();
            for (const auto& p : i.parameters) ps.set(p.name, to_string(p.value));
            j.set("parameters", std::move(ps));
            j.set("notes", i.notes);
            list.push_back(std::move(j));
        }
        // closed-form identities checked by `relucert audit` (kind (a) claims)
        io::JsonValue& audits = out.set("audit_items", io::JsonValue::array());
        for (const auto& it : audit::audit_registry()) {
            io::JsonValue j = io::JsonValue::object();
            j.set("id", it.id);
            j.set("reference", it.reference);
            j.set("statement", it.statement);
            j.set("method", it.method);
            j.set("expected", it.expected_agree ? "agree" : "disagree");
            audits.push_back(std::move(j));
        }
        std::cout << out.dump(1) << "\n";
        return kExitOk;
    }
    for (const Claim* c : claims)
        std::printf("%-34s %-10s %s\n", c->info().id.c_str(), to_string(c->info().expected).c_str(),
                    c->info().statement.c_str());
    std::vector<const audit::AuditItem*> audits;
    for (const auto& it : audit::audit_registry()) audits.push_back(&it);
    std::sort(audits.begin(), audits.end(), [](auto* a, auto* b) { return a->id < b->id; });
    if (!audits.empty()) std::printf("\naudit items (relucert audit):\n");
    for (const auto* it : audits)
        std::printf("%-34s %-10s %s\n", it->id.c_str(), it->expected_agree ? "agree" : "disagree", it->statement.c_str());
    return kExitOk;
}
const CommandRegistration reg({"list", "list the registered claims", run_list});
}  // namespace
}  // namespace relucert::cli
