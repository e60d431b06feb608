#pragma once
// Runs the core platform simulator (`hotline-sim core --port 0`, built from simulators/) as a
// child process for the duration of a test, and talks to its /sim/* observation API.

#include "core/delivery/http_client.h"
#include "tests/support/child_process.h"

#include <memory>
#include <string>

namespace hotline::delivery::testing {

// Where the build puts the simulator; empty when it was not built.
std::string simulatorBinary();

class SimulatorProcess {
public:
  SimulatorProcess();
  ~SimulatorProcess();

  // Empty when the simulator did not start (the reason is in error()).
  const std::string& baseUrl() const { return base_url_; }
  const std::string& error() const { return error_; }

private:
  std::unique_ptr<hotline::testing::ChildProcess> process_;
  std::string base_url_;
  std::string error_;
};

// One request, waited for (20 s at most).
HttpResult callSync(HttpClient& client, const std::string& method, const std::string& url,
                    const std::string& body = {});

} // namespace hotline::delivery::testing
