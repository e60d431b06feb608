#include "simulators/common/socket_scan.h"

#include <dirent.h>
#include <netdb.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace hotline::sim {
namespace {

bool toEndpoint(const sockaddr_storage& storage, socklen_t length, Endpoint& out) {
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&storage), length, host, sizeof(host), service,
                  sizeof(service), NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
    return false;
  }
  out.address = host;
  out.port = std::atoi(service);
  return true;
}

bool endpointsOf(int fd, Endpoint& local, Endpoint& remote) {
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode)) {
    return false;
  }
  sockaddr_storage storage{};
  socklen_t length = sizeof(storage);
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0 ||
      !toEndpoint(storage, length, remote)) {
    return false; // not connected (a listening socket, or the peer is gone)
  }
  length = sizeof(storage);
  return getsockname(fd, reinterpret_cast<sockaddr*>(&storage), &length) == 0 &&
         toEndpoint(storage, length, local);
}

} // namespace

void forEachConnectedSocket(
    const std::function<bool(int fd, const Endpoint& local, const Endpoint& remote)>& visit) {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) {
    return;
  }
  const int dir_fd = dirfd(dir);
  while (dirent* entry = readdir(dir)) {
    std::string_view name = entry->d_name;
    int fd = -1;
    auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), fd);
    if (ec != std::errc() || ptr != name.data() + name.size() || fd == dir_fd) {
      continue;
    }
    Endpoint local;
    Endpoint remote;
    if (endpointsOf(fd, local, remote) && visit(fd, local, remote)) {
      break;
    }
  }
  closedir(dir);
}

} // namespace hotline::sim
