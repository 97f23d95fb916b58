#include "cli_args.hpp"

#include "command.hpp"

namespace relucert::cli {

const std::string& ArgCursor::value() {
    if (pos_ + 1 >= args_.size()) throw UsageError{args_[pos_] + " needs a value"};
    return args_[++pos_];
}

std::size_t parse_count(const std::string& s, const char* what) {
    if (s.empty() || s.size() > 12 || s.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError{std::string(what) + " expects a positive integer, got '" + s + "'"};
    return static_cast<std::size_t>(std::stoull(s));
}

unsigned parse_threads(const std::string& s) {
    const std::size_t n = parse_count(s, "--threads");
    if (n < 1 || n > 1024) throw UsageError{"--threads must be between 1 and 1024, got '" + s + "'"};
    return static_cast<unsigned>(n);
}

std::uint64_t parse_seed(const std::string& s) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError{"--seed needs a non-negative integer, got '" + s + "'"};
    try {
        return std::stoull(s);
    } catch (...) {
        throw UsageError{"--seed out of range: '" + s + "'"};
    }
}

}  // namespace relucert::cli
