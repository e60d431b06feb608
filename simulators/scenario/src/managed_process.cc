#include "simulators/scenario/src/managed_process.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

namespace hotline::sim::scenario {
namespace {

// Runs in the forked child: only async-signal-safe calls until exec.
[[noreturn]] void execChild(char* const* argv, const char* cwd, int log_fd, pid_t parent) {
  sigset_t none;
  sigemptyset(&none);
  pthread_sigmask(SIG_SETMASK, &none, nullptr);
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigaction(SIGPIPE, &default_action, nullptr);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) {
    _exit(127);
  }
  int devnull = open("/dev/null", O_RDONLY);
  if (devnull >= 0) {
    dup2(devnull, STDIN_FILENO);
  }
  dup2(log_fd, STDOUT_FILENO);
  dup2(log_fd, STDERR_FILENO);
  close_range(3, ~0U, 0);
  if (chdir(cwd) != 0) {
    const char message[] = "hotline-sim scenario: cannot change to the working directory\n";
    (void)!write(STDERR_FILENO, message, sizeof(message) - 1);
    _exit(127);
  }
  execv(argv[0], argv);
  const char message[] = "hotline-sim scenario: exec failed: ";
  (void)!write(STDERR_FILENO, message, sizeof(message) - 1);
  const char* reason = strerror(errno);
  (void)!write(STDERR_FILENO, reason, strlen(reason));
  (void)!write(STDERR_FILENO, "\n", 1);
  _exit(127);
}

} // namespace

ManagedProcess::~ManagedProcess() {
  if (pid_ > 0 && !exit_code_) {
    stop(SIGKILL, std::chrono::milliseconds(0));
  }
}

Status ManagedProcess::start(const std::vector<std::string>& argv, const std::string& cwd,
                             const std::string& log_path) {
  if (pid_ > 0 && running()) {
    return failedPrecondition("already running as pid " + std::to_string(pid_));
  }
  int log_fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) {
    return internalError("cannot open the log " + log_path + ": " + std::strerror(errno));
  }
  std::vector<char*> args;
  for (const std::string& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);
  pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid == 0) {
    execChild(args.data(), cwd.c_str(), log_fd, parent);
  }
  int fork_errno = errno;
  ::close(log_fd);
  if (pid < 0) {
    return internalError(std::string("fork failed: ") + std::strerror(fork_errno));
  }
  pid_ = pid;
  exit_code_.reset();
  return Status::ok();
}

bool ManagedProcess::running() {
  if (pid_ <= 0 || exit_code_) {
    return false;
  }
  int status = 0;
  pid_t reaped = ::waitpid(pid_, &status, WNOHANG);
  if (reaped == pid_) {
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  return true;
}

std::optional<int> ManagedProcess::waitForExit(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (running()) {
    if (std::chrono::steady_clock::now() >= deadline) {
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return exit_code_;
}

std::optional<int> ManagedProcess::stop(int signal, std::chrono::milliseconds grace) {
  if (!running()) {
    return exit_code_;
  }
  ::kill(pid_, signal);
  if (std::optional<int> code = waitForExit(grace)) {
    return code;
  }
  ::kill(pid_, SIGKILL);
  return waitForExit(std::chrono::seconds(5));
}

std::string describeExit(int code) {
  if (code > 128 && code < 128 + 65) {
    const char* name = sigabbrev_np(code - 128);
    return std::string("killed by SIG") + (name != nullptr ? name : std::to_string(code - 128));
  }
  return "exit code " + std::to_string(code);
}

} // namespace hotline::sim::scenario
