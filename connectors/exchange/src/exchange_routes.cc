// The peer's calls to the gateway, under /connectors/<instance>/exchange/v1. Every call is
// signed with the link's key; every answer to a verified call is signed back (the reply
// scheme of request_signing.h), errors included.

#include "exchange_connector.h"
#include "exchange_replies.h"

namespace hotline::connectors::exchange {
namespace {

constexpr std::string_view kJson = "application/json";

// The peer's message id: Idempotency-Key, else X-Request-Id; empty lets the host digest the
// body.
std::string messageKey(const plugin::HttpRequest& request) {
  std::string_view key = request.header("Idempotency-Key");
  return std::string(key.empty() ? request.header("X-Request-Id") : key);
}

} // namespace

Status ExchangeConnector::registerRoutes(plugin::Host& host) {
  HOTLINE_RETURN_IF_ERROR(
      host.route("POST", "/exchange/v1/tickets",
                 [this](const auto& request, auto& response) { handleTicket(request, response); }));
  HOTLINE_RETURN_IF_ERROR(
      host.route("POST", "/exchange/v1/tickets/{no}/actions",
                 [this](const auto& request, auto& response) { handleAction(request, response); }));
  HOTLINE_RETURN_IF_ERROR(
      host.route("GET", "/exchange/v1/actions",
                 [this](const auto& request, auto& response) { handleFeed(request, response); }));
  return host.route("POST", "/exchange/v1/knowledge", [this](const auto& request, auto& response) {
    handleKnowledge(request, response);
  });
}

void ExchangeConnector::handleSubmission(const plugin::HttpRequest& request,
                                         plugin::HttpResponse& response,
                                         const std::function<Answer()>& accept) {
  if (!running_) {
    response.send(503, kJson, errorEnvelope(503, instance_ + " is not running; retry later"));
    return;
  }
  std::optional<support::VerifiedCaller> caller = signed_routes_->verifyOrRefuse(request, response);
  if (!caller) {
    return;
  }
  sendAnswer(*caller, request, accept(), response);
}

void ExchangeConnector::sendAnswer(const support::VerifiedCaller& caller,
                                   const plugin::HttpRequest& request, const Answer& answer,
                                   plugin::HttpResponse& response) {
  signed_routes_->sendSigned(caller, request, answer.status,
                             answer.ok() ? okEnvelope(answer.data)
                                         : errorEnvelope(answer.status, answer.message),
                             response);
}

void ExchangeConnector::handleTicket(const plugin::HttpRequest& request,
                                     plugin::HttpResponse& response) {
  handleSubmission(request, response, [&] {
    return acceptTicket(std::string(request.header("Content-Type")), std::string(request.body()),
                        messageKey(request));
  });
}

void ExchangeConnector::handleAction(const plugin::HttpRequest& request,
                                     plugin::HttpResponse& response) {
  handleSubmission(request, response, [&] {
    return acceptEvent(std::string(request.header("Content-Type")), std::string(request.body()),
                       messageKey(request), std::string(request.pathParam("no")));
  });
}

void ExchangeConnector::handleFeed(const plugin::HttpRequest& request,
                                   plugin::HttpResponse& response) {
  std::optional<support::VerifiedCaller> caller = signed_routes_->verifyOrRefuse(request, response);
  if (!caller) {
    return;
  }
  if (mode_ != Mode::Pull) {
    signed_routes_->sendSigned(
        *caller, request, 404,
        errorEnvelope(404, instance_ + " pushes to " + peer_url_ +
                               "; there is no feed to read (mode is not pull)"),
        response);
    return;
  }
  Result<FeedQuery> query = parseFeedQuery(request.query());
  if (!query) {
    signed_routes_->sendSigned(*caller, request, 400, errorEnvelope(400, query.status().message()),
                               response);
    return;
  }
  Result<std::string> page = feed_->pageData(*query);
  if (!page) {
    signed_routes_->sendSigned(
        *caller, request, 503,
        errorEnvelope(503, instance_ + ": cannot read the feed: " + page.status().message()),
        response);
    return;
  }
  signed_routes_->sendSigned(*caller, request, 200, okEnvelope(*page), response);
}

void ExchangeConnector::handleKnowledge(const plugin::HttpRequest& request,
                                        plugin::HttpResponse& response) {
  // Only Idempotency-Key names a revision of an article; without it the article's id does.
  handleSubmission(request, response, [&] {
    return acceptKnowledge(std::string(request.header("Content-Type")), std::string(request.body()),
                           std::string(request.header("Idempotency-Key")));
  });
}

} // namespace hotline::connectors::exchange
