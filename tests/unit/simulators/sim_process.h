#pragma once
// Runs `hotline-sim <args>` as a child process for tests: reads the port it announces on its
// first stdout line, waits on conditions with deadlines (never a fixed sleep), stops it with a
// signal and reports the exit code.

#include <Poco/Pipe.h>
#include <Poco/Process.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hotline::sim::testing {

// Polls `condition` every 10 ms until it holds or `timeout` passes; true when it held.
bool waitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

class SimProcess {
public:
  explicit SimProcess(const std::vector<std::string>& args);
  ~SimProcess(); // SIGKILL if still running

  // The port from "listening on HOST:PORT" (nullopt when the line did not come in time).
  std::optional<int> waitForPort(std::chrono::milliseconds timeout = std::chrono::seconds(20));
  // Sends `signal` and waits for the exit code (nullopt on timeout).
  std::optional<int> stop(int signal, std::chrono::milliseconds timeout);
  // Waits for the process to end by itself.
  std::optional<int> waitForExit(std::chrono::milliseconds timeout);
  std::string output() const;
  std::string errorOutput() const;

private:
  std::optional<int> reap(std::chrono::milliseconds timeout);

  std::unique_ptr<Poco::ProcessHandle> handle_;
  Poco::Pipe out_pipe_;
  Poco::Pipe err_pipe_;
  std::thread out_reader_;
  std::thread err_reader_;
  mutable std::mutex mutex_;
  std::condition_variable output_changed_;
  std::string out_; // guarded by mutex_
  std::string err_; // guarded by mutex_
  std::optional<int> exit_code_;
};

// A started `hotline-sim core --port 0` with its port; fails the test when it did not start.
struct RunningCore {
  std::unique_ptr<SimProcess> process;
  int port = 0;
};
RunningCore startCore(const std::vector<std::string>& extra_args = {});

} // namespace hotline::sim::testing
