#pragma once
// The ingress HTTP server: every endpoint of the gateway (connector endpoints, /healthz, the
// admin API) is served here and reached through the Router. Built on POCO's TCPServer (the
// acceptor, the worker pool, the queue of accepted connections) and POCO's HTTP message
// classes, with a connection loop of our own (ingress_connection.h) because POCO's
// HTTPServer can neither answer a malformed Content-Length nor stop with a deadline.
//
// Graceful stop(): stop accepting (the listening socket is closed, so a new connect() is
// refused), close idle kept-alive connections, let requests being handled finish (their
// answers carry "Connection: close"), wait for them up to shutdown_grace_ms, then cut off
// what is left and log it.
//
// Thread safety: start(), stop() and the accessors may be called from any thread; stop()
// may be called while requests are running (that is its purpose) and more than once.

#include "core/http/health_endpoint.h" // most users of the server register /healthz too
#include "core/http/ingress_options.h"
#include "core/http/router.h"
#include "hotline/status.h"

#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

namespace Poco {
class ThreadPool;
namespace Net {
class TCPServer;
} // namespace Net
} // namespace Poco

namespace hotline::http {

struct IngressShared;

class IngressServer {
public:
  using Options = IngressOptions;

  // `router` must outlive the server, including handlers abandoned by stop().
  explicit IngressServer(Router& router, IngressOptions options = {});
  // Stops (gracefully) if still running.
  ~IngressServer();
  IngressServer(const IngressServer&) = delete;
  IngressServer& operator=(const IngressServer&) = delete;

  // Binds and starts serving. Fails with InvalidArgument for bad options or a bind address
  // that is not one, Unavailable when the address cannot be listened on (port in use, no
  // such interface), FailedPrecondition when called twice. A server cannot be restarted.
  Status start();
  // The port actually bound (the ephemeral one when options.port is 0); 0 before start().
  uint16_t port() const;
  // Graceful stop, see above. Returns once every connection has closed or the grace period
  // has passed. Idempotent.
  void stop();

  // Requests being handled right now.
  size_t inFlight() const;
  const IngressOptions& options() const { return options_; }

private:
  Status listen();

  const IngressOptions options_;
  std::mutex lifecycle_mutex_; // serialises start() and stop()
  bool started_ = false;
  bool stopped_ = false;
  std::atomic<uint16_t> port_{0};
  Poco::Net::ServerSocket socket_;
  const std::shared_ptr<IngressShared> shared_; // router, options, tracker; from construction
  // Declared before server_: the TCPServer's workers run on this pool, so it must go last.
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::TCPServer> server_;
};

} // namespace hotline::http
