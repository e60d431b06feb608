#include "simulators/core_platform/src/control_handlers.h"

#include <charconv>

#include "simulators/core_platform/src/json_reply.h"

namespace hotline::sim::core_platform {
namespace {

using httplib::Request;
using httplib::Response;

std::string text(const rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize());
}

void writeCounter(JsonWriter& writer, const char* name, uint64_t value) {
  writer.Key(name);
  writer.Uint64(value);
}

void writeEntry(JsonWriter& writer, const AcceptedEntry& entry) {
  writer.StartObject();
  writer.Key("idempotency_key");
  writeString(writer, entry.idempotency_key);
  writer.Key("platform_id");
  writeString(writer, entry.platform_id);
  writer.Key("sequence");
  writer.Int64(entry.sequence);
  writer.Key("kind");
  writeString(writer, itemKindName(entry.kind));
  if (entry.kind == ItemKind::Event) {
    writer.Key("type");
    writeString(writer, model::enumName(entry.event_type));
    if (!entry.source.empty()) {
      writer.Key("source");
      writeString(writer, entry.source);
    }
  }
  writer.EndObject();
}

// ?limit= as a page size: 1..kMaxKeyPage, kDefaultKeyPage when absent.
bool readLimit(const Request& request, size_t& limit) {
  limit = ControlApi::kDefaultKeyPage;
  if (!request.has_param("limit")) {
    return true;
  }
  const std::string text = request.get_param_value("limit");
  size_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value == 0 ||
      value > ControlApi::kMaxKeyPage) {
    return false;
  }
  limit = value;
  return true;
}

} // namespace

void ControlApi::registerRoutes(httplib::Server& server) {
  server.Get("/sim/stats", [this](const Request&, Response& response) { getStats(response); });
  server.Get(R"(/sim/tickets/([^/]+))",
             [this](const Request& request, Response& response) { getTicket(request, response); });
  server.Get("/sim/violations",
             [this](const Request&, Response& response) { getViolations(response); });
  server.Get("/sim/keys",
             [this](const Request& request, Response& response) { getKeys(request, response); });
  // `curl -XPOST …/sim/reset` sends neither a body nor a Content-Length, which cpp-httplib
  // refuses (400) for ordinary POST handlers. A content-reader handler runs before the body
  // is read; it reads (and drops) a body only when one is announced, so the connection stays
  // in step for its next request.
  server.Post("/sim/reset", [this](const Request& request, Response& response,
                                   const httplib::ContentReader& body) {
    if (request.has_header("Content-Length") || request.has_header("Transfer-Encoding")) {
      body([](const char*, size_t) { return true; });
    }
    recorder_.clear();
    faults_.clear();
    replyJson(response, 200, R"({"code":0,"message":"ok"})");
  });
  server.Get("/sim/faults", [this](const Request&, Response& response) {
    replyOk(response, faultPlanJson(faults_.plan()));
  });
  server.Post("/sim/faults", [this](const Request& request, Response& response) {
    postFaults(request, response);
  });
  server.Delete("/sim/faults", [this](const Request&, Response& response) {
    faults_.clear();
    replyOk(response, faultPlanJson(faults_.plan()));
  });
}

void ControlApi::getStats(Response& response) const {
  const RecorderStats stats = recorder_.stats();
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writeCounter(writer, "received", stats.received);
  writeCounter(writer, "accepted", stats.accepted);
  writeCounter(writer, "duplicates", stats.duplicates);
  writeCounter(writer, "order_violations", stats.order_violations);
  writeCounter(writer, "rejected", stats.rejected);
  writeCounter(writer, "tickets", stats.tickets);
  writeCounter(writer, "knowledge", stats.knowledge);
  writeCounter(writer, "faults_injected", stats.faults_injected);
  writer.EndObject();
  replyJson(response, 200, text(buffer));
}

void ControlApi::getTicket(const Request& request, Response& response) const {
  const std::string ticket_id = request.matches[1];
  auto items = recorder_.ticketItems(ticket_id);
  if (!items) {
    replyError(response, 404, "no accepted item for ticket " + ticket_id);
    return;
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("ticket_id");
  writeString(writer, ticket_id);
  writer.Key("items");
  writer.StartArray();
  for (const AcceptedEntry& entry : *items) {
    writeEntry(writer, entry);
  }
  writer.EndArray();
  writer.EndObject();
  replyJson(response, 200, text(buffer));
}

void ControlApi::getViolations(Response& response) const {
  const std::vector<OrderViolation> violations = recorder_.violations();
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writeCounter(writer, "count", recorder_.stats().order_violations);
  writer.Key("violations");
  writer.StartArray();
  for (const OrderViolation& violation : violations) {
    writer.StartObject();
    writer.Key("ticket_id");
    writeString(writer, violation.ticket_id);
    writer.Key("idempotency_key");
    writeString(writer, violation.idempotency_key);
    writer.Key("expected_greater_than");
    writer.Int64(violation.last_sequence);
    writer.Key("got");
    writer.Int64(violation.got_sequence);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  replyJson(response, 200, text(buffer));
}

void ControlApi::getKeys(const Request& request, Response& response) const {
  size_t limit = 0;
  if (!readLimit(request, limit)) {
    replyError(response, 400, "limit: expected 1.." + std::to_string(kMaxKeyPage));
    return;
  }
  auto page = recorder_.keys(request.get_param_value("after"), limit);
  if (!page) {
    replyError(response, 400, page.status().message());
    return;
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writeCounter(writer, "total", page->total);
  writer.Key("keys");
  writer.StartArray();
  for (const std::string& key : page->keys) {
    writeString(writer, key);
  }
  writer.EndArray();
  if (page->more && !page->keys.empty()) {
    writer.Key("next_after");
    writeString(writer, page->keys.back());
  }
  writer.EndObject();
  replyJson(response, 200, text(buffer));
}

void ControlApi::postFaults(const Request& request, Response& response) {
  auto plan = parseFaultPlan(request.body);
  if (!plan) {
    replyError(response, 400, plan.status().message());
    return;
  }
  faults_.setPlan(std::move(plan).value());
  replyOk(response, faultPlanJson(faults_.plan()));
}

} // namespace hotline::sim::core_platform
