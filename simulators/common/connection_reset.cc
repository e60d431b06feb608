#include "simulators/common/connection_reset.h"

#include <sys/socket.h>
#include <unistd.h>

#include "simulators/common/socket_scan.h"

namespace hotline::sim {
namespace {

int socketDomain(int fd) {
  int domain = AF_INET;
  socklen_t length = sizeof(domain);
  getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &length);
  return domain;
}

} // namespace

bool resetConnection(const httplib::Request& request) {
  const Endpoint want_local{request.local_addr, request.local_port};
  const Endpoint want_remote{request.remote_addr, request.remote_port};
  int fd = -1;
  forEachConnectedSocket([&](int candidate, const Endpoint& local, const Endpoint& remote) {
    if (local == want_local && remote == want_remote) {
      fd = candidate;
      return true;
    }
    return false;
  });
  if (fd < 0) {
    return false;
  }
  linger abortive{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive));
  const int stand_in = ::socket(socketDomain(fd), SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (stand_in >= 0 && ::dup2(stand_in, fd) >= 0) {
    ::close(stand_in); // fd now refers to the stand-in; the connection is gone (RST sent)
    return true;
  }
  if (stand_in >= 0) {
    ::close(stand_in);
  }
  // Out of descriptors: still no response bytes — SHUT_RDWR makes cpp-httplib's write fail,
  // and its close() then sends the RST (linger 0), after a FIN.
  ::shutdown(fd, SHUT_RDWR);
  return true;
}

} // namespace hotline::sim
