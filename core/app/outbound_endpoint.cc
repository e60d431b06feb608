#include "core/app/outbound_endpoint.h"

#include "core/downlink/ticket_attributes.h"
#include "hotline/support/signature.h"

#include <algorithm>
#include <memory>
#include <sstream>

namespace hotline::app {
namespace {

constexpr const char* kOwner = "core-platform";
constexpr std::string_view kBearer = "Bearer ";

std::string trimmed(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return "";
  }
  const size_t last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

std::string knownList(const std::set<std::string>& instances) {
  std::string list;
  for (const std::string& name : instances) {
    list += (list.empty() ? "" : ", ") + name;
  }
  return list.empty() ? "none configured" : list;
}

Result<std::vector<std::string>> parseTargets(std::string_view header,
                                              const std::set<std::string>& instances) {
  std::vector<std::string> targets;
  std::stringstream items{std::string(header)};
  std::string item;
  while (std::getline(items, item, ',')) {
    std::string name = trimmed(item);
    if (name.empty()) {
      continue;
    }
    if (instances.count(name) == 0) {
      return invalidArgument("X-Hotline-Targets: no connector instance \"" + name +
                             "\" (known: " + knownList(instances) + ")");
    }
    if (std::find(targets.begin(), targets.end(), name) == targets.end()) {
      targets.push_back(std::move(name));
    }
  }
  return targets;
}

struct Routing {
  std::vector<std::string> targets;
  bool to_holders = false; // also the instances holding the ticket (decided at commit)
  bool named = false;      // X-Hotline-Targets: exactly these
};

// The named targets; or (none named) the instances taking escalations, for an escalation; or
// the instances serving the message's units; or, for an event that names no units (an urge,
// a decision, a close), the instances holding its ticket.
Result<Routing> routingOf(const std::string& kind, const http::HttpRequest& request,
                          const OutboundEndpointOptions& options) {
  Result<std::vector<std::string>> named =
      parseTargets(request.header("X-Hotline-Targets"), options.instances);
  if (!named) {
    return named.status();
  }
  if (!named->empty()) {
    return Routing{std::move(named).value(), false, true};
  }
  if (kind == "knowledge") {
    if (options.sync_instances.empty()) {
      return invalidArgument("a knowledge article, but no peer platform to share it with: set "
                             "\"sync\": true on the exchange instances, or name the targets in "
                             "X-Hotline-Targets");
    }
    return Routing{options.sync_instances, false};
  }
  // A ticket's status, an event's type: read once, it decides the routing below.
  const std::string what =
      downlink::canonicalMember(request.body, kind == "ticket" ? "status" : "type");
  if (what == "escalated") { // 上报: a ticket marked escalated, or the escalated event
    if (options.escalation_instances.empty()) {
      return invalidArgument("an escalation, but no connector instance takes escalations: set "
                             "\"escalations\": true on the exchange instance of the upper level, "
                             "or name the targets in X-Hotline-Targets");
    }
    // The ticket's snapshot goes first to an instance that never had it (planner_routing.cc).
    return Routing{options.escalation_instances, false};
  }
  if (options.router == nullptr) {
    return invalidArgument("X-Hotline-Targets: name the connector instances to deliver to "
                           "(known: " +
                           knownList(options.instances) + ")");
  }
  Result<std::vector<std::string>> units = downlink::unitsOf(kind, request.body);
  if (units) {
    // "reassigned" moves a ticket: the new units' instances get it, and the holders learn
    // that it left them.
    return Routing{options.router->targetsFor(*units), kind == "event" && what == "reassigned"};
  }
  if (kind == "event" && !what.empty()) {
    return Routing{{}, true};
  }
  return units.status();
}

class OutboundEndpoint {
public:
  OutboundEndpoint(pipeline::Submitter& submitter, OutboundEndpointOptions options)
      : submitter_(submitter), options_(std::move(options)) {}

  void handle(const std::string& kind, const http::HttpRequest& request,
              http::HttpResponse& response) {
    std::string_view authorization = request.header("Authorization");
    const bool bearer = authorization.substr(0, kBearer.size()) == kBearer;
    if (!bearer ||
        !support::constantTimeEquals(authorization.substr(kBearer.size()), options_.token)) {
      response.headers.emplace_back("WWW-Authenticate", "Bearer");
      response.setError(401, "unauthenticated",
                        "the downlink needs \"Authorization: Bearer <token>\" with the core "
                        "platform's token (core_platform.outbound_token)");
      return;
    }
    Result<Routing> routing = routingOf(kind, request, options_);
    if (!routing) {
      response.setError(400, "invalid_argument", routing.status().message());
      return;
    }
    std::string_view key = request.header("Idempotency-Key");
    if (key.empty()) {
      key = request.header("X-Request-Id");
    }
    pipeline::InboundMessage message;
    message.source = "core-platform";
    message.connector_type = "core";
    message.kind = kind;
    message.content_type = std::string(request.header("Content-Type"));
    message.body = request.body;
    message.idempotency_key = std::string(key);
    message.targets = std::move(routing->targets);
    message.route_to_holders = routing->to_holders;
    message.targets_named = routing->named;
    Result<pipeline::SubmitOutcome> outcome = submitter_.submit(message);
    if (!outcome) {
      const Status& status = outcome.status();
      response.setError(httpStatusFor(status.code()), statusCodeName(status.code()),
                        status.message());
      return;
    }
    response.status = outcome->http_status;
    response.content_type = "application/json";
    response.body = outcome->body;
  }

private:
  pipeline::Submitter& submitter_;
  const OutboundEndpointOptions options_;
};

} // namespace

Status registerOutboundEndpoint(http::Router& router, pipeline::Submitter& submitter,
                                OutboundEndpointOptions options) {
  auto endpoint = std::make_shared<OutboundEndpoint>(submitter, std::move(options));
  for (const auto& [kind, path] :
       {std::pair<const char*, const char*>{"ticket", "/v1/outbound/tickets"},
        {"event", "/v1/outbound/events"},
        {"knowledge", "/v1/outbound/knowledge"}}) {
    HOTLINE_RETURN_IF_ERROR(router.addRoute(
        "POST", path,
        [endpoint, kind = std::string(kind)](const http::HttpRequest& request,
                                             http::HttpResponse& response) {
          endpoint->handle(kind, request, response);
        },
        kOwner));
  }
  return Status::ok();
}

} // namespace hotline::app
