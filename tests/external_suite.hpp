// The external suite (tests/external/*.bch): each file states its source and known answer in its
// header ("// answer: CERTIFIED ...", "// answer: REFUTED ...", "// answer: minimum V +- D").
#pragma once

#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "relucert/minibex/parser.hpp"

namespace relucert::external {

struct KnownAnswer {
    bool is_minimum = false;
    engine::Verdict verdict = engine::Verdict::Undecided;
    double value = 0, precision = 0;  // published optimum and its stated precision
};

inline std::optional<KnownAnswer> known_answer(const minibex::Problem& p) {
    auto it = p.meta.find("answer");
    if (it == p.meta.end()) return std::nullopt;
    KnownAnswer a;
    const std::string& s = it->second;
    if (s.rfind("CERTIFIED", 0) == 0) a.verdict = engine::Verdict::Certified;
    else if (s.rfind("REFUTED", 0) == 0) a.verdict = engine::Verdict::Refuted;
    else if (s.rfind("minimum ", 0) == 0) {
        a.is_minimum = true;
        std::istringstream in(s.substr(8));
        std::string pm;
        in >> a.value >> pm >> a.precision;
        if (!in || pm != "+-") return std::nullopt;
    } else {
        return std::nullopt;
    }
    return a;
}

inline std::vector<std::string> suite_files(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".bch") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace relucert::external
