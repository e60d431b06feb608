#pragma once
// POCO's HTTPServerSession with a cheaper "is there another request?". POCO's
// hasMoreRequests() waits through Socket::poll, which on Linux creates an epoll instance,
// registers the socket, waits and closes the instance again: four system calls before every
// request of a keep-alive connection (perf showed epoll set-up and close among the server
// threads' top kernel costs under load). One poll(2) on the descriptor does the same wait.
//
// Same rules as POCO's: the first request waits up to the session timeout; later ones only
// while the peer keeps the connection alive, at most max_keep_alive_requests in all, each up
// to the keep-alive timeout; bytes already buffered count as a request arriving.

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerSession.h>

namespace hotline::http {

class IngressSession : public Poco::Net::HTTPServerSession {
public:
  IngressSession(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params);

  bool nextRequestArrives();
  // Whether the connection may stay open after the current request (the limit allows more).
  // Replaces HTTPServerSession::canKeepAlive(), whose count only hasMoreRequests() keeps.
  bool mayKeepAlive() const { return requests_left_ != 0; }

private:
  // True when the descriptor is readable (data, end of stream or an error) within `timeout`.
  bool readable(const Poco::Timespan& timeout);

  const Poco::Timespan keep_alive_timeout_;
  int requests_left_; // negative: no limit (POCO's max_keep_alive_requests 0)
  bool first_ = true;
};

} // namespace hotline::http
