#include "simulators/exchange/src/gateway_client.h"

#include <httplib.h>

#include <chrono>

#include "simulators/exchange/src/json_text.h"

namespace hotline::sim::exchange {
namespace {

constexpr std::chrono::seconds kConnectTimeout{2};
constexpr std::chrono::seconds kReadTimeout{10};

// The reply's own signature, checked against the key and nonce we sent.
Status verifyReplyHeaders(const support::SigningKey& key, const std::string& target,
                          const std::string& nonce, const httplib::Response& response) {
  support::HeaderList headers(response.headers.begin(), response.headers.end());
  auto parsed = support::parseSignatureHeaders(headers);
  if (!parsed) {
    return Status(parsed.status().code(), "reply " + parsed.status().message());
  }
  return support::verifyReply(key, target, nonce, *parsed, response.body, support::systemMillis());
}

// Reads {"code":0,"message":"ok","data":{...}} of a verified reply.
CallOutcome readEnvelope(const httplib::Response& response) {
  CallOutcome outcome;
  outcome.status = response.status;
  rapidjson::Document doc;
  doc.Parse(response.body.c_str(), response.body.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("code") || !doc["code"].IsInt()) {
    outcome.message = "reply body is not the {\"code\":..,\"message\":..,\"data\":..} envelope";
    return outcome;
  }
  if (doc["code"].GetInt() != 0) {
    outcome.message = "refused with code " + std::to_string(doc["code"].GetInt()) + ": " +
                      stringMember(doc, "message");
    return outcome;
  }
  outcome.kind = CallOutcome::Kind::Accepted;
  outcome.message = "ok";
  if (doc.HasMember("data") && doc["data"].IsObject()) {
    outcome.data_json = compactJson(doc["data"]);
  }
  return outcome;
}

} // namespace

std::string encodePathSegment(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0f]);
    }
  }
  return out;
}

CallOutcome GatewayClient::post(const std::string& path, const std::string& body,
                                const std::string& idempotency_key) const {
  const std::string target = url_.path_prefix + path;
  CallOutcome outcome;
  auto signed_headers = support::signRequest(key_, "POST", target, body);
  if (!signed_headers) {
    outcome.message = "cannot sign POST " + target + ": " + signed_headers.status().message();
    return outcome;
  }
  httplib::Headers headers{{"Idempotency-Key", idempotency_key}};
  for (auto& [name, value] : signed_headers->toHeaderList()) {
    headers.emplace(std::move(name), std::move(value));
  }
  httplib::Client client(url_.origin);
  client.set_connection_timeout(kConnectTimeout);
  client.set_read_timeout(kReadTimeout);
  auto result = client.Post(target, headers, body, "application/json");
  if (!result) {
    outcome.kind = CallOutcome::Kind::Retryable;
    outcome.message =
        "no answer from " + url_.origin + " (" + httplib::to_string(result.error()) + ")";
    return outcome;
  }
  if (result->status >= 500) {
    outcome.kind = CallOutcome::Kind::Retryable;
    outcome.status = result->status;
    outcome.message = "answered " + std::to_string(result->status);
    return outcome;
  }
  // A gateway answers 201 for what it stored now and 200 for a duplicate: both accept.
  if (result->status < 200 || result->status > 299) {
    outcome.status = result->status;
    outcome.message =
        "answered " + std::to_string(result->status) + ": " + result->body.substr(0, 300);
    return outcome;
  }
  if (Status verified = verifyReplyHeaders(key_, target, signed_headers->nonce, *result);
      !verified.isOk()) {
    outcome.status = result->status;
    outcome.message = verified.message();
    return outcome;
  }
  return readEnvelope(*result);
}

} // namespace hotline::sim::exchange
