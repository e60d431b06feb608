#pragma once
// One client connection of the IngressServer: the HTTP/1.1 keep-alive loop on a POCO worker
// thread. It is POCO's HTTPServerConnection loop (HTTPServerSession, HTTPServerRequestImpl,
// HTTPServerResponseImpl) with what the gateway needs on top: a 400 for a malformed
// Content-Length (POCO throws it away with the connection), the body limit checked before
// "100 Continue", every request counted in the ConnectionTracker for graceful stop, and
// handler exceptions turned into 500s.

#include "core/http/connection_tracker.h"
#include "core/http/ingress_options.h"
#include "core/http/ingress_session.h"
#include "core/http/router.h"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <memory>

namespace hotline::http {

// What every connection of one server shares. Owned jointly by the server and its
// connections, so that a connection abandoned at stop() never outlives it.
struct IngressShared {
  IngressShared(Router& r, IngressOptions o, Poco::Net::HTTPServerParams::Ptr p)
      : router(r), options(std::move(o)), params(std::move(p)) {}

  Router& router; // outlives the server (precondition of IngressServer)
  const IngressOptions options;
  // Set by IngressServer::start() before the first connection; read-only afterwards.
  Poco::Net::HTTPServerParams::Ptr params;
  ConnectionTracker tracker;
};

class IngressConnection : public Poco::Net::TCPServerConnection {
public:
  IngressConnection(const Poco::Net::StreamSocket& socket, std::shared_ptr<IngressShared> shared);

  void run() override;

private:
  // Serves one request; returns whether the connection stays open for another.
  bool serveOne(IngressSession& session, ConnectionTracker::Id id);
  void dispatch(HttpRequest& request, HttpResponse& response);

  std::shared_ptr<IngressShared> shared_;
};

class IngressConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
public:
  explicit IngressConnectionFactory(std::shared_ptr<IngressShared> shared)
      : shared_(std::move(shared)) {}

  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    return new IngressConnection(socket, shared_);
  }

private:
  std::shared_ptr<IngressShared> shared_;
};

} // namespace hotline::http
