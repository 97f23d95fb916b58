// relucert check CERT...: replay certificates with the MPFR checker. Exit 0 if all are valid, 65 if
// any is invalid (the reason is printed), 64 without arguments.
#include <cstdio>

#include "command.hpp"
#include "engine_report.hpp"
#include "relucert/engine/checker.hpp"

namespace relucert::cli {
namespace {
using namespace relucert::engine;

int run_check(const std::vector<std::string>& args) {
    if (args.empty()) throw UsageError{"usage: relucert check CERT..."};
    bool ok = true;
    for (const auto& path : args) {
        std::string text;
        try {
            text = read_text_file(path);
        } catch (const std::exception& e) {
            std::printf("%s: INVALID: %s\n", path.c_str(), e.what());
            ok = false;
            continue;
        }
        // a single certificate, or {"certificates": [...]} as written by certify --cert for several claims
        std::vector<CheckResult> results;
        try {
            const io::JsonValue doc = io::parse_json(text);
            if (const auto* list = doc.find("certificates"); list && list->is_array()) {
                if (list->size() == 0) results.push_back({false, "no certificates in the file", "", Verdict::Undecided, 0});
                for (const auto& c : list->as_array()) results.push_back(check_certificate(c));
            } else {
                results.push_back(check_certificate(doc));
            }
        } catch (const io::JsonError& e) {
            results.push_back({false, e.what(), "", Verdict::Undecided, 0});
        }
        for (const auto& r : results) {
            if (r.valid) std::printf("%s: %s\n", path.c_str(), r.reason.c_str());
            else std::printf("%s: INVALID%s: %s\n", path.c_str(), r.claim_id.empty() ? "" : (" " + r.claim_id).c_str(), r.reason.c_str());
            ok = ok && r.valid;
        }
    }
    return ok ? kExitOk : kExitDataErr;
}
const CommandRegistration reg({"check", "replay certificates with the high-precision checker", run_check});
}  // namespace
}  // namespace relucert::cli
