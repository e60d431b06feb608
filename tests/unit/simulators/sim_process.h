#pragma once
// `hotline-sim <args>` as a child process for the simulators' process tests: the shared
// ChildProcess (tests/support) plus the port the simulator announces on its first line.

#include "tests/support/child_process.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hotline::sim::testing {

using hotline::testing::waitFor;

class SimProcess : public hotline::testing::ChildProcess {
public:
  explicit SimProcess(const std::vector<std::string>& args) : ChildProcess(HOTLINE_SIM_BIN, args) {}

  // The port from "listening on HOST:PORT" (nullopt when the line did not come in time).
  std::optional<int> waitForPort(std::chrono::milliseconds timeout = std::chrono::seconds(20));
};

// A started `hotline-sim core --port 0` with its port; fails the test when it did not start.
struct RunningCore {
  std::unique_ptr<SimProcess> process;
  int port = 0;
};
RunningCore startCore(const std::vector<std::string>& extra_args = {});

} // namespace hotline::sim::testing
