#include "core/http/ingress_connection.h"

#include "core/http/http_exchange.h"
#include "core/http/ingress_session.h"
#include "core/log/log.h"
#include "hotline/support/masking.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/NetException.h>

#include <chrono>
#include <cstdio>
#include <exception>

namespace hotline::http {
namespace {

constexpr const char* kComponent = "http";

// Keeps a connection registered with the tracker for as long as it lives; declared after the
// HTTPServerSession so that it detaches before the session closes the socket (the tracker
// must never shut down a descriptor number that may already be reused).
class Attachment {
public:
  Attachment(ConnectionTracker& tracker, const Poco::Net::StreamSocket& socket)
      : tracker_(tracker), id_(tracker.attach(socket)) {}
  ~Attachment() {
    if (id_) {
      tracker_.detach(*id_);
    }
  }
  Attachment(const Attachment&) = delete;
  Attachment& operator=(const Attachment&) = delete;

  const std::optional<ConnectionTracker::Id>& id() const { return id_; }

private:
  ConnectionTracker& tracker_;
  std::optional<ConnectionTracker::Id> id_;
};

// An answer sent before (or instead of) a parsed request: its own response object, since the
// one given to a failed HTTPServerRequestImpl points at the request that failed.
void sendBareError(Poco::Net::HTTPServerSession& session, int status, std::string_view code,
                   std::string_view message) {
  try {
    Poco::Net::HTTPServerResponseImpl response(session);
    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    HttpResponse error;
    error.setError(status, code, message);
    writeResponse(error, false, response);
  } catch (const Poco::Exception&) {
    // The peer is gone; the connection closes either way.
  }
  session.setKeepAlive(false);
}

// Reads the request line and headers. nullptr when there is no request to serve: the peer
// closed, timed out, or sent something that was answered with a 400 here.
std::unique_ptr<Poco::Net::HTTPServerRequestImpl>
readHead(Poco::Net::HTTPServerSession& session, Poco::Net::HTTPServerResponseImpl& response,
         Poco::Net::HTTPServerParams* params) {
  try {
    return std::make_unique<Poco::Net::HTTPServerRequestImpl>(response, session, params);
  } catch (const Poco::Net::NoMessageException&) {
    return nullptr; // the peer closed (or stop() shut the idle connection down)
  } catch (const Poco::Net::MessageException& e) {
    sendBareError(session, 400, "invalid_argument", "malformed HTTP request: " + e.message());
  } catch (const Poco::SyntaxException&) {
    // HTTPServerRequestImpl parses Content-Length in its constructor.
    sendBareError(session, 400, "invalid_argument",
                  "invalid Content-Length: expected a non-negative decimal number");
  } catch (const Poco::Exception& e) {
    log::debug(kComponent, "connection dropped while reading a request",
               {{"error", e.displayText()}});
  }
  return nullptr;
}

// A Status from reading the request as an HTTP error answer.
void setReadError(const Status& status, HttpResponse& response) {
  response.setError(httpStatusFor(status.code()), statusCodeName(status.code()), status.message());
}

void logRequest(const HttpRequest& request, int status,
                std::chrono::steady_clock::time_point started) {
  if (!log::enabled(log::Level::Debug)) {
    return;
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  char duration[32];
  std::snprintf(duration, sizeof(duration), "%.3f", static_cast<double>(elapsed.count()) / 1000.0);
  log::debug(kComponent, "request",
             {{"method", request.method},
              {"path", request.path},
              {"status", status},
              {"duration_ms", duration},
              {"remote", request.remote}});
}

} // namespace

IngressConnection::IngressConnection(const Poco::Net::StreamSocket& socket,
                                     std::shared_ptr<IngressShared> shared)
    : Poco::Net::TCPServerConnection(socket), shared_(std::move(shared)) {}

void IngressConnection::run() {
  ConnectionTracker& tracker = shared_->tracker;
  IngressSession session(socket(), shared_->params);
  const Attachment attachment(tracker, socket());
  if (!attachment.id()) {
    return; // the server is stopping: close as if the connection had been refused
  }
  while (session.nextRequestArrives()) {
    if (!tracker.beginRequest(*attachment.id())) {
      break;
    }
    const bool keep_open = serveOne(session, *attachment.id());
    tracker.endRequest(*attachment.id());
    if (!keep_open) {
      break;
    }
  }
}

bool IngressConnection::serveOne(IngressSession& session, ConnectionTracker::Id id) {
  const auto started = std::chrono::steady_clock::now();
  Poco::Net::HTTPServerResponseImpl response(session);
  const auto head = readHead(session, response, shared_->params.get());
  if (!head) {
    return false;
  }
  response.setVersion(head->getVersion());
  shared_->tracker.describe(id, head->getMethod() + " " + support::maskText(head->getURI()));

  HttpRequest request;
  HttpResponse answer;
  bool keep_alive = shared_->options.keep_alive && head->getKeepAlive() && session.mayKeepAlive();
  try {
    const Status read = readRequest(*head, response, shared_->options.max_body_bytes, request);
    if (read.isOk()) {
      dispatch(request, answer);
    } else {
      setReadError(read, answer);
      keep_alive = false; // the rest of the body, if any, is unread
    }
  } catch (const Poco::TimeoutException&) {
    answer.setError(408, "deadline_exceeded", "timed out reading the request body");
    keep_alive = false;
  } catch (const Poco::Net::MessageException& e) {
    answer.setError(400, "invalid_argument", "malformed request body: " + e.message());
    keep_alive = false;
  } catch (const Poco::Exception& e) {
    log::debug(kComponent, "connection dropped while reading a body", {{"error", e.displayText()}});
    return false;
  }
  // A connection kept open past stop() would only be shut down under its next request.
  keep_alive = keep_alive && !shared_->tracker.stopping();
  try {
    writeResponse(answer, keep_alive, response);
  } catch (const Poco::Exception& e) {
    log::debug(kComponent, "connection dropped while answering", {{"error", e.displayText()}});
    return false;
  }
  logRequest(request, answer.status, started);
  session.setKeepAlive(keep_alive);
  return keep_alive;
}

void IngressConnection::dispatch(HttpRequest& request, HttpResponse& response) {
  const std::string where = request.method + " " + support::maskText(request.path);
  try {
    bool method_not_allowed = false;
    if (shared_->router.dispatch(request, response, method_not_allowed)) {
      return;
    }
    if (method_not_allowed) {
      std::string allowed;
      for (const auto& [name, value] : response.headers) {
        allowed = name == "Allow" ? value : allowed;
      }
      response.setError(405, "method_not_allowed",
                        "method " + request.method + " is not allowed on " +
                            support::maskText(request.path) + "; allowed: " + allowed);
    } else {
      response.setError(404, "not_found", "no route for " + where);
    }
    return;
  } catch (const std::exception& e) {
    log::error(kComponent, "handler threw", {{"request", where}, {"error", e.what()}});
  } catch (...) {
    log::error(kComponent, "handler threw",
               {{"request", where}, {"error", "non-standard exception"}});
  }
  response = HttpResponse{};
  response.setError(500, "internal",
                    "internal error while handling " + where + "; the gateway log has the details");
}

} // namespace hotline::http
