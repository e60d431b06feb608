#include "tests/unit/delivery/recording_server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include <strings.h>

namespace hotline::delivery::testing {
namespace {

class RecordingHandler : public Poco::Net::HTTPRequestHandler {
public:
  explicit RecordingHandler(RecordingServer& server) : server_(server) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    server_.enter();
    RecordedRequest recorded;
    recorded.method = request.getMethod();
    recorded.uri = request.getURI();
    for (const auto& [name, value] : request) {
      recorded.headers.emplace_back(name, value);
    }
    Poco::StreamCopier::copyToString(request.stream(), recorded.body);
    recorded.client = request.clientAddress().toString();
    CannedResponse canned;
    server_.handle(std::move(recorded), canned);
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(canned.status));
    response.setContentType(canned.content_type);
    for (const auto& [name, value] : canned.headers) {
      response.set(name, value);
    }
    response.setContentLength(static_cast<std::streamsize>(canned.body.size()));
    server_.leave();
    response.send() << canned.body;
  }

private:
  RecordingServer& server_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
  explicit Factory(RecordingServer& server) : server_(server) {}
  Poco::Net::HTTPRequestHandler*
  createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new RecordingHandler(server_);
  }

private:
  RecordingServer& server_;
};

} // namespace

std::string RecordedRequest::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (strcasecmp(key.c_str(), name.c_str()) == 0) {
      return value;
    }
  }
  return {};
}

RecordingServer::RecordingServer(Handler handler) : handler_(std::move(handler)) {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  port_ = socket.address().port();
  auto params = new Poco::Net::HTTPServerParams;
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(10000);
  params->setKeepAliveTimeout(Poco::Timespan(30, 0));
  params->setMaxThreads(16);
  params->setMaxQueued(256);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket, params);
  server_->start();
}

RecordingServer::~RecordingServer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    releasing_ = true;
  }
  released_cv_.notify_all();
  server_->stopAll(true);
}

std::string RecordingServer::baseUrl() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

void RecordingServer::setHandler(Handler handler) {
  std::lock_guard<std::mutex> lock(mutex_);
  handler_ = std::move(handler);
}

void RecordingServer::enter() {
  const int now = ++concurrent_;
  int seen = max_concurrent_.load();
  while (now > seen && !max_concurrent_.compare_exchange_weak(seen, now)) {
  }
}

void RecordingServer::leave() {
  --concurrent_;
}

void RecordingServer::handle(RecordedRequest request, CannedResponse& response) {
  Handler handler;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    clients_.insert(request.client);
    requests_.push_back(request);
    handler = handler_;
  }
  if (handler) {
    response = handler(request);
  }
  if (response.delay.count() > 0) {
    std::unique_lock<std::mutex> lock(mutex_);
    released_cv_.wait_for(lock, response.delay, [this] { return releasing_; });
  }
}

std::vector<RecordedRequest> RecordingServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

size_t RecordingServer::requestCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_.size();
}

size_t RecordingServer::distinctConnections() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return clients_.size();
}

} // namespace hotline::delivery::testing
