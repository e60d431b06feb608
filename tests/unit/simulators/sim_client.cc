#include "tests/unit/simulators/sim_client.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace hotline::sim::testing {

rapidjson::Document Reply::json() const {
  rapidjson::Document document;
  document.Parse(body.c_str());
  EXPECT_FALSE(document.HasParseError()) << "not JSON: " << body;
  return document;
}

std::string Reply::header(const std::string& name) const {
  auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

Reply SimClient::send(const std::string& method, const std::string& path,
                      const httplib::Headers& headers, const std::string& body,
                      const std::string& content_type) {
  httplib::Client client("127.0.0.1", port_);
  client.set_connection_timeout(std::chrono::seconds(5));
  client.set_read_timeout(std::chrono::seconds(20));
  auto call = [&]() -> httplib::Result {
    if (method == "GET") {
      return client.Get(path, headers);
    }
    if (method == "DELETE") {
      return client.Delete(path, headers);
    }
    return client.Post(path, headers, body, content_type);
  };
  httplib::Result result = call();
  Reply reply;
  reply.error = result.error();
  if (result) {
    reply.answered = true;
    reply.status = result->status;
    reply.body = result->body;
    reply.headers = result->headers;
  }
  return reply;
}

namespace {

httplib::Headers deliveryHeaders(const Delivery& delivery) {
  httplib::Headers headers;
  if (!delivery.key.empty()) {
    headers.emplace("Idempotency-Key", delivery.key);
  }
  if (!delivery.ticket_id.empty()) {
    headers.emplace("X-Hotline-Ticket", delivery.ticket_id);
  }
  if (!delivery.sequence.empty()) {
    headers.emplace("X-Hotline-Sequence", delivery.sequence);
  }
  return headers;
}

} // namespace

Reply SimClient::postTicket(const Delivery& delivery) {
  return send("POST", "/api/v1/tickets", deliveryHeaders(delivery), delivery.body,
              "application/json");
}

Reply SimClient::postEvent(const Delivery& delivery) {
  return send("POST", "/api/v1/tickets/" + delivery.ticket_id + "/events",
              deliveryHeaders(delivery), delivery.body, "application/json");
}

Reply SimClient::postKnowledge(const Delivery& delivery) {
  return send("POST", "/api/v1/knowledge", deliveryHeaders(delivery), delivery.body,
              "application/json");
}

Reply SimClient::postBulk(const std::string& ndjson, const std::string& content_type) {
  return send("POST", "/api/v1/bulk", {}, ndjson, content_type);
}

Reply SimClient::get(const std::string& path) {
  return send("GET", path, {}, "", "");
}

Reply SimClient::post(const std::string& path, const std::string& json) {
  return send("POST", path, {}, json, "application/json");
}

Reply SimClient::del(const std::string& path) {
  return send("DELETE", path, {}, "", "");
}

std::map<std::string, uint64_t> SimClient::stats() {
  std::map<std::string, uint64_t> values;
  Reply reply = get("/sim/stats");
  EXPECT_EQ(reply.status, 200);
  if (reply.status != 200) {
    return values;
  }
  rapidjson::Document document = reply.json();
  for (const auto& member : document.GetObject()) {
    values[member.name.GetString()] = member.value.GetUint64();
  }
  return values;
}

void SimClient::setFaults(const std::string& plan_json) {
  Reply reply = post("/sim/faults", plan_json);
  ASSERT_EQ(reply.status, 200) << reply.body;
}

void SimClient::resetSim() {
  Reply reply = post("/sim/reset", "");
  ASSERT_EQ(reply.status, 200) << reply.body;
}

namespace {

// True once `data` holds a whole response with a Content-Length body (the server may keep the
// connection open after it).
bool completeResponse(const std::string& data) {
  const size_t header_end = data.find("\r\n\r\n");
  const size_t length_at = data.find("Content-Length: ");
  if (header_end == std::string::npos || length_at == std::string::npos || length_at > header_end) {
    return false;
  }
  const size_t length = std::stoul(data.substr(length_at + 16));
  return data.size() >= header_end + 4 + length;
}

} // namespace

RawOutcome rawExchange(int port, const std::string& request) {
  RawOutcome outcome;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{20, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) < 0) {
    outcome.error = errno;
    ::close(fd);
    return outcome;
  }
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
    if (n < 0) {
      outcome.error = errno;
      break;
    }
    if (n == 0) {
      break;
    }
    outcome.received.append(buffer, static_cast<size_t>(n));
    if (completeResponse(outcome.received)) {
      break;
    }
  }
  ::close(fd);
  return outcome;
}

} // namespace hotline::sim::testing
