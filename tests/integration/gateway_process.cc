#include "tests/integration/gateway_process.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

namespace hotline::testing {

CommandResult runGateway(const std::vector<std::string>& args) {
  Poco::Pipe out_pipe;
  Poco::Pipe err_pipe;
  Poco::ProcessHandle handle =
      Poco::Process::launch(HOTLINE_GATEWAY_BIN, args, nullptr, &out_pipe, &err_pipe);
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

uint16_t freeLoopbackPort() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  return socket.address().port();
}

bool waitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return condition();
}

std::string writeTempFile(const std::string& name, const std::string& text) {
  std::filesystem::path dir = Poco::TemporaryFile::tempName();
  std::filesystem::create_directories(dir);
  Poco::TemporaryFile::registerForDeletion(dir.string());
  std::filesystem::path path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

GatewayProcess::GatewayProcess(const std::vector<std::string>& args) {
  handle_ = std::make_unique<Poco::ProcessHandle>(
      Poco::Process::launch(HOTLINE_GATEWAY_BIN, args, nullptr, nullptr, &err_pipe_));
  reader_ = std::thread([this] {
    Poco::PipeInputStream err(err_pipe_);
    std::string line;
    while (std::getline(err, line)) {
      std::lock_guard<std::mutex> lock(mutex_);
      err_ += line + "\n";
    }
  });
}

GatewayProcess::~GatewayProcess() {
  if (!exit_code_) {
    stop(SIGKILL, std::chrono::seconds(10));
  }
  if (reader_.joinable()) {
    reader_.join();
  }
}

bool GatewayProcess::running() const { return Poco::Process::isRunning(*handle_); }

std::optional<int> GatewayProcess::stop(int signal, std::chrono::milliseconds timeout) {
  ::kill(handle_->id(), signal);
  int status = 0;
  bool exited = waitFor(
      [&] { return ::waitpid(handle_->id(), &status, WNOHANG) == handle_->id(); }, timeout);
  if (!exited) {
    return std::nullopt;
  }
  exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (reader_.joinable()) {
    reader_.join();
  }
  return exit_code_;
}

std::string GatewayProcess::errorOutput() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return err_;
}

} // namespace hotline::testing
