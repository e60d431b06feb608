#include "example_connector.h"

#include "http_post.h"

#include "hotline/support/masking.h"
#include "hotline/support/signature.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace hotline::connectors::example {
namespace {

constexpr hl_config_key kExampleConfig[] = {
    plugin::stringKey("path", "/tickets",
                      "Endpoint path, under /connectors/<instance>, that accepts POSTs."),
    plugin::stringKey("kind", "ticket",
                      "Message kind handed to the pipeline (selects the mapping)."),
    plugin::stringKey("id_header", "X-Request-Id",
                      "Request header carrying the peer's message id (idempotency key)."),
    plugin::secretKey("hmac_secret",
                      "When set, every request must carry hex(HMAC-SHA256(secret, body)) in "
                      "signature_header; others are refused with 401.",
                      false),
    plugin::stringKey("signature_header", "X-Signature",
                      "Request header carrying the body's HMAC-SHA256 signature."),
    plugin::stringKey("deliver_url", "",
                      "When set (http:// or https://), downlink messages are POSTed here with "
                      "their Idempotency-Key and X-Hotline-Ticket (the gateway's ticket id); "
                      "empty: the connector does not deliver."),
};

constexpr long kDeliverTimeoutMs = 10000;

std::string errorBody(std::string_view code, std::string_view message) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("error");
  writer.StartObject();
  writer.Key("code");
  writer.String(code.data(), static_cast<rapidjson::SizeType>(code.size()));
  writer.Key("message");
  writer.String(message.data(), static_cast<rapidjson::SizeType>(message.size()));
  writer.EndObject();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace

Status ExampleConnector::configure(const plugin::Config& config, plugin::Host& host) {
  host_ = &host;
  kind_ = config.getString("kind", "ticket");
  id_header_ = config.getString("id_header", "X-Request-Id");
  hmac_secret_ = config.getString("hmac_secret", "");
  signature_header_ = config.getString("signature_header", "X-Signature");
  deliver_url_ = config.getString("deliver_url", "");
  if (!deliver_url_.empty() && deliver_url_.rfind("http://", 0) != 0 &&
      deliver_url_.rfind("https://", 0) != 0) {
    return invalidArgument("deliver_url: \"" + deliver_url_ +
                           "\" is not an http:// or https:// URL");
  }
  std::string path = config.getString("path", "/tickets");
  return host.route("POST", path,
                    [this](const plugin::HttpRequest& request, plugin::HttpResponse& response) {
                      handleSubmit(request, response);
                    });
}

Status ExampleConnector::start() {
  running_ = true;
  host_->log(plugin::LogLevel::Info, "example connector started", {{"kind", kind_}});
  return Status::ok();
}

void ExampleConnector::stop() noexcept {
  running_ = false;
}

plugin::Health ExampleConnector::health() const {
  return running_ ? plugin::Health::healthy() : plugin::Health::down("not started");
}

plugin::Delivery ExampleConnector::deliver(const plugin::Outbound& outbound) {
  if (deliver_url_.empty()) {
    return plugin::Delivery::permanent(
        "the example connector delivers nothing without deliver_url");
  }
  PostResult posted = httpPost(deliver_url_, outbound.body,
                               {"Content-Type: " + outbound.content_type,
                                "Idempotency-Key: " + outbound.idempotency_key,
                                "X-Hotline-Ticket: " + outbound.ticket_id},
                               kDeliverTimeoutMs);
  const std::string where = "POST " + deliver_url_;
  if (!posted.transport_ok) {
    return plugin::Delivery::retry(where + ": " + posted.error);
  }
  if (posted.status >= 200 && posted.status < 300) {
    return plugin::Delivery::ok();
  }
  // The peer's text may quote personal data from the ticket: masked before it is kept.
  const std::string answered =
      where + " answered " + std::to_string(posted.status) + ": " + support::maskText(posted.body);
  if (posted.status == 408 || posted.status == 429 || posted.status >= 500) {
    return plugin::Delivery::retry(answered);
  }
  return plugin::Delivery::permanent(answered);
}

Status ExampleConnector::verifySignature(const plugin::HttpRequest& request) const {
  std::string_view presented = request.header(signature_header_);
  if (presented.empty()) {
    return Status(StatusCode::Unauthenticated,
                  "missing " + signature_header_ + " (hex HMAC-SHA256 of the body)");
  }
  Result<std::string> expected =
      support::hmacHex(support::HmacAlgorithm::Sha256, hmac_secret_, request.body());
  if (!expected || !support::constantTimeEquals(*expected, presented)) {
    return Status(StatusCode::Unauthenticated,
                  signature_header_ + " does not match the body (HMAC-SHA256)");
  }
  return Status::ok();
}

void ExampleConnector::handleSubmit(const plugin::HttpRequest& request,
                                    plugin::HttpResponse& response) {
  if (!running_) {
    response.send(503, "application/json", errorBody("unavailable", "connector is stopping"));
    return;
  }
  if (!hmac_secret_.empty()) {
    Status verified = verifySignature(request);
    if (!verified.isOk()) {
      host_->log(plugin::LogLevel::Warn, "request refused: bad signature",
                 {{"remote", std::string(request.remote())}, {"reason", verified.message()}});
      // Audited too: forged requests are what an operator reviews after an incident.
      (void)host_->audit("refused_signature", "",
                         verified.message() + " (from " + std::string(request.remote()) + ")");
      response.send(401, "application/json", errorBody("unauthenticated", verified.message()));
      return;
    }
  }
  plugin::Inbound inbound;
  inbound.kind = kind_;
  inbound.content_type = std::string(request.header("Content-Type"));
  inbound.body = std::string(request.body());
  inbound.idempotency_key = std::string(request.header(id_header_));
  Result<plugin::Submitted> submitted = host_->submit(inbound);
  if (!submitted.isOk()) {
    const Status& status = submitted.status();
    response.send(httpStatusFor(status.code()), "application/json",
                  errorBody(statusCodeName(status.code()), status.message()));
    return;
  }
  response.send(submitted->http_status, "application/json", submitted->body);
}

} // namespace hotline::connectors::example

HOTLINE_CONNECTOR(hotline::connectors::example::ExampleConnector, "example", "0.1.0",
                  "Example connector: one HTTP endpoint that submits what it receives.",
                  hotline::connectors::example::kExampleConfig)
