#pragma once
// The options every HTTP simulator takes: `--port N [--bind ADDR] [--threads K]`.

#include <cstddef>
#include <span>
#include <string>

#include "hotline/status.h"

namespace hotline::sim {

struct ServeOptions {
  std::string bind = "127.0.0.1"; // loopback unless asked otherwise: simulators are test tools
  int port = -1;                  // required; 0 lets the kernel pick a free port
  // Worker threads. cpp-httplib serves a keep-alive connection on one worker for its whole
  // life, so this bounds the number of concurrent connections served without queueing.
  size_t threads = 64;
};

inline constexpr size_t kMaxServeThreads = 1024;

// Parses the arguments after the subcommand; InvalidArgument names the offending flag.
// `--port` is required; unknown flags and missing values are errors.
Result<ServeOptions> parseServeOptions(std::span<const std::string> args);

// The usage lines of these options, for a subcommand's --help.
const char* serveOptionsUsage();

} // namespace hotline::sim
