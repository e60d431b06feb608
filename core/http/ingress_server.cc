#include "core/http/ingress_server.h"

#include "core/http/ingress_connection.h"
#include "core/log/log.h"

#include <Poco/Exception.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <string>

namespace hotline::http {
namespace {

constexpr const char* kComponent = "http";

Status checkOptions(const IngressOptions& options) {
  const auto atLeast = [](const char* key, long long value, long long minimum) {
    return value >= minimum
               ? Status::ok()
               : invalidArgument(std::string(key) + " must be at least " + std::to_string(minimum) +
                                 ", got " + std::to_string(value));
  };
  HOTLINE_RETURN_IF_ERROR(atLeast("http.threads", options.threads, 1));
  HOTLINE_RETURN_IF_ERROR(atLeast("http.max_queued", options.max_queued, 1));
  HOTLINE_RETURN_IF_ERROR(
      atLeast("http.max_body_bytes", static_cast<long long>(options.max_body_bytes), 1));
  HOTLINE_RETURN_IF_ERROR(atLeast("http.shutdown_grace_ms", options.shutdown_grace_ms, 0));
  HOTLINE_RETURN_IF_ERROR(atLeast("http backlog", options.backlog, 1));
  HOTLINE_RETURN_IF_ERROR(atLeast("http request timeout (ms)", options.request_timeout_ms, 1));
  return atLeast("http keep-alive timeout (ms)", options.keep_alive_timeout_ms, 1);
}

Poco::Timespan millis(int ms) {
  return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms) * 1000);
}

Poco::Net::HTTPServerParams::Ptr makeParams(const IngressOptions& options) {
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options.threads);
  params->setMaxQueued(options.max_queued);
  params->setTimeout(millis(options.request_timeout_ms));
  params->setKeepAlive(options.keep_alive);
  params->setKeepAliveTimeout(millis(options.keep_alive_timeout_ms));
  params->setMaxKeepAliveRequests(0); // unlimited
  return params;
}

} // namespace

IngressServer::IngressServer(Router& router, IngressOptions options)
    : options_(std::move(options)),
      shared_(std::make_shared<IngressShared>(router, options_, nullptr)) {}

IngressServer::~IngressServer() {
  stop();
  server_.reset(); // releases the dispatcher; its worker threads return to pool_
}

Status IngressServer::listen() {
  Poco::Net::SocketAddress address;
  try {
    address = Poco::Net::SocketAddress(options_.bind, options_.port);
  } catch (const Poco::Exception& e) {
    return invalidArgument("http.bind \"" + options_.bind +
                           "\" is not an address to listen on: " + e.displayText());
  }
  try {
    // No SO_REUSEPORT: with it a second gateway could bind the same port silently.
    socket_.bind(address, /*reuseAddress=*/true, /*reusePort=*/false);
    socket_.listen(options_.backlog);
  } catch (const Poco::Exception& e) {
    socket_.close();
    // POCO appends the address to the reason ("Address already in use: 127.0.0.1:8080").
    std::string reason = e.message();
    const std::string suffix = ": " + address.toString();
    if (reason.size() > suffix.size() && reason.ends_with(suffix)) {
      reason.resize(reason.size() - suffix.size());
    }
    return unavailable("http: cannot listen on " + address.toString() + ": " + reason +
                       " (check http.bind and http.port; is another process using the port?)");
  }
  port_.store(socket_.address().port());
  return Status::ok();
}

Status IngressServer::start() {
  std::lock_guard lock(lifecycle_mutex_);
  if (started_) {
    return failedPrecondition("http: the ingress server was already started; it cannot be "
                              "started twice or restarted");
  }
  HOTLINE_RETURN_IF_ERROR(checkOptions(options_));
  HOTLINE_RETURN_IF_ERROR(listen());
  started_ = true;
  // Only now: POCO asserts on out-of-range values, which checkOptions() has ruled out.
  shared_->params = makeParams(options_);
  pool_ = std::make_unique<Poco::ThreadPool>("http", 1, options_.threads);
  server_ = std::make_unique<Poco::Net::TCPServer>(new IngressConnectionFactory(shared_), *pool_,
                                                   socket_, shared_->params);
  server_->start();
  log::info(kComponent, "ingress server listening",
            // Not "address": that key is a citizen's address to the masker.
            {{"listen", socket_.address().toString()},
             {"threads", options_.threads},
             {"max_body_bytes", std::to_string(options_.max_body_bytes)}});
  return Status::ok();
}

uint16_t IngressServer::port() const {
  return port_.load();
}

size_t IngressServer::inFlight() const {
  return shared_->tracker.inFlight();
}

void IngressServer::stop() {
  std::lock_guard lock(lifecycle_mutex_);
  if (!started_ || stopped_) {
    return;
  }
  stopped_ = true;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.shutdown_grace_ms);
  const int dropped = server_->queuedConnections();
  // TCPServer::stop() joins the acceptor thread and closes connections still queued for a
  // worker (they have sent nothing that was read); it neither closes the listening socket
  // nor waits for running connections. Closing the socket makes new connects fail at once.
  server_->stop();
  socket_.close();
  ConnectionTracker& tracker = shared_->tracker;
  const size_t in_flight = tracker.inFlight();
  tracker.beginStop();
  if (!tracker.waitUntilClosed(deadline)) {
    const std::vector<std::string> abandoned = tracker.abandonRemaining();
    std::string list;
    for (const std::string& what : abandoned) {
      list += (list.empty() ? "" : "; ") + what;
    }
    log::error(kComponent, "shutdown grace period over, requests abandoned",
               {{"grace_ms", options_.shutdown_grace_ms},
                {"abandoned", std::to_string(abandoned.size())},
                {"requests", list}});
  }
  log::info(kComponent, "ingress server stopped",
            {{"in_flight_at_stop", std::to_string(in_flight)}, {"queued_dropped", dropped}});
}

} // namespace hotline::http
