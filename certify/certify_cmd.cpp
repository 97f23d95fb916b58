// Claim files: an argument ending in .bch, or naming an existing file, is read as a Minibex claim file
// (docs/claim-files.md) and goes through exactly the same path; its certificate embeds the file's text
// ("source") so that `relucert check` can replay it. A parse error prints file:line:col and exits 65.
// relucert certify ID... | --all [--param NAME=VALUE] [--threads N] [--json FILE] [--cert FILE]
//                                 [--svg FILE] [--max-boxes N] [--markdown FILE] [--quiet]
// --markdown FILE writes the verdict table as Markdown without timings (deterministic), for proofs/
// and the README; scripts/update-docs.sh regenerates them and a CLI test checks they are fresh.
// Exit: one claim (or several): 0 all certified, 1 a claim refuted, 2 otherwise; --all: 0 only if every
// claim's verdict equals its expected verdict, else 1. Usage errors: 64.
#include <cstdio>
#include <map>
#include <memory>
#include <iostream>
#include <thread>

#include "cli_args.hpp"
#include "command.hpp"
#include "engine_report.hpp"
#include "relucert/engine/certificate.hpp"
#include "relucert/minibex/file_claim.hpp"

namespace relucert::cli {
namespace {

using namespace relucert::engine;

const char* kUsage =
    "usage: relucert certify ID... | --all [--param NAME=VALUE]... [--threads N] [--json FILE] [--cert FILE] "
    "[--svg FILE] [--max-boxes N] [--markdown FILE] [--quiet]";

std::string md_escape(std::string s) {
    std::string out;
    for (char ch : s) {
        if (ch == '|') out += "\\|";
        else if (ch == '\n') out += ' ';
        else out += ch;
    }
    return out;
}

int run_certify(const std::vector<std::string>& args) {
    std::vector<std::string> ids;
    bool all = false, quiet = false;
    std::vector<std::pair<std::string, Rational>> overrides;
    SearchOptions opt;
    opt.threads = std::max(1u, std::thread::hardware_concurrency());
    std::string json_path, cert_path, svg_path, md_path;
    for (ArgCursor cur(args); cur.next();) {
        const std::string& a = cur.arg();
        if (a == "--help" || a == "-h") {
            std::cout << kUsage << "\n";
            return kExitOk;
        } else if (a == "--all") all = true;
        else if (a == "--quiet" || a == "-q") quiet = true;
        else if (a == "--param") overrides.push_back(parse_param_arg(cur.value()));
        else if (a == "--threads") opt.threads = parse_threads(cur.value());
        else if (a == "--max-boxes") opt.max_boxes = parse_count(cur.value(), "--max-boxes");
        else if (a == "--json") json_path = cur.value();
        else if (a == "--cert") cert_path = cur.value();
        else if (a == "--svg") svg_path = cur.value();
        else if (a == "--markdown") md_path = cur.value();
        else if (!a.empty() && a[0] == '-') throw UsageError{"unknown option '" + a + "' (" + kUsage + ")"};
        else ids.push_back(a);
    }
    if (all && !ids.empty()) throw UsageError{"give claim ids or --all, not both"};
    std::vector<const Claim*> claims;
    std::vector<std::unique_ptr<Claim>> file_claims;
    std::map<const Claim*, std::string> sources;
    if (all) claims = all_claims();
    for (const auto& id : ids) {
        if (is_claim_file(id)) {
            try {
                const auto prob = minibex::parse_problem_file(id);
                file_claims.push_back(minibex::make_prove_claim(prob));
                sources[file_claims.back().get()] = prob.source_text;
                claims.push_back(file_claims.back().get());
            } catch (const minibex::ParseError& e) {
                std::fprintf(stderr, "relucert: %s\n", e.what());
                return kExitDataErr;
            } catch (const std::invalid_argument& e) {
                std::fprintf(stderr, "relucert: %s\n", e.what());
                return kExitDataErr;
            }
            continue;
        }
        claims.push_back(&claim_or_usage(id));
    }
    if (claims.empty()) throw UsageError{std::string("no claim given (") + kUsage + ")"};
    for (const auto& [name, v] : overrides) {
        bool used = false;
        for (const Claim* c : claims) used = used || c->param_index(name) >= 0;
        if (!used) throw UsageError{"--param " + name + ": no selected claim has a parameter '" + name + "'"};
    }
    if (!svg_path.empty() && claims.size() != 1) throw UsageError{"--svg needs exactly one claim"};
    if (opt.max_boxes == 0) throw UsageError{"--max-boxes must be positive"};

    io::JsonValue report = io::JsonValue::object();
    io::JsonValue& list = report.set("claims", io::JsonValue::array());
    io::JsonValue certs = io::JsonValue::array();
    bool all_expected = true, any_refuted = false, all_certified = true;
    std::string md = "| claim | reference | statement | verdict | expected | boxes | tight points: argument / counterexample |\n"
                     "|---|---|---|---|---|---|---|\n";
    std::printf("%-34s %-10s %-10s %9s %9s  %s\n", "claim", "verdict", "expected", "boxes", "seconds", "notes");
    for (const Claim* c : claims) {
        const auto params = params_for(*c, overrides);
        SearchOptions o = opt;
        o.progress = progress_line(c->info().id, quiet);
        SearchResult r;
        try {
            r = run_search(*c, params, o);
        } catch (const std::invalid_argument& e) {
            throw UsageError{c->info().id + ": " + e.what()};
        }
        end_progress_line(quiet);
        all_expected = all_expected && r.verdict == c->info().expected;
        any_refuted = any_refuted || r.verdict == Verdict::Refuted;
        all_certified = all_certified && r.verdict == Verdict::Certified;
        std::string note;
        if (r.verdict == Verdict::Certified) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "min g >= %.6g", *r.lower_bound + 0.0);
            note = buf;
            if (!r.tight_points.empty()) note += ", " + std::to_string(r.tight_points.size()) + " tight point(s)";
        } else if (r.verdict == Verdict::Refuted) {
            note = "counterexample at (";
            const auto pt = point_text(r.maps, r.counterexample->internal);
            for (std::size_t k = 0; k < pt.size(); ++k)
                note += (k ? ", " : "") + c->info().variables[k].name + " = " + pt[k];
            note += ")";
        } else {
            note = std::to_string(r.remaining.size()) + " boxes remain" + (r.reason.empty() ? "" : ": " + r.reason);
        }
        std::printf("%-34s %-10s %-10s %9zu %9.3f  %s\n", c->info().id.c_str(), to_string(r.verdict).c_str(),
                    to_string(c->info().expected).c_str(), r.boxes, r.seconds, note.c_str());
        std::fflush(stdout);
        if (!quiet)
            for (const auto& t : r.tight_points) std::fprintf(stderr, "  tight: %s\n", t.argument.c_str());
        {
            std::string detail;
            for (const auto& t : r.tight_points) detail += (detail.empty() ? "" : "; ") + t.argument;
            if (r.verdict != Verdict::Certified) detail = note;
            md += "| `" + c->info().id + "` | " + md_escape(c->info().reference) + " | " + md_escape(c->info().statement) + " | **" +
                  to_string(r.verdict) + "** | " + to_string(c->info().expected) + " | " + std::to_string(r.boxes) + " | " +
                  md_escape(detail) + " |\n";
        }
        list.push_back(result_json(*c, r));
        if (!cert_path.empty() && r.verdict != Verdict::Undecided) {
            io::JsonValue cert = make_certificate(*c, r);
            if (auto s = sources.find(c); s != sources.end()) {
                io::JsonValue src = io::JsonValue::object();
                src.set("format", "minibex");
                src.set("text", s->second);
                cert.set("source", std::move(src));
            }
            certs.push_back(std::move(cert));
        }
        if (!svg_path.empty()) write_svg(svg_path, *c, r);
    }
    if (!json_path.empty()) write_text_file(json_path, report.dump(1) + "\n");
    if (!md_path.empty()) write_text_file(md_path, md);
    if (!cert_path.empty()) {
        if (claims.size() == 1 && certs.size() == 1) {
            write_text_file(cert_path, certs.at(std::size_t{0}).dump(0) + "\n");
        } else {
            io::JsonValue bundle = io::JsonValue::object();
            bundle.set("certificates", std::move(certs));
            write_text_file(cert_path, bundle.dump(0) + "\n");
        }
    }
    if (all) return all_expected ? kExitOk : kExitRefuted;
    if (all_certified) return kExitOk;
    return any_refuted ? kExitRefuted : kExitUndecided;
}

const CommandRegistration reg({"certify", "prove or refute claims (verdict table, certificates)", run_certify});
}  // namespace
}  // namespace relucert::cli
