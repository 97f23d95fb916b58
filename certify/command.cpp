#include "command.hpp"

namespace relucert::cli {
std::vector<Command>& command_registry() {
    static std::vector<Command> commands;
    return commands;
}
CommandRegistration::CommandRegistration(Command c) { command_registry().push_back(std::move(c)); }
}  // namespace relucert::cli
