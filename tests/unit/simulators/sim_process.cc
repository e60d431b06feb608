#include "tests/unit/simulators/sim_process.h"

#include <gtest/gtest.h>

namespace hotline::sim::testing {

std::optional<int> SimProcess::waitForPort(std::chrono::milliseconds timeout) {
  // "listening on 127.0.0.1:PORT": the port follows the last colon.
  std::optional<std::string> address = waitForLine("listening on ", timeout);
  if (!address || address->rfind(':') == std::string::npos) {
    return std::nullopt;
  }
  return std::stoi(address->substr(address->rfind(':') + 1));
}

RunningCore startCore(const std::vector<std::string>& extra_args) {
  std::vector<std::string> args{"core", "--port", "0"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  RunningCore core;
  core.process = std::make_unique<SimProcess>(args);
  auto port = core.process->waitForPort();
  EXPECT_TRUE(port.has_value()) << "hotline-sim core did not announce its port; stderr:\n"
                                << core.process->errorOutput();
  core.port = port.value_or(0);
  return core;
}

} // namespace hotline::sim::testing
