#include "tests/unit/delivery/simulator_process.h"

#include <Poco/File.h>

#include <future>

namespace hotline::delivery::testing {

std::string simulatorBinary() {
  const std::string path = std::string(HOTLINE_BINARY_DIR) + "/bin/hotline-sim";
  return Poco::File(path).exists() ? path : std::string();
}

SimulatorProcess::SimulatorProcess() {
  const std::string binary = simulatorBinary();
  if (binary.empty()) {
    error_ = "hotline-sim was not built in " + std::string(HOTLINE_BINARY_DIR);
    return;
  }
  process_ = std::make_unique<hotline::testing::ChildProcess>(
      binary, std::vector<std::string>{"core", "--port", "0"});
  std::optional<std::string> address =
      process_->waitForLine("listening on ", std::chrono::seconds(20));
  if (!address) {
    error_ =
        "hotline-sim did not announce its port within 20 s; stderr: " + process_->errorOutput();
    return;
  }
  base_url_ = "http://" + *address;
}

SimulatorProcess::~SimulatorProcess() = default; // ChildProcess stops it

HttpResult callSync(HttpClient& client, const std::string& method, const std::string& url,
                    const std::string& body) {
  HttpRequest request;
  request.method = method;
  request.url = url;
  request.body = body;
  request.headers = {{"Content-Type", "application/json"}};
  request.timeout = std::chrono::seconds(20);
  auto promise = std::make_shared<std::promise<HttpResult>>();
  auto future = promise->get_future();
  Status sent =
      client.send(request, [promise](HttpResult result) { promise->set_value(std::move(result)); });
  if (!sent.isOk()) {
    HttpResult failed;
    failed.error = sent.toString();
    return failed;
  }
  if (future.wait_for(std::chrono::seconds(25)) != std::future_status::ready) {
    HttpResult failed;
    failed.error = "no answer within 25 s";
    return failed;
  }
  return future.get();
}

} // namespace hotline::delivery::testing
