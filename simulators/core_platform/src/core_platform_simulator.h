#pragma once
// `hotline-sim core`: the core platform simulator (README.md beside src/).

#include <span>
#include <string>

#include "simulators/common/stop_signals.h"

namespace hotline::sim::core_platform {

// Runs until SIGTERM/SIGINT; returns the process exit code (2 for a usage error).
int runCorePlatform(std::span<const std::string> args, StopSignals& signals);

} // namespace hotline::sim::core_platform
