#include "simulators/scenario/src/ports.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hotline::sim::scenario {
namespace {

sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

} // namespace

Result<std::map<std::string, int>> allocateFreePorts(const std::vector<std::string>& names) {
  std::map<std::string, int> ports;
  std::vector<int> sockets;
  Status status = Status::ok();
  for (const std::string& name : names) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof(address);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      status = unavailable("cannot find a free port for \"" + name + "\": " + std::strerror(errno));
      if (fd >= 0) {
        ::close(fd);
      }
      break;
    }
    sockets.push_back(fd);
    ports[name] = ntohs(address.sin_port);
  }
  for (int fd : sockets) {
    ::close(fd);
  }
  if (!status.isOk()) {
    return status;
  }
  return ports;
}

bool acceptsConnections(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return false;
  }
  sockaddr_in address = loopback(port);
  bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  ::close(fd);
  return connected;
}

bool answersHealthz(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(1, 0);
  client.set_read_timeout(2, 0);
  httplib::Result result = client.Get("/healthz");
  return result && result->status == 200;
}

} // namespace hotline::sim::scenario
