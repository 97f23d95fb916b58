// Command-line parsing shared by the sub-commands: a cursor over the arguments (so "--opt VALUE"
// is handled, and its missing-value error worded, in one place) and the numeric option parsers.
// Every error is a UsageError (exit 64).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace relucert::cli {

// for (ArgCursor cur(args); cur.next();) { const std::string& a = cur.arg(); ... cur.value() ... }
class ArgCursor {
public:
    explicit ArgCursor(const std::vector<std::string>& args) : args_(args) {}
    bool next() { return ++pos_ < args_.size(); }
    const std::string& arg() const { return args_[pos_]; }
    // The argument after the current option; "<option> needs a value" when there is none.
    const std::string& value();

private:
    const std::vector<std::string>& args_;
    std::size_t pos_ = static_cast<std::size_t>(-1);
};

std::size_t parse_count(const std::string& s, const char* what);  // a non-negative integer
unsigned parse_threads(const std::string& s);                     // 1..1024
std::uint64_t parse_seed(const std::string& s);                   // --seed: a non-negative integer

}  // namespace relucert::cli
