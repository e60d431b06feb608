// freeLoopbackPort(): the ports tests hand to the child processes they start.
#include "tests/support/child_process.h"

#include <Poco/Exception.h>
#include <Poco/Net/ServerSocket.h>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <sys/file.h>
#include <unistd.h>
#include <utility>

namespace hotline::testing {
namespace {

// The kernel's ephemeral range (net.ipv4.ip_local_port_range), 32768-60999 by default.
std::pair<int, int> ephemeralPorts() {
  std::ifstream range("/proc/sys/net/ipv4/ip_local_port_range");
  int low = 32768, high = 60999;
  range >> low >> high;
  return {low, high};
}

bool bindable(uint16_t port) {
  try {
    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress("127.0.0.1", port), /*reuseAddress=*/false);
    return true;
  } catch (const Poco::Exception&) {
    return false;
  }
}

} // namespace

std::string testPortLockPath(uint16_t port) {
  return (std::filesystem::temp_directory_path() / "hotline-test-ports" / std::to_string(port))
      .string();
}

bool reserveLoopbackPort(uint16_t port) {
  const std::string path = testPortLockPath(port);
  std::error_code ignored;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) {
    return false;
  }
  // flock belongs to this open file description: a second open() of the same file, in this
  // process or another, cannot take it while this one lives.
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return false;
  }
  return true; // fd stays open: the port stays reserved until this process exits
}

uint16_t freeLoopbackPort() {
  // Not a port the kernel picks for port 0: those come from the ephemeral range, and once
  // released here such a port can become the source port of any outgoing connection (a
  // simulator's, the gateway's) before the child process binds it. So: a port below that
  // range, at random, free when checked, and reserved for this process's life by a lock
  // file, so that test processes ctest runs side by side never hand out the same port.
  static std::mutex mutex;
  static std::set<uint16_t> handed_out;
  static std::mt19937 random{std::random_device{}()};
  std::lock_guard<std::mutex> lock(mutex);
  const int below = std::min(ephemeralPorts().first, 65536);
  if (below > kLowestTestPort + 1000) {
    std::uniform_int_distribution<int> pick(kLowestTestPort, below - 1);
    for (int attempt = 0; attempt < 200; ++attempt) {
      const auto port = static_cast<uint16_t>(pick(random));
      if (handed_out.count(port) == 0 && bindable(port) && reserveLoopbackPort(port)) {
        handed_out.insert(port);
        return port;
      }
    }
  }
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0)); // no room below
  handed_out.insert(socket.address().port());
  return socket.address().port();
}

} // namespace hotline::testing
