#include "tests/support/child_process.h"

#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <sys/wait.h>
#include <utility>

namespace hotline::testing {

CommandResult runCommand(const std::string& binary, const std::vector<std::string>& args) {
  Poco::Pipe out_pipe;
  Poco::Pipe err_pipe;
  Poco::ProcessHandle handle = Poco::Process::launch(binary, args, nullptr, &out_pipe, &err_pipe);
  CommandResult result;
  std::thread err_reader([&] {
    Poco::PipeInputStream err(err_pipe);
    Poco::StreamCopier::copyToString(err, result.err);
  });
  Poco::PipeInputStream out(out_pipe);
  Poco::StreamCopier::copyToString(out, result.out);
  err_reader.join();
  result.exit_code = handle.wait();
  return result;
}

bool waitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout,
             std::chrono::milliseconds poll) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) {
      return true;
    }
    std::this_thread::sleep_for(poll);
  }
  return condition();
}

std::string makeTempDir() {
  std::filesystem::path dir = Poco::TemporaryFile::tempName();
  std::filesystem::create_directories(dir);
  Poco::TemporaryFile::registerForDeletion(dir.string());
  return dir.string();
}

std::string writeTempFile(const std::string& name, const std::string& text) {
  std::filesystem::path path = std::filesystem::path(makeTempDir()) / name;
  std::ofstream(path) << text;
  return path.string();
}

ChildProcess::ChildProcess(const std::string& binary, const std::vector<std::string>& args) {
  handle_ = std::make_unique<Poco::ProcessHandle>(
      Poco::Process::launch(binary, args, nullptr, &out_pipe_, &err_pipe_));
  auto reader = [this](Poco::Pipe& pipe, std::string& sink) {
    Poco::PipeInputStream in(pipe);
    std::string line;
    while (std::getline(in, line)) {
      std::lock_guard<std::mutex> lock(mutex_);
      sink += line + "\n";
    }
  };
  out_reader_ = std::thread(reader, std::ref(out_pipe_), std::ref(out_));
  err_reader_ = std::thread(reader, std::ref(err_pipe_), std::ref(err_));
}

ChildProcess::~ChildProcess() {
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

bool ChildProcess::running() const {
  return !exit_code_ && Poco::Process::isRunning(*handle_);
}

std::optional<int> ChildProcess::stop(int signal, std::chrono::milliseconds timeout) {
  if (exit_code_) {
    return exit_code_;
  }
  ::kill(handle_->id(), signal);
  return waitForExit(timeout);
}

std::optional<int> ChildProcess::waitForExit(std::chrono::milliseconds timeout) {
  if (exit_code_) {
    return exit_code_;
  }
  int status = 0;
  bool exited =
      waitFor([&] { return ::waitpid(handle_->id(), &status, WNOHANG) == handle_->id(); }, timeout);
  if (!exited) {
    return std::nullopt;
  }
  exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  // The readers end at the pipes' end of file, which the exit brings: once joined, output()
  // and errorOutput() hold everything the process wrote.
  if (out_reader_.joinable()) {
    out_reader_.join();
  }
  if (err_reader_.joinable()) {
    err_reader_.join();
  }
  return exit_code_;
}

std::string ChildProcess::output() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return out_;
}

std::string ChildProcess::errorOutput() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return err_;
}

std::optional<std::string> ChildProcess::waitForLine(const std::string& prefix,
                                                     std::chrono::milliseconds timeout) const {
  std::optional<std::string> found;
  waitFor(
      [&] {
        std::istringstream lines(output());
        std::string line;
        while (std::getline(lines, line)) {
          if (line.rfind(prefix, 0) == 0) {
            found = line.substr(prefix.size());
            return true;
          }
        }
        return false;
      },
      timeout);
  return found;
}

} // namespace hotline::testing
