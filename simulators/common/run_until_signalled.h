#pragma once
// Serves an httplib::Server until SIGTERM or SIGINT, the way every simulator runs.

#include <httplib.h>

#include <ostream>

#include "simulators/common/serve_options.h"
#include "simulators/common/stop_signals.h"

namespace hotline::sim {

// Configures the worker pool and keep-alive for throughput, binds `options.bind:port`, and
// once the server accepts connections writes "listening on HOST:PORT" as one flushed line to
// `out` (tests read the port chosen for --port 0 from it). Then waits for a stop signal,
// stops accepting, lets the requests being handled finish (up to 10 s) while idle keep-alive
// connections are closed at once, and returns the process exit code: 0 after SIGTERM/SIGINT,
// 1 when binding failed or the server ended by itself. `signals` must have been constructed
// before any thread was started. Takes over the server's pre-routing handler and logger.
int runUntilSignalled(httplib::Server& server, const ServeOptions& options, StopSignals& signals,
                      std::ostream& out);

} // namespace hotline::sim
