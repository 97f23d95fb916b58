// Shared pieces of the engine's CLI commands (certify, best, bench, list, check): claim lookup with
// "did you mean", parameter overrides, the JSON report of a search and the SVG picture.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "relucert/engine/search.hpp"
#include "relucert/io/json.hpp"

namespace relucert::cli {

// The claim with this id, or a UsageError naming close matches.
const engine::Claim& claim_or_usage(const std::string& id);
// Parses "NAME=VALUE" (VALUE exact: "3/10", "0.3", "1e-5"); UsageError if malformed or non-finite.
std::pair<std::string, Rational> parse_param_arg(const std::string& arg);
// The claim's defaults with the overrides that name its parameters applied.
std::vector<Rational> params_for(const engine::Claim& c, const std::vector<std::pair<std::string, Rational>>& overrides);
// A claim file argument: ends in ".bch", or names an existing regular file.
bool is_claim_file(const std::string& arg);

io::JsonValue result_json(const engine::Claim& c, const engine::SearchResult& r);
void write_text_file(const std::string& path, const std::string& text);  // throws std::runtime_error
std::string read_text_file(const std::string& path);                     // throws std::runtime_error
// SVG of the subdivision of a 1-D or 2-D search; false (nothing written) for other dimensions.
bool write_svg(const std::string& path, const engine::Claim& c, const engine::SearchResult& r);
// A progress callback writing one updating line to stderr when it is a terminal (nullptr if quiet).
std::function<void(std::size_t, std::size_t)> progress_line(const std::string& id, bool quiet);
void end_progress_line(bool quiet);

}  // namespace relucert::cli
