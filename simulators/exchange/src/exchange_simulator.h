#pragma once
// `hotline-sim exchange`: the province / city 12345 exchange platform a county gateway's
// exchange connector talks to (issue spec "Exchange link", DESIGN.md §7). See README.md.

#include <span>
#include <string>

#include "simulators/common/stop_signals.h"

namespace hotline::sim::exchange {

int runExchange(std::span<const std::string> args, StopSignals& signals);

} // namespace hotline::sim::exchange
