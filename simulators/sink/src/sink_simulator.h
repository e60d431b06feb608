#pragma once
// `hotline-sim sink`: a generic HTTP endpoint that takes whatever is sent to it and records
// it, for a peer that has no simulator of its own (a department system receiving pushes, a
// webhook). Tests and testers read back what arrived.
//
//   any method, any path     recorded; answered with the configured status (default 200)
//   GET  /sim/requests       what arrived, in order: method, target, headers, body
//   POST /sim/answer         {"status": N}: answer later requests with N (503 plays "down")
//   POST /sim/reset          forget everything, answer 200 again

#include <span>
#include <string>

#include "simulators/common/stop_signals.h"

namespace hotline::sim::sink {

int runSink(std::span<const std::string> args, StopSignals& signals);

} // namespace hotline::sim::sink
