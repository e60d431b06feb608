#include "tests/unit/http/test_client.h"

#include "tests/support/child_process.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>
#include <rapidjson/document.h>

#include <iterator>
#include <thread>

namespace hotline::http::testing {

void Gate::open() {
  {
    std::lock_guard lock(mutex_);
    open_ = true;
  }
  opened_.notify_all();
}

bool Gate::waitOpen(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return opened_.wait_for(lock, timeout, [this] { return open_; });
}

bool Gate::isOpen() {
  std::lock_guard lock(mutex_);
  return open_;
}

bool waitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  return hotline::testing::waitFor(condition, timeout, 2ms);
}

Reply exchange(Poco::Net::HTTPClientSession& session, const std::string& method,
               const std::string& uri, const std::string& body, const std::string& content_type) {
  Poco::Net::HTTPRequest request(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!body.empty() || method == "POST" || method == "PUT") {
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    request.setContentType(content_type.empty() ? "application/json" : content_type);
  }
  std::ostream& out = session.sendRequest(request);
  out << body;
  Reply reply;
  std::istream& in = session.receiveResponse(reply.response);
  reply.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  reply.status = reply.response.getStatus();
  reply.content_type = reply.response.getContentType();
  reply.connection = Poco::toLower(reply.response.get("Connection", ""));
  return reply;
}

Reply request(uint16_t port, const std::string& method, const std::string& uri,
              const std::string& body) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(10, 0));
  return exchange(session, method, uri, body);
}

std::string rawExchange(uint16_t port, const std::string& bytes, bool half_close) {
  Poco::Net::StreamSocket socket;
  socket.connect(Poco::Net::SocketAddress("127.0.0.1", port), Poco::Timespan(5, 0));
  socket.setReceiveTimeout(Poco::Timespan(10, 0));
  socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
  if (half_close) {
    socket.shutdownSend();
  }
  std::string received;
  char buffer[4096];
  while (true) {
    const int got = socket.receiveBytes(buffer, sizeof(buffer));
    if (got <= 0) {
      break;
    }
    received.append(buffer, static_cast<size_t>(got));
  }
  return received;
}

bool connectionRefused(uint16_t port) {
  try {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", port), Poco::Timespan(1, 0));
    socket.close();
    return false;
  } catch (const Poco::Net::ConnectionRefusedException&) {
    return true;
  } catch (const Poco::Exception&) {
    return false;
  }
}

ErrorBody parseError(const std::string& body) {
  rapidjson::Document document;
  document.Parse(body.c_str(), body.size());
  if (document.HasParseError() || !document.IsObject() || !document.HasMember("error") ||
      !document["error"].IsObject()) {
    return {};
  }
  const auto& error = document["error"];
  if (!error.HasMember("code") || !error.HasMember("message") || !error["code"].IsString() ||
      !error["message"].IsString()) {
    return {};
  }
  return {error["code"].GetString(), error["message"].GetString()};
}

} // namespace hotline::http::testing
