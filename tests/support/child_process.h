#pragma once
// Runs one of the project's binaries (the gateway, a simulator) as a child process for
// tests: captures its output, waits for conditions with deadlines (never a fixed sleep),
// and stops it with a signal — SIGTERM for a clean stop, SIGKILL for a crash.

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

// Runs `binary` with `args` to completion.
CommandResult runCommand(const std::string& binary, const std::vector<std::string>& args);

// A free TCP port on 127.0.0.1, below the kernel's ephemeral range (free_port.cc says why),
// never the same twice while this process lives, in it or in any other test process.
uint16_t freeLoopbackPort();
// Reserves `port` for this process's life through a lock file (testPortLockPath); false when
// another live process (or another reservation in this one) holds it.
bool reserveLoopbackPort(uint16_t port);
std::string testPortLockPath(uint16_t port);
// Where freeLoopbackPort() starts looking.
inline constexpr int kLowestTestPort = 20000;

// Polls `condition` every `poll` until it holds or `timeout` passes; true when it held. The
// one polling loop of the tests: in-process waits poll often, process waits less so.
bool waitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout,
             std::chrono::milliseconds poll = std::chrono::milliseconds(20));

// Writes `text` to a new file in a fresh temporary directory; returns its path.
std::string writeTempFile(const std::string& name, const std::string& text);
// A fresh temporary directory, removed at process exit.
std::string makeTempDir();

class ChildProcess {
public:
  ChildProcess(const std::string& binary, const std::vector<std::string>& args);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  int pid() const { return handle_->id(); }
  bool running() const;
  // Sends `signal` and waits for the exit code (nullopt on timeout). For SIGKILL the code
  // is 128 + 9.
  std::optional<int> stop(int signal, std::chrono::milliseconds timeout);
  // Waits for the process to end by itself; its exit code (nullopt on timeout).
  std::optional<int> waitForExit(std::chrono::milliseconds timeout);
  std::string output() const;      // stdout so far
  std::string errorOutput() const; // stderr so far
  // Waits until stdout has a line starting with `prefix`; returns the rest of that line.
  std::optional<std::string> waitForLine(const std::string& prefix,
                                         std::chrono::milliseconds timeout) const;

private:
  std::unique_ptr<Poco::ProcessHandle> handle_;
  Poco::Pipe out_pipe_;
  Poco::Pipe err_pipe_;
  std::thread out_reader_;
  std::thread err_reader_;
  mutable std::mutex mutex_;
  std::string out_;
  std::string err_;
  std::optional<int> exit_code_;
};

} // namespace hotline::testing
