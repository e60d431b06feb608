#pragma once
// Free loopback ports for a scenario's processes, and the readiness probes.

#include <map>
#include <string>
#include <vector>

#include "hotline/status.h"

namespace hotline::sim::scenario {

// One free port on 127.0.0.1 per name: each is found by binding port 0; all sockets are
// held until every port is chosen, so the ports differ, then released for the processes.
Result<std::map<std::string, int>> allocateFreePorts(const std::vector<std::string>& names);

// Whether a TCP connection to 127.0.0.1:port is accepted.
bool acceptsConnections(int port);

// Whether GET http://127.0.0.1:port/healthz answers 200.
bool answersHealthz(int port);

} // namespace hotline::sim::scenario
