#include "tests/unit/simulators/sim_process.h"

#include <Poco/PipeStream.h>
#include <gtest/gtest.h>

#include <csignal>
#include <sys/wait.h>

namespace hotline::sim::testing {

bool waitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return condition();
}

SimProcess::SimProcess(const std::vector<std::string>& args) {
  handle_ = std::make_unique<Poco::ProcessHandle>(
      Poco::Process::launch(HOTLINE_SIM_BIN, args, nullptr, &out_pipe_, &err_pipe_));
  auto reader = [this](Poco::Pipe& pipe, std::string& sink) {
    Poco::PipeInputStream stream(pipe);
    std::string line;
    while (std::getline(stream, line)) {
      std::lock_guard<std::mutex> lock(mutex_);
      sink += line + "\n";
      output_changed_.notify_all();
    }
  };
  out_reader_ = std::thread(reader, std::ref(out_pipe_), std::ref(out_));
  err_reader_ = std::thread(reader, std::ref(err_pipe_), std::ref(err_));
}

SimProcess::~SimProcess() {
  if (!exit_code_) {
    stop(SIGKILL, std::chrono::seconds(10));
  }
  if (out_reader_.joinable()) {
    out_reader_.join();
  }
  if (err_reader_.joinable()) {
    err_reader_.join();
  }
}

std::optional<int> SimProcess::waitForPort(std::chrono::milliseconds timeout) {
  static const std::string kPrefix = "listening on ";
  std::unique_lock<std::mutex> lock(mutex_);
  const bool announced =
      output_changed_.wait_for(lock, timeout, [&] { return out_.find('\n') != std::string::npos; });
  if (!announced || !out_.starts_with(kPrefix)) {
    return std::nullopt;
  }
  const std::string line = out_.substr(0, out_.find('\n'));
  return std::stoi(line.substr(line.rfind(':') + 1));
}

std::optional<int> SimProcess::reap(std::chrono::milliseconds timeout) {
  int status = 0;
  const bool exited =
      waitFor([&] { return ::waitpid(handle_->id(), &status, WNOHANG) == handle_->id(); }, timeout);
  if (!exited) {
    return std::nullopt;
  }
  exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return exit_code_;
}

std::optional<int> SimProcess::stop(int signal, std::chrono::milliseconds timeout) {
  if (exit_code_) {
    return exit_code_;
  }
  ::kill(handle_->id(), signal);
  return reap(timeout);
}

std::optional<int> SimProcess::waitForExit(std::chrono::milliseconds timeout) {
  if (exit_code_) {
    return exit_code_;
  }
  return reap(timeout);
}

std::string SimProcess::output() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return out_;
}

std::string SimProcess::errorOutput() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return err_;
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
