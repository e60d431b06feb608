#include "simulators/exchange/src/control_api.h"

#include <iostream>

#include "core/model/enum_table.h"
#include "core/model/ticket_codec.h"
#include "simulators/exchange/src/envelope.h"
#include "simulators/exchange/src/json_text.h"

namespace hotline::sim::exchange {
namespace {

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

std::string dispatchedData(const std::string& number, const std::string& county_number) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("number");
  writeString(writer, number);
  writer.Key("county_number");
  if (county_number.empty()) {
    writer.Null();
  } else {
    writeString(writer, county_number);
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace

void ControlApi::registerRoutes(httplib::Server& server) {
  server.Get("/sim/tickets", [this](const httplib::Request&, httplib::Response& response) {
    replyOk(response, state_.ledger.ticketsJson());
  });
  server.Get("/sim/actions", [this](const httplib::Request&, httplib::Response& response) {
    replyOk(response, state_.ledger.actionsJson());
  });
  server.Get("/sim/stats", [this](const httplib::Request&, httplib::Response& response) {
    replyOk(response, state_.ledger.statsJson(state_.dispatcher.pending(), state_.feed.size()));
  });
  server.Get("/sim/behaviour", [this](const httplib::Request&, httplib::Response& response) {
    replyOk(response, behaviourJson(state_.behaviour.get()));
  });
  const auto bind =
      [this](void (ControlApi::*method)(const httplib::Request&, httplib::Response&)) -> Handler {
    return [this, method](const httplib::Request& request, httplib::Response& response) {
      (this->*method)(request, response);
    };
  };
  server.Post("/sim/behaviour", bind(&ControlApi::postBehaviour));
  server.Post("/sim/act", bind(&ControlApi::postAct));
  server.Post("/sim/dispatch", bind(&ControlApi::postDispatch));
  server.Post("/sim/down", bind(&ControlApi::postDown));
  // Without a body (curl -X POST) too: a body is read only when one is announced, so the
  // connection stays in step.
  server.Post("/sim/reset", [this](const httplib::Request& request, httplib::Response& response,
                                   const httplib::ContentReader& body) {
    if (request.has_header("Content-Length") || request.has_header("Transfer-Encoding")) {
      body([](const char*, size_t) { return true; });
    }
    postReset(response);
  });
}

void ControlApi::postBehaviour(const httplib::Request& request, httplib::Response& response) {
  auto script = parseBehaviour(request.body);
  if (!script) {
    replyError(response, 400, script.status().message());
    return;
  }
  state_.behaviour.set(*script);
  replyOk(response, behaviourJson(*script));
}

void ControlApi::postAct(const httplib::Request& request, httplib::Response& response) {
  rapidjson::Document doc;
  doc.Parse(request.body.c_str(), request.body.size());
  if (doc.HasParseError() || !doc.IsObject()) {
    replyError(response, 400, "body: expected {\"number\":..,\"type\":..,\"data\":{..}}");
    return;
  }
  const std::string number = stringMember(doc, "number");
  auto type = model::parseEnum<model::EventType>(stringMember(doc, "type"));
  if (!type) {
    replyError(response, 400, "type: " + type.status().message());
    return;
  }
  std::string data;
  if (doc.HasMember("data")) {
    if (!doc["data"].IsObject()) {
      replyError(response, 400, "data: expected a JSON object");
      return;
    }
    data = doc["data"].MemberCount() > 0 ? compactJson(doc["data"]) : "";
  }
  auto ticket = state_.ledger.find(number);
  if (!ticket) {
    replyError(response, 404,
               "number: no ticket numbered \"" + number + "\" (ours or the county's)");
    return;
  }
  if (ticket->county.number.empty()) {
    replyError(response, 409,
               "number: the county's number of " + ticket->number +
                   " is not known (the dispatch was not accepted)");
    return;
  }
  if (Status queued = state_.dispatcher.emitNow(ticket->county, *type, data); !queued.isOk()) {
    replyError(response, 400, queued.message());
    return;
  }
  replyOk(response, dispatchedData(ticket->number, ticket->county.number));
}

// Sends the ticket down with our number added to its refs; the county's answer names its
// number, kept as the ticket's county ref. Not retried: the scenario sees the failure.
void ControlApi::postDispatch(const httplib::Request& request, httplib::Response& response) {
  rapidjson::Document doc;
  doc.Parse(request.body.c_str(), request.body.size());
  if (!doc.HasParseError() && doc.IsObject() && doc.HasMember("id")) {
    replyError(response, 400, "id: must be absent (a ticket sent down is named by its refs)");
    return;
  }
  auto ticket = doc.HasParseError() ? Result<model::Ticket>(invalidArgument("not JSON"))
                                    : model::decodeTicket(doc);
  if (!ticket) {
    replyError(response, 400, "body: " + ticket.status().message());
    return;
  }
  const std::string number = state_.ledger.allocateNumber();
  ticket->refs.push_back(model::ExternalRef{state_.options.system, number});
  const std::string body = model::encodeTicket(*ticket);
  state_.ledger.addDispatched(number, ticket->title, ticket->status);
  if (!state_.options.gateway) {
    state_.feed.append("ticket", body);
    state_.ledger.stats().sent++;
    replyOk(response, dispatchedData(number, ""));
    return;
  }
  GatewayClient client(*state_.options.gateway, *state_.options.own_key);
  const CallOutcome outcome = client.post("/exchange/v1/tickets", body, "dispatch-" + number);
  rapidjson::Document data;
  data.Parse(outcome.data_json.c_str(), outcome.data_json.size());
  const std::string county_number = data.IsObject() ? stringMember(data, "number") : "";
  if (outcome.kind != CallOutcome::Kind::Accepted || county_number.empty()) {
    state_.ledger.stats().send_failures++;
    const std::string why = outcome.kind == CallOutcome::Kind::Accepted
                                ? "the reply's data has no \"number\""
                                : outcome.message;
    std::cerr << "exchange: dispatch of " << number << " failed: " << why << std::endl;
    replyError(response, 502, "dispatch of " + number + " to the county failed: " + why);
    return;
  }
  state_.ledger.stats().sent++;
  state_.ledger.setCountyRef(number, {state_.countySystemForDispatch(), county_number});
  replyOk(response, dispatchedData(number, county_number));
}

void ControlApi::postDown(const httplib::Request& request, httplib::Response& response) {
  rapidjson::Document doc;
  doc.Parse(request.body.c_str(), request.body.size());
  const bool valid =
      !doc.HasParseError() && doc.IsObject() && doc.HasMember("down") && doc["down"].IsBool() &&
      (!doc.HasMember("for_ms") || (doc["for_ms"].IsInt64() && doc["for_ms"].GetInt64() > 0));
  if (!valid) {
    replyError(response, 400, "body: expected {\"down\":true|false[,\"for_ms\":N > 0]}");
    return;
  }
  std::optional<std::chrono::milliseconds> duration;
  if (doc.HasMember("for_ms")) {
    duration = std::chrono::milliseconds(doc["for_ms"].GetInt64());
  }
  state_.outage.set(doc["down"].GetBool(), duration);
  replyOk(response, doc["down"].GetBool() ? R"({"down":true})" : R"({"down":false})");
}

void ControlApi::postReset(httplib::Response& response) {
  state_.dispatcher.clear();
  state_.ledger.reset();
  state_.feed.clear();
  state_.outage.set(false, std::nullopt);
  replyOk(response, "{}");
}

} // namespace hotline::sim::exchange
