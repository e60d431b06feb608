// hotline-sim: the simulators of the gateway's peers, one subcommand each (DESIGN.md §1).
// Adding a simulator = a folder beside core_platform/ and one row in kSubcommands.

#include <array>
#include <iostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "simulators/common/stop_signals.h"
#include "simulators/core_platform/src/core_platform_simulator.h"
#include "simulators/department/src/department_simulator.h"
#include "simulators/exchange/src/exchange_simulator.h"
#include "simulators/scenario/src/scenario_command.h"
#include "simulators/sink/src/sink_simulator.h"

namespace {

using hotline::sim::StopSignals;

struct Subcommand {
  std::string_view name;
  std::string_view summary;
  int (*run)(std::span<const std::string> args, StopSignals& signals);
};

// Built explicitly here, not by static registration (CONVENTIONS.md "Avoid").
constexpr std::array kSubcommands{
    Subcommand{"core", "the hotline core platform (tickets, events, bulk; judges order)",
               &hotline::sim::core_platform::runCorePlatform},
    Subcommand{"exchange", "the province / city 12345 exchange platform (上报, actions, 下派)",
               &hotline::sim::exchange::runExchange},
    Subcommand{"department", "a department's ticket system: verifies pushed tasks, sends callbacks",
               &hotline::sim::department::runDepartment},
    Subcommand{"sink", "any HTTP endpoint: records what arrives (GET /sim/requests)",
               &hotline::sim::sink::runSink},
    Subcommand{"scenario", "runs a scenario file: starts processes, runs its steps (FILE)",
               &hotline::sim::scenario::runScenario},
};

void printUsage(std::ostream& out) {
  out << "usage: hotline-sim <simulator> --port N [--bind ADDR] [--threads K]\n"
      << "       hotline-sim <simulator> --help\n\nsimulators:\n";
  for (const Subcommand& subcommand : kSubcommands) {
    out << "  " << subcommand.name << "    " << subcommand.summary << "\n";
  }
}

} // namespace

int main(int argc, char** argv) {
  // First, before any thread exists, so that every thread inherits the blocked signals.
  StopSignals signals;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    printUsage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  for (const Subcommand& subcommand : kSubcommands) {
    if (subcommand.name == args[0]) {
      return subcommand.run(std::span<const std::string>(args).subspan(1), signals);
    }
  }
  std::cerr << "hotline-sim: unknown simulator \"" << args[0] << "\"\n";
  printUsage(std::cerr);
  return 2;
}
