#include "tests/unit/simulators/exchange_test_peers.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace hotline::sim::testing {
namespace {

constexpr const char* kPrefix = "/connectors/city-exchange";

SignedReply toReply(const httplib::Result& result, const std::string& target,
                    const std::string& nonce) {
  SignedReply reply;
  reply.target = target;
  reply.nonce = nonce;
  if (result) {
    reply.status = result->status;
    reply.body = result->body;
    reply.headers = result->headers;
  }
  return reply;
}

} // namespace

support::SigningKey countyKey() {
  return support::SigningKey{"yucheng-county", "county-secret-for-tests",
                             support::HmacAlgorithm::Sha256};
}

std::string countyKeySpec() {
  return "yucheng-county:county-secret-for-tests:HMAC-SHA256";
}

RunningExchange startExchange(const std::vector<std::string>& extra_args) {
  std::vector<std::string> args{"exchange", "--port", "0", "--peer-key", countyKeySpec()};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  RunningExchange exchange;
  exchange.process = std::make_unique<SimProcess>(args);
  auto port = exchange.process->waitForPort();
  EXPECT_TRUE(port.has_value()) << "hotline-sim exchange did not announce its port; stderr:\n"
                                << exchange.process->errorOutput();
  exchange.port = port.value_or(0);
  return exchange;
}

SignedReply CountyCaller::send(const std::string& method, const std::string& target,
                               const std::string& body, const support::SignatureHeaders& headers,
                               const std::string& idempotency_key) {
  httplib::Headers http_headers;
  for (auto& [name, value] : headers.toHeaderList()) {
    http_headers.emplace(std::move(name), std::move(value));
  }
  if (!idempotency_key.empty()) {
    http_headers.emplace("Idempotency-Key", idempotency_key);
  }
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(std::chrono::seconds(10));
  auto result = method == "GET" ? client.Get(target, http_headers)
                                : client.Post(target, http_headers, body, "application/json");
  return toReply(result, target, headers.nonce);
}

SignedReply CountyCaller::post(const std::string& target, const std::string& body,
                               const std::string& idempotency_key) {
  auto headers = support::signRequest(key_, "POST", target, body);
  EXPECT_TRUE(headers.isOk()) << headers.status().message();
  return send("POST", target, body, headers.value(), idempotency_key);
}

SignedReply CountyCaller::get(const std::string& target) {
  auto headers = support::signRequest(key_, "GET", target, "");
  EXPECT_TRUE(headers.isOk()) << headers.status().message();
  return send("GET", target, "", headers.value(), "");
}

Status CountyCaller::verify(const SignedReply& reply) const {
  support::HeaderList headers(reply.headers.begin(), reply.headers.end());
  auto parsed = support::parseSignatureHeaders(headers);
  if (!parsed) {
    return parsed.status();
  }
  return support::verifyReply(key_, reply.target, reply.nonce, *parsed, reply.body,
                              support::systemMillis());
}

SignedReply control(int port, const std::string& method, const std::string& path,
                    const std::string& body) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(std::chrono::seconds(10));
  auto result = method == "GET" ? client.Get(path) : client.Post(path, body, "application/json");
  return toReply(result, path, "");
}

CountyGatewayStub::CountyGatewayStub(support::SigningKey key)
    : verifier_(support::fixedKeys(
          {{key.app_key, support::CallerKey{key.secret, {key.algorithm}, {}}}})) {
  server_.Post(".*", [this](const httplib::Request& request, httplib::Response& response) {
    handle(request, response);
  });
  port_ = server_.bind_to_any_port("127.0.0.1");
  EXPECT_GT(port_, 0) << "the county gateway stub could not bind";
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  EXPECT_TRUE(waitFor([this] { return server_.is_running(); }, std::chrono::seconds(10)));
}

CountyGatewayStub::~CountyGatewayStub() {
  server_.stop();
  thread_.join();
}

std::string CountyGatewayStub::baseUrl() const {
  return "http://127.0.0.1:" + std::to_string(port_) + kPrefix;
}

std::vector<CountyGatewayStub::Received> CountyGatewayStub::received() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return received_;
}

void CountyGatewayStub::failNext(int count, int status) {
  std::lock_guard<std::mutex> lock(mutex_);
  fail_count_ = count;
  fail_status_ = status;
}

// Answers like the county gateway: a ticket sent down gets the county's number, an action
// the ticket id and status; every answer to a verified call is signed.
void CountyGatewayStub::handle(const httplib::Request& request, httplib::Response& response) {
  const support::HeaderList headers(request.headers.begin(), request.headers.end());
  auto caller = verifier_.verify(request.method, request.target, headers, request.body);
  int fail_status = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    received_.push_back(Received{request.target, request.body,
                                 request.get_header_value("Idempotency-Key"),
                                 caller ? "" : caller.status().message()});
    if (fail_count_ > 0) {
      --fail_count_;
      fail_status = fail_status_;
    }
  }
  if (!caller || fail_status != 0) {
    const int status = caller ? fail_status : 401;
    response.status = status;
    response.set_content(R"({"code":)" + std::to_string(status) +
                             R"(,"message":"stub","data":null})",
                         "application/json");
    return;
  }
  const bool is_ticket = request.path == std::string(kPrefix) + "/exchange/v1/tickets";
  std::string body =
      is_ticket ? R"({"code":0,"message":"ok","data":{"number":"YC-DOWN-0001"}})"
                : R"({"code":0,"message":"ok","data":{"ticket_id":"01TEST","status":"signed"}})";
  auto signed_headers = verifier_.signReply(*caller, request.target, body);
  EXPECT_TRUE(signed_headers.isOk());
  for (const auto& [name, value] : signed_headers.value().toHeaderList()) {
    response.set_header(name, value);
  }
  response.set_content(body, "application/json");
}

} // namespace hotline::sim::testing
