#pragma once
// The connected TCP sockets this process holds, found through /proc/self/fd. cpp-httplib 0.11
// hides its connection sockets from handlers and from the code that stops the server; this
// is how the simulators still reach them (to reset one, or to end idle ones at shutdown).

#include <functional>
#include <string>

namespace hotline::sim {

// An address as cpp-httplib writes Request::local_addr / remote_addr (numeric getnameinfo).
struct Endpoint {
  std::string address;
  int port = -1;

  bool operator==(const Endpoint&) const = default;
};

// Calls `visit(fd, local, remote)` for every connected socket until it returns true.
// Precondition for acting on `fd` inside `visit`: the caller knows the descriptor cannot be
// closed concurrently (see the callers).
void forEachConnectedSocket(
    const std::function<bool(int fd, const Endpoint& local, const Endpoint& remote)>& visit);

} // namespace hotline::sim
