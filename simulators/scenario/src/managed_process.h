#pragma once
// One child process of a scenario: started with fork/exec, its stdout and stderr appended to
// a log file, stopped with a signal. The child gets an empty signal mask (hotline-sim blocks
// SIGTERM/SIGINT in all its threads) and dies with the runner (PR_SET_PDEATHSIG), so a
// runner killed by a test timeout leaves nothing behind. Start it from the thread that
// lives for the whole run: the death signal follows the thread that forked.

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "hotline/status.h"

namespace hotline::sim::scenario {

class ManagedProcess {
public:
  ManagedProcess() = default;
  ~ManagedProcess(); // SIGKILLs a child still running
  ManagedProcess(const ManagedProcess&) = delete;
  ManagedProcess& operator=(const ManagedProcess&) = delete;

  // argv[0] is the executable's path. Fails when one is running already or fork fails; a
  // failing exec shows as exit code 127 with the reason in the log.
  Status start(const std::vector<std::string>& argv, const std::string& cwd,
               const std::string& log_path);

  // Reaps the child when it has ended; true while it runs.
  bool running();
  // Its exit code once ended: the status, or 128 + signal number.
  std::optional<int> exitCode() const { return exit_code_; }
  pid_t pid() const { return pid_; }

  // Sends `signal`; after `grace` without an exit, SIGKILL. Returns the exit code (nullopt
  // only if even SIGKILL did not end it within a further 5 s).
  std::optional<int> stop(int signal, std::chrono::milliseconds grace);

private:
  std::optional<int> waitForExit(std::chrono::milliseconds timeout);

  pid_t pid_ = -1;
  std::optional<int> exit_code_;
};

// "exit code 0", "killed by SIGKILL".
std::string describeExit(int code);

} // namespace hotline::sim::scenario
