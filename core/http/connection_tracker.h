#pragma once
// Knows every open connection of one IngressServer and whether it is handling a request, so
// that a graceful stop can close idle kept-alive connections at once, let busy ones finish
// their current request, and wait for them with a deadline. POCO's own HTTPServer::stopAll()
// cannot do this: it either aborts every connection or waits, one connection after the
// other and without a deadline, for each current request.
//
// Thread safety: all members may be called concurrently from any thread.

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hotline::http {

class ConnectionTracker {
public:
  using Id = uint64_t;
  using Clock = std::chrono::steady_clock;

  // Registers a connection; nullopt once stopping has begun (the caller closes it).
  std::optional<Id> attach(const Poco::Net::StreamSocket& socket);
  void detach(Id id);

  // A request starts on the connection; false once stopping has begun (the caller closes
  // the connection without reading the request).
  bool beginRequest(Id id);
  // What the connection is doing ("POST /connectors/ex-1/tickets"), named in the log if it
  // has to be abandoned.
  void describe(Id id, std::string what);
  void endRequest(Id id);

  bool stopping() const;
  size_t inFlight() const;

  // Refuses new connections and requests, and shuts down every idle connection's socket so
  // that a connection waiting for its next request wakes up and closes.
  void beginStop();
  // Waits until every connection has closed; false when `deadline` passed first.
  bool waitUntilClosed(Clock::time_point deadline);
  // Shuts down the sockets of the connections still open and describes the busy ones
  // ("POST /x (running 10012 ms)"). Their handlers keep running to completion on their
  // threads; only their peers are cut off.
  std::vector<std::string> abandonRemaining();

private:
  struct Entry {
    Poco::Net::StreamSocket socket; // shares the connection's socket, for shutdown()
    bool busy = false;
    std::string what;
    Clock::time_point since;
  };

  static void shutdownQuietly(Poco::Net::StreamSocket& socket) noexcept;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::map<Id, Entry> entries_;
  Id next_id_ = 1;
  size_t busy_ = 0;
  bool stopping_ = false;
};

} // namespace hotline::http
