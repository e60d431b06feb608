#pragma once
// Runs the hotline-gateway binary as a child process for tests: captures its output, waits
// for conditions with deadlines (never a fixed sleep), and stops it with a signal.

#include <Poco/Pipe.h>
#include <Poco/Process.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hotline::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the gateway binary with `args` to completion.
CommandResult runGateway(const std::vector<std::string>& args);

// A free TCP port on 127.0.0.1 (bound, read, released).
uint16_t freeLoopbackPort();

// Polls `condition` until it holds or `timeout` passes; true when it held.
bool waitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

// Writes `text` to a new file in a fresh temporary directory; returns its path.
std::string writeTempFile(const std::string& name, const std::string& text);

class GatewayProcess {
public:
  explicit GatewayProcess(const std::vector<std::string>& args);
  ~GatewayProcess();

  int pid() const { return handle_->id(); }
  // Sends `signal` and waits for the exit code (nullopt on timeout).
  std::optional<int> stop(int signal, std::chrono::milliseconds timeout);
  bool running() const;
  std::string errorOutput() const;

private:
  std::unique_ptr<Poco::ProcessHandle> handle_;
  Poco::Pipe err_pipe_;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::string err_;
  std::optional<int> exit_code_;
};

} // namespace hotline::testing
