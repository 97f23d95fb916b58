// The CLI's sub-command registry. Each command lives in its own file under certify/ and registers
// itself with a static CommandRegistration, so adding a command never touches main.cpp.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace relucert::cli {

// Exit codes shared by every command (the contract CI relies on).
inline constexpr int kExitOk = 0;          // success / certified / valid
inline constexpr int kExitRefuted = 1;     // certify: a counterexample was proven
inline constexpr int kExitUndecided = 2;   // certify: neither proven nor refuted
inline constexpr int kExitUsage = 64;      // EX_USAGE: bad command line
inline constexpr int kExitDataErr = 65;    // EX_DATAERR: invalid input file / certificate

struct Command {
    std::string name;
    std::string summary;  // one line for `relucert --help`
    std::function<int(const std::vector<std::string>& args)> run;
};

std::vector<Command>& command_registry();

struct CommandRegistration {
    explicit CommandRegistration(Command c);
};

// Thrown by commands for usage errors; main prints "relucert: <message>" and exits 64.
struct UsageError {
    std::string message;
};

}  // namespace relucert::cli
