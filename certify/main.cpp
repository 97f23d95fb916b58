// relucert: command-line entry point. Dispatches to the registered sub-commands (command.hpp).
#include <algorithm>
#include <exception>
#include <iostream>

#include "command.hpp"

namespace {
void print_help() {
    std::cout << "relucert - machine-checked inequalities for ReLU learning theory\n\n"
                 "usage: relucert COMMAND [ARGS...]   (relucert COMMAND --help for details)\n\ncommands:\n";
    auto cmds = relucert::cli::command_registry();
    std::sort(cmds.begin(), cmds.end(), [](auto& a, auto& b) { return a.name < b.name; });
    for (const auto& c : cmds) std::cout << "  " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ') << c.summary << "\n";
}
}  // namespace

int main(int argc, char** argv) {
    using namespace relucert::cli;
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h" || std::string(argv[1]) == "help") {
        print_help();
        return argc < 2 ? kExitUsage : kExitOk;
    }
    const std::string name = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& c : command_registry()) {
        if (c.name != name) continue;
        try {
            return c.run(args);
        } catch (const UsageError& e) {
            std::cerr << "relucert " << name << ": " << e.message << "\n";
            return kExitUsage;
        } catch (const std::exception& e) {
            std::cerr << "relucert " << name << ": error: " << e.what() << "\n";
            return 70;  // EX_SOFTWARE
        }
    }
    std::cerr << "relucert: unknown command '" << name << "' (relucert --help lists the commands)\n";
    return kExitUsage;
}
