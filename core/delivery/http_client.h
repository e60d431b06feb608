#pragma once
// An asynchronous HTTP client over libcurl's multi interface: every outbound HTTP call of
// the gateway (core platform, departments, province, WeChat, SMS) goes through one of these.
//
// One worker thread drives all transfers with curl_multi_poll. Requests are queued by
// send() from any thread and started in FIFO order while the per-host and total limits
// allow; connections are kept alive and reused (the multi handle's connection cache), and
// easy handles are recycled. Each request has a connect timeout and a total timeout, counted
// from the moment the transfer starts (not while it waits for a free slot).
//
// Ownership and threads: the completion callback runs on the worker thread, exactly once per
// accepted request, and must not block (hand heavy work elsewhere); it may call send().
// stop() returns only after every accepted request's callback has run.

#include "hotline/status.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace hotline::delivery {

namespace detail {
struct CurlTransfer;
}

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "POST"; // GET, POST, PUT, PATCH, DELETE, HEAD
  std::string url;             // http:// or https:// only
  HttpHeaders headers;
  std::string body;
  std::chrono::milliseconds timeout{30000};     // whole transfer
  std::chrono::milliseconds connect_timeout{0}; // 0 = the client's default
};

// Why a request got no complete HTTP answer.
enum class TransportError {
  None,      // an HTTP answer arrived (any status)
  Connect,   // DNS failure, connection refused, connect timeout
  Timeout,   // the total timeout elapsed
  Network,   // the connection broke mid-way, an empty reply, a TLS failure
  Cancelled, // the client stopped before the transfer finished
  Other,     // anything else (e.g. response too large)
};

const char* transportErrorName(TransportError error);

struct HttpResult {
  int status = 0; // > 0 exactly when a complete HTTP answer arrived
  HttpHeaders headers;
  std::string body;
  TransportError transport = TransportError::None;
  std::string error;                    // curl's error text when transport != None
  std::chrono::milliseconds elapsed{0}; // from the start of the transfer to its end

  // First header of that name (case-insensitive); empty when absent.
  std::string_view header(std::string_view name) const;
};

struct HttpClientOptions {
  size_t max_per_host = 8; // concurrent transfers per scheme://host:port
  size_t max_total = 64;   // concurrent transfers overall
  std::chrono::milliseconds connect_timeout{5000};
  size_t max_cached_connections = 32; // idle keep-alive connections kept
  size_t max_response_bytes = 8 * 1024 * 1024;
  std::string user_agent = "hotline-gateway";
};

struct HttpClientStats {
  uint64_t started = 0;
  uint64_t completed = 0;
  uint64_t connections_opened = 0; // new TCP connections (the rest reused a kept-alive one)
  size_t active = 0;
  size_t queued = 0;
};

class HttpClient {
public:
  using Callback = std::function<void(HttpResult)>;

  explicit HttpClient(HttpClientOptions options = {});
  ~HttpClient(); // stop() with no grace: cancels what is left
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Queues a request. InvalidArgument for a URL that is not http(s)://host...,
  // FailedPrecondition once stop() has begun; in both cases `done` is not called.
  Status send(HttpRequest request, Callback done);

  // Takes no more requests; queued and in-flight ones get until `deadline` to finish, the
  // rest complete with TransportError::Cancelled. Returns once the worker has exited.
  // Idempotent; safe from any thread except the worker (a callback).
  void stop(std::chrono::steady_clock::time_point deadline);

  HttpClientStats stats() const;

private:
  class Worker;

  HttpClientOptions options_;
  mutable std::mutex mutex_;
  std::deque<std::unique_ptr<detail::CurlTransfer>> incoming_;
  bool stopping_ = false;
  std::chrono::steady_clock::time_point deadline_{};
  std::unique_ptr<Worker> worker_;
  std::thread thread_;
  std::once_flag stop_once_;
};

} // namespace hotline::delivery
