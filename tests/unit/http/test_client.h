#pragma once
// Test helpers for the HTTP unit tests: a one-shot gate to hold a handler, a condition poll
// with a deadline, a small HTTP client over Poco::Net::HTTPClientSession and a raw-socket
// exchange for requests a well-behaved client cannot send.

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

namespace hotline::http::testing {

using namespace std::chrono_literals;

// Opens once; waiters are released for good. Every wait has a deadline so that a broken
// server fails a test instead of hanging it.
class Gate {
public:
  void open();
  bool waitOpen(std::chrono::milliseconds timeout = 10s);
  bool isOpen();

private:
  std::mutex mutex_;
  std::condition_variable opened_;
  bool open_ = false;
};

// Polls `condition` until it holds or `timeout` passes; true when it held.
bool waitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout = 10s);

struct Reply {
  int status = 0;
  std::string body;
  std::string content_type;
  std::string connection; // the Connection header, lower-cased
  Poco::Net::HTTPResponse response;
};

// Sends one request on `session` and reads the whole answer.
Reply exchange(Poco::Net::HTTPClientSession& session, const std::string& method,
               const std::string& uri, const std::string& body = "",
               const std::string& content_type = "");
Reply request(uint16_t port, const std::string& method, const std::string& uri,
              const std::string& body = "");

// Writes `bytes` on a fresh connection and reads until the server closes it.
// With `half_close` the sending side is shut down after `bytes`, as a peer that stops early.
std::string rawExchange(uint16_t port, const std::string& bytes, bool half_close = false);

// True when connecting to 127.0.0.1:port is refused (nothing listens).
bool connectionRefused(uint16_t port);

// error.code and error.message of a JSON error body; empty strings when it is not one.
struct ErrorBody {
  std::string code;
  std::string message;
};
ErrorBody parseError(const std::string& body);

} // namespace hotline::http::testing
