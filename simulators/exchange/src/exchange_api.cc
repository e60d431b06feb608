#include "simulators/exchange/src/exchange_api.h"

#include <iostream>

#include "core/model/event_codec.h"
#include "core/model/record_codec.h"
#include "core/model/ticket_codec.h"
#include "core/model/timestamp.h"
#include "simulators/exchange/src/envelope.h"
#include "simulators/exchange/src/json_text.h"

namespace hotline::sim::exchange {
namespace {

// The county's own number among the escalated ticket's refs: the ref of --county-system, or
// else the first ref of a system other than ours.
std::optional<model::ExternalRef> countyRefOf(const model::Ticket& ticket,
                                              const ExchangeOptions& options) {
  for (const model::ExternalRef& ref : ticket.refs) {
    const bool is_county = options.county_system.empty() ? ref.system != options.system
                                                         : ref.system == options.county_system;
    if (is_county) {
      return ref;
    }
  }
  return std::nullopt;
}

std::string numberData(const std::string& number) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("number");
  writeString(writer, number);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string actionData(const ActionOutcome& outcome) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("ticket_id");
  writeString(writer, outcome.number);
  writer.Key("status");
  writeString(writer, outcome.status);
  writer.Key("duplicate");
  writer.Bool(outcome.duplicate);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace

void ExchangeApi::registerRoutes(httplib::Server& server) {
  server.Post("/exchange/v1/tickets",
              [this](const httplib::Request& request, httplib::Response& response) {
                postTicket(request, response);
              });
  server.Post(R"(/exchange/v1/tickets/([^/]+)/actions)",
              [this](const httplib::Request& request, httplib::Response& response) {
                postAction(request, response);
              });
  server.Get("/exchange/v1/actions",
             [this](const httplib::Request& request, httplib::Response& response) {
               getActions(request, response);
             });
  server.Post("/exchange/v1/knowledge",
              [this](const httplib::Request& request, httplib::Response& response) {
                postKnowledge(request, response);
              });
}

std::optional<support::VerifiedCaller> ExchangeApi::admit(const httplib::Request& request,
                                                          httplib::Response& response) {
  if (state_.outage.isDown()) {
    response.set_header("Retry-After", "1");
    replyError(response, 503, "the exchange platform is down (simulated outage); retry later");
    return std::nullopt;
  }
  const support::HeaderList headers(request.headers.begin(), request.headers.end());
  auto caller = state_.verifier.verify(request.method, request.target, headers, request.body);
  if (!caller) {
    const int status = httpStatusFor(caller.status().code());
    if (status == 401) {
      state_.ledger.stats().refused_signature++;
    }
    std::cerr << "exchange: refused " << request.method << " " << request.path << " (" << status
              << "): " << caller.status().message() << std::endl;
    replyError(response, status, caller.status().message());
    return std::nullopt;
  }
  return std::move(*caller);
}

void ExchangeApi::answer(const support::VerifiedCaller& caller, const httplib::Request& request,
                         httplib::Response& response, int status, std::string body) {
  auto signed_headers = state_.verifier.signReply(caller, request.target, body);
  if (!signed_headers) {
    replyError(response, 500, "cannot sign the reply: " + signed_headers.status().message());
    return;
  }
  for (const auto& [name, value] : signed_headers->toHeaderList()) {
    response.set_header(name, value);
  }
  response.status = status;
  response.set_content(std::move(body), "application/json");
}

void ExchangeApi::postTicket(const httplib::Request& request, httplib::Response& response) {
  auto caller = admit(request, response);
  if (!caller) {
    return;
  }
  rapidjson::Document doc;
  doc.Parse(request.body.c_str(), request.body.size());
  if (doc.IsObject() && doc.HasMember("id")) {
    answer(*caller, request, response, 400,
           errorEnvelope(400, "id: must be absent (an escalated ticket is named by its refs; "
                              "our number is the answer)"));
    return;
  }
  auto ticket = doc.HasParseError() ? Result<model::Ticket>(invalidArgument("not JSON"))
                                    : model::decodeTicket(doc);
  if (!ticket) {
    answer(*caller, request, response, 400,
           errorEnvelope(400, "body: " + ticket.status().message()));
    return;
  }
  auto county = countyRefOf(*ticket, state_.options);
  if (!county) {
    const std::string which = state_.options.county_system.empty()
                                  ? "a system other than " + state_.options.system
                                  : state_.options.county_system;
    answer(*caller, request, response, 400,
           errorEnvelope(400, "refs: no ref of " + which + " (the sender's own number)"));
    return;
  }
  const Admission admission = state_.ledger.admitEscalation(
      request.get_header_value("Idempotency-Key"), *county, ticket->title, caller->app_key);
  if (!admission.duplicate) {
    state_.dispatcher.schedule(*county, state_.behaviour.get());
    std::cerr << "exchange: escalation " << county->system << "/" << county->number << " is "
              << admission.number << std::endl;
  }
  answer(*caller, request, response, 200, okEnvelope(numberData(admission.number)));
}

void ExchangeApi::postAction(const httplib::Request& request, httplib::Response& response) {
  auto caller = admit(request, response);
  if (!caller) {
    return;
  }
  const std::string number = request.matches[1];
  auto event = model::decodeEvent(request.body);
  if (!event) {
    answer(*caller, request, response, 400,
           errorEnvelope(400, "body: " + event.status().message()));
    return;
  }
  if (event->event_id.empty()) {
    answer(*caller, request, response, 400,
           errorEnvelope(400, "event_id: required (duplicates are recognised by it)"));
    return;
  }
  auto outcome = state_.ledger.recordAction(number, *event, model::formatTimestamp(event->at));
  if (!outcome) {
    answer(*caller, request, response, 404,
           errorEnvelope(404, "no ticket numbered \"" + number +
                                  "\" here (neither our number nor a county number we know)"));
    return;
  }
  answer(*caller, request, response, 200, okEnvelope(actionData(*outcome)));
}

void ExchangeApi::getActions(const httplib::Request& request, httplib::Response& response) {
  auto caller = admit(request, response);
  if (!caller) {
    return;
  }
  auto since = parseFeedCursor(request.get_param_value("since"));
  auto limit = parseFeedLimit(request.get_param_value("limit"));
  if (!since || !limit) {
    const Status& bad = !since ? since.status() : limit.status();
    answer(*caller, request, response, 400, errorEnvelope(400, bad.message()));
    return;
  }
  answer(*caller, request, response, 200,
         okEnvelope(feedPageJson(state_.feed.page(*since, *limit))));
}

void ExchangeApi::postKnowledge(const httplib::Request& request, httplib::Response& response) {
  auto caller = admit(request, response);
  if (!caller) {
    return;
  }
  auto article = model::decodeKnowledgeArticle(request.body);
  if (!article) {
    answer(*caller, request, response, 400,
           errorEnvelope(400, "body: " + article.status().message()));
    return;
  }
  state_.ledger.stats().knowledge++;
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("id");
  writeString(writer, article->id);
  writer.EndObject();
  answer(*caller, request, response, 200,
         okEnvelope(std::string_view(buffer.GetString(), buffer.GetSize())));
}

} // namespace hotline::sim::exchange
