#pragma once
// `hotline-sim scenario FILE [--keep] [--verbose] [--gateway-bin PATH]` (README.md): runs a
// scenario file. Exit code 0 when every step passed, 1 when a process or step failed (or
// the run was interrupted), 2 when the file or the command line is wrong.

#include <ostream>
#include <span>
#include <string>

#include "simulators/common/stop_signals.h"

namespace hotline::sim::scenario {

struct ScenarioOptions {
  std::string file;
  bool keep = false;       // keep the temp dir (and print it)
  bool verbose = false;    // requests, responses, saved values, command lines
  std::string sim_bin;     // default: this executable
  std::string gateway_bin; // default: hotline-gateway beside sim_bin
};

// The subcommand, as hotline-sim's main() calls it.
int runScenario(std::span<const std::string> args, StopSignals& signals);

// Runs with parsed options; `signals` may be null (nothing watches for SIGINT).
int runScenarioFile(const ScenarioOptions& options, std::ostream& out, std::ostream& err,
                    StopSignals* signals);

} // namespace hotline::sim::scenario
