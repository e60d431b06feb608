#include "simulators/core_platform/src/api_handlers.h"

#include <string_view>
#include <thread>

#include "simulators/common/connection_reset.h"
#include "simulators/core_platform/src/bulk_parser.h"
#include "simulators/core_platform/src/json_reply.h"

namespace hotline::sim::core_platform {
namespace {

// "application/x-ndjson", optionally with parameters ("; charset=utf-8").
bool isNdjson(const httplib::Request& request) {
  constexpr std::string_view kNdjson = "application/x-ndjson";
  const std::string type = request.get_header_value("Content-Type");
  return type.starts_with(kNdjson) &&
         (type.size() == kNdjson.size() || type[kNdjson.size()] == ';');
}

void writeBulkResult(JsonWriter& writer, const BulkLine& line, int status, std::string_view message,
                     const RecordResult* recorded, int retry_after_s) {
  writer.StartObject();
  writer.Key("idempotency_key");
  if (line.item.idempotency_key.empty()) {
    writer.Null();
  } else {
    writeString(writer, line.item.idempotency_key);
  }
  writer.Key("status");
  writer.Int(status);
  writer.Key("message");
  writeString(writer, message);
  if (recorded != nullptr) {
    writer.Key("platform_id");
    writeString(writer, recorded->platform_id);
  }
  if (retry_after_s >= 0) {
    writer.Key("retry_after_s");
    writer.Int(retry_after_s);
  }
  writer.EndObject();
}

} // namespace

void PlatformApi::registerRoutes(httplib::Server& server) {
  server.Post("/api/v1/tickets",
              [this](const httplib::Request& request, httplib::Response& response) {
                handleSingle(request, response, ItemKind::Ticket);
              });
  server.Post(R"(/api/v1/tickets/([^/]+)/events)",
              [this](const httplib::Request& request, httplib::Response& response) {
                handleSingle(request, response, ItemKind::Event);
              });
  server.Post("/api/v1/knowledge",
              [this](const httplib::Request& request, httplib::Response& response) {
                handleSingle(request, response, ItemKind::Knowledge);
              });
  server.Post("/api/v1/bulk", [this](const httplib::Request& request, httplib::Response& response) {
    handleBulk(request, response);
  });
}

bool PlatformApi::applyRequestFault(const httplib::Request& request, httplib::Response& response,
                                    const RequestFault& fault) {
  if (fault.latency.count() > 0) {
    std::this_thread::sleep_for(fault.latency);
  }
  switch (fault.action) {
  case RequestFault::Action::Outage:
    recorder_.countFault();
    replyError(response, 503, "injected fault: outage", fault.retry_after_s);
    return true;
  case RequestFault::Action::ResetBefore:
    recorder_.countFault();
    resetInstead(request, response);
    return true;
  case RequestFault::Action::None:
  case RequestFault::Action::ResetAfter:
    return false;
  }
  return false;
}

void PlatformApi::resetInstead(const httplib::Request& request, httplib::Response& response) {
  if (!resetConnection(request)) {
    // Never expected (the descriptor is found through /proc/self/fd); say so rather than
    // pretend the reset happened.
    replyError(response, 503, "injected fault: reset (connection not found, answered instead)");
  }
}

std::optional<PlatformApi::Rejection> PlatformApi::readSingle(const httplib::Request& request,
                                                              ItemKind kind, DeliveredItem& item) {
  item.idempotency_key = request.get_header_value("Idempotency-Key");
  if (item.idempotency_key.empty()) {
    return Rejection{400, "missing Idempotency-Key header"};
  }
  if (item.idempotency_key.size() > kMaxKeyLength) {
    return Rejection{400, "Idempotency-Key longer than " + std::to_string(kMaxKeyLength)};
  }
  item.ticket_id = request.get_header_value("X-Hotline-Ticket");
  if (item.ticket_id.empty()) {
    return Rejection{400, "missing X-Hotline-Ticket header (the gateway ticket id)"};
  }
  auto sequence = parseSequence(request.get_header_value("X-Hotline-Sequence"));
  if (!sequence) {
    return Rejection{400, "X-Hotline-Sequence: expected a positive integer"};
  }
  item.sequence = *sequence;
  item.kind = kind;
  auto facts = validatePayload(kind, request.body);
  if (!facts) {
    return Rejection{422, facts.status().message()};
  }
  item.event_type = facts->event_type;
  item.source = std::move(facts->source);
  if (kind == ItemKind::Knowledge && item.ticket_id != knowledgeOrderingKey(facts->article_id)) {
    return Rejection{400, "X-Hotline-Ticket: expected \"" +
                              knowledgeOrderingKey(facts->article_id) +
                              "\" (\"kb:\" + the article's id), got \"" + item.ticket_id + "\""};
  }
  return std::nullopt;
}

void PlatformApi::handleSingle(const httplib::Request& request, httplib::Response& response,
                               ItemKind kind) {
  recorder_.countReceived();
  const RequestFault fault = faults_.onRequest();
  if (applyRequestFault(request, response, fault)) {
    return;
  }
  DeliveredItem item;
  if (auto rejection = readSingle(request, kind, item)) {
    recorder_.countRejected();
    replyError(response, rejection->status, rejection->message);
  } else if (ItemFault injected = faults_.onItem(item.ticket_id); injected.status != 0) {
    recorder_.countFault();
    replyError(response, injected.status, injected.reason, injected.retry_after_s);
  } else {
    RecordResult recorded = recorder_.record(item);
    replyJson(response, recorded.duplicate ? 200 : 201, acceptedBody(recorded.platform_id));
  }
  if (fault.action == RequestFault::Action::ResetAfter) {
    recorder_.countFault();
    resetInstead(request, response);
  }
}

void PlatformApi::handleBulk(const httplib::Request& request, httplib::Response& response) {
  const RequestFault fault = faults_.onRequest();
  if (fault.action == RequestFault::Action::Outage ||
      fault.action == RequestFault::Action::ResetBefore) {
    recorder_.countReceived(); // the lines are not read: the request counts as one
  }
  if (applyRequestFault(request, response, fault)) {
    return;
  }
  if (!isNdjson(request)) {
    recorder_.countReceived();
    recorder_.countRejected();
    replyError(response, 415, "expected Content-Type: application/x-ndjson");
  } else {
    std::vector<BulkLine> lines = parseBulkBody(request.body);
    recorder_.countReceived(lines.size());
    std::vector<LineVerdict> verdicts = judgeLines(lines);
    replyJson(response, 200, bulkResultsBody(lines, verdicts));
  }
  if (fault.action == RequestFault::Action::ResetAfter) {
    recorder_.countFault();
    resetInstead(request, response);
  }
}

// Per line: the parser's verdict, else an injected fault, else the recorder's. The valid,
// unfaulted lines are recorded together, under one lock.
std::vector<PlatformApi::LineVerdict> PlatformApi::judgeLines(const std::vector<BulkLine>& lines) {
  std::vector<LineVerdict> verdicts(lines.size());
  std::vector<const DeliveredItem*> to_record;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].status != 0) {
      recorder_.countRejected();
    } else if (verdicts[i].fault = faults_.onItem(lines[i].item.ticket_id);
               verdicts[i].fault.status != 0) {
      recorder_.countFault();
    } else {
      to_record.push_back(&lines[i].item);
    }
  }
  std::vector<RecordResult> recorded(to_record.size());
  recorder_.recordAll(to_record, recorded);
  size_t next = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].status == 0 && verdicts[i].fault.status == 0) {
      verdicts[i].recorded = std::move(recorded[next++]);
    }
  }
  return verdicts;
}

std::string PlatformApi::bulkResultsBody(const std::vector<BulkLine>& lines,
                                         const std::vector<LineVerdict>& verdicts) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("code");
  writer.Int(0);
  writer.Key("results");
  writer.StartArray();
  for (size_t i = 0; i < lines.size(); ++i) {
    const BulkLine& line = lines[i];
    const LineVerdict& verdict = verdicts[i];
    if (line.status != 0) {
      writeBulkResult(writer, line, line.status, line.message, nullptr, -1);
    } else if (verdict.fault.status != 0) {
      writeBulkResult(writer, line, verdict.fault.status, verdict.fault.reason, nullptr,
                      verdict.fault.retry_after_s);
    } else {
      const bool duplicate = verdict.recorded.duplicate;
      writeBulkResult(writer, line, duplicate ? 200 : 201, duplicate ? "duplicate" : "ok",
                      &verdict.recorded, -1);
    }
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::sim::core_platform
