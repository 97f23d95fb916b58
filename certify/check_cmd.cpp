// relucert check CERT... [--claim FILE.bch]: replay certificates with the MPFR checker. Exit 0 if all
// are valid, 65 if any is invalid (the reason is printed), 64 without arguments.
// Certificates of claim files: the claim is rebuilt from FILE.bch when --claim is given, otherwise from
// the file text embedded in the certificate ("source"); the statement checked is printed.
#include <cstdio>
#include <memory>

#include "command.hpp"
#include "engine_report.hpp"
#include "relucert/engine/checker.hpp"
#include "relucert/minibex/file_claim.hpp"

namespace relucert::cli {
namespace {
using namespace relucert::engine;

CheckResult check_one(const io::JsonValue& c, const Claim* given) {
    if (given) return check_certificate(c, given);
    if (const auto* src = c.find("source"); src && src->is_object()) {
        std::unique_ptr<Claim> claim;
        try {
            auto prob = minibex::parse_problem(src->at("text").as_string(), "<certificate source>");
            // the embedded text names no file: the id is the certificate's (checked against nothing else)
            if (const auto* id = c.find("claim"); id && id->is_string()) prob.meta["id"] = id->as_string();
            claim = minibex::make_prove_claim(prob);
        } catch (const std::exception& e) {
            return {false, std::string("embedded claim file: ") + e.what(), "", Verdict::Undecided, 0};
        }
        CheckResult r = check_certificate(c, claim.get());
        if (r.valid) r.reason += " [claim file embedded in the certificate: " + claim->info().statement + "]";
        return r;
    }
    return check_certificate(c);
}

int run_check(const std::vector<std::string>& args) {
    std::vector<std::string> paths;
    std::unique_ptr<Claim> given;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--claim") {
            if (i + 1 >= args.size()) throw UsageError{"--claim needs a claim file"};
            try {
                given = minibex::make_prove_claim(minibex::parse_problem_file(args[++i]));
            } catch (const std::exception& e) {
                std::fprintf(stderr, "relucert: %s\n", e.what());
                return kExitDataErr;
            }
        } else {
            paths.push_back(args[i]);
        }
    }
    if (paths.empty()) throw UsageError{"usage: relucert check CERT... [--claim FILE.bch]"};
    bool ok = true;
    for (const auto& path : paths) {
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
                for (const auto& c : list->as_array()) results.push_back(check_one(c, given.get()));
            } else {
                results.push_back(check_one(doc, given.get()));
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
