#pragma once
// The connections that have a request between "headers read" and "response written", so that
// a shutdown can end idle keep-alive connections at once without cutting off an answer.

#include <httplib.h>

#include <mutex>
#include <set>
#include <utility>

#include "simulators/common/socket_scan.h"

namespace hotline::sim {

// Thread-safe. Tracks by the client's address and port, which identify a connection to our
// one listening socket.
class InFlightRequests {
public:
  // Takes over the server's pre-routing handler (a request starts) and logger (cpp-httplib
  // calls it once the response is written). Must outlive the server.
  void install(httplib::Server& server);

  bool contains(const Endpoint& remote) const;

private:
  using Key = std::pair<std::string, int>;

  mutable std::mutex mutex_;
  // A set, not a count: a connection carries one request at a time, and a request whose
  // answer was never written (a reset) leaves an entry that the connection's next request
  // reuses instead of inflating.
  std::set<Key> remotes_;
};

} // namespace hotline::sim
