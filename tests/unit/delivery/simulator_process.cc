#include "tests/unit/delivery/simulator_process.h"

#include <Poco/File.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>

#include <future>
#include <istream>

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
  Poco::Pipe out;
  handle_ = std::make_unique<Poco::ProcessHandle>(
      Poco::Process::launch(binary, {"core", "--port", "0"}, nullptr, &out, nullptr));
  auto first_line = std::make_shared<std::promise<std::string>>();
  auto line = first_line->get_future();
  drain_ = std::thread([out, first_line]() mutable {
    Poco::PipeInputStream stream(out);
    std::string text;
    bool first = true;
    while (std::getline(stream, text)) {
      if (first) {
        first_line->set_value(text);
        first = false;
      }
    }
    if (first) {
      first_line->set_value({});
    }
  });
  out.close(Poco::Pipe::CLOSE_WRITE);
  if (line.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
    error_ = "hotline-sim printed nothing within 20 s";
    return;
  }
  const std::string text = line.get();
  const std::string prefix = "listening on ";
  if (text.rfind(prefix, 0) != 0) {
    error_ = "unexpected first line from hotline-sim: '" + text + "'";
    return;
  }
  base_url_ = "http://" + text.substr(prefix.size());
}

SimulatorProcess::~SimulatorProcess() {
  if (handle_) {
    Poco::Process::requestTermination(handle_->id());
    handle_->wait();
  }
  if (drain_.joinable()) {
    drain_.join();
  }
}

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
