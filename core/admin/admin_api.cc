#include "core/admin/admin_api.h"

#include "core/admin/admin_json.h"
#include "core/admin/admin_token.h"
#include "core/admin/dead_letter_replay.h"
#include "core/audit/audit_verifier.h"

#include <Poco/URI.h>
#include <rapidjson/document.h>

#include <memory>

namespace hotline::admin {
namespace {

constexpr const char* kOwner = "admin";
constexpr const char* kActor = "admin";

struct Query {
  int64_t after = 0;
  size_t limit = 100;
  std::string ticket;
  std::string state;
  std::string target;
  bool all = false;
  std::string raw_limit; // as given: the bulk replay has limits of its own
};

Query parseQuery(const std::string& raw) {
  Query query;
  try {
    for (const auto& [key, value] : Poco::URI("/?" + raw).getQueryParameters()) {
      if (key == "limit") {
        query.raw_limit = value; // first: the number below may not parse
      }
      if (key == "after") {
        query.after = std::stoll(value);
      } else if (key == "limit") {
        query.limit = std::min<size_t>(1000, std::stoul(value));
      } else if (key == "ticket") {
        query.ticket = value;
      } else if (key == "state") {
        query.state = value;
      } else if (key == "target") {
        query.target = value;
      } else if (key == "all") {
        query.all = value == "true";
      }
    }
  } catch (const std::exception&) {
    // Unparsable numbers keep their defaults; the page is still well-defined.
  }
  return query;
}

void answerStatus(http::HttpResponse& response, const Status& status) {
  response.setError(httpStatusFor(status.code()), statusCodeName(status.code()), status.message());
}

void answerJson(http::HttpResponse& response, int status, std::string body) {
  response.status = status;
  response.content_type = "application/json";
  response.body = std::move(body);
}

Result<int64_t> pathId(const http::HttpRequest& request) {
  auto it = request.path_params.find("id");
  try {
    if (it != request.path_params.end()) {
      size_t used = 0;
      int64_t id = std::stoll(it->second, &used);
      if (used == it->second.size() && id > 0) {
        return id;
      }
    }
  } catch (const std::exception&) {
  }
  return invalidArgument("path " + request.path + ": the id must be a positive integer");
}

std::string reasonOf(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str());
  if (doc.IsObject() && doc.HasMember("reason") && doc["reason"].IsString()) {
    return doc["reason"].GetString();
  }
  return "discarded by an operator";
}

class AdminApi {
public:
  explicit AdminApi(AdminServices services) : s_(std::move(services)) {}

  http::HttpHandler guarded(void (AdminApi::*handler)(const http::HttpRequest&,
                                                      http::HttpResponse&)) {
    return [this, handler](const http::HttpRequest& request, http::HttpResponse& response) {
      if (!tokenMatches(s_.token, bearerToken(request.header("Authorization")))) {
        response.headers.emplace_back("WWW-Authenticate", "Bearer");
        response.setError(401, "unauthenticated",
                          "the admin API needs \"Authorization: Bearer <token>\" with the admin "
                          "token (admin.token, or the file admin.token_file)");
        return;
      }
      (this->*handler)(request, response);
    };
  }

  void readyz(const http::HttpRequest&, http::HttpResponse& response) {
    http::HealthReport report = s_.readiness ? s_.readiness() : http::HealthReport{};
    answerJson(response, report.healthy ? 200 : 503, http::renderHealthReport(report));
  }

  void reloadMappings(const http::HttpRequest&, http::HttpResponse& response) {
    if (!s_.reload_mappings) {
      response.setError(404, "not_found", "this gateway has no mappings to reload");
      return;
    }
    Result<size_t> reloaded = s_.reload_mappings(kActor);
    if (!reloaded) {
      answerStatus(response, reloaded.status());
      return;
    }
    answerJson(response, 200, "{\"reloaded\":true,\"mappings\":" + std::to_string(*reloaded) + "}");
  }

  void metrics(const http::HttpRequest&, http::HttpResponse& response) {
    response.status = 200;
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    response.body = s_.metrics ? s_.metrics() : "";
  }

  void listDead(const http::HttpRequest& request, http::HttpResponse& response) {
    Query query = parseQuery(request.query);
    auto rows = query.target.empty()
                    ? s_.store.listOutbox(store::OutboxState::Dead, query.after, query.limit)
                    : deadLettersOf(s_.store, query.target, query.after, query.limit);
    rows ? answerJson(response, 200, outboxPage(*rows)) : answerStatus(response, rows.status());
  }

  void listOutbox(const http::HttpRequest& request, http::HttpResponse& response) {
    Query query = parseQuery(request.query);
    store::OutboxState state = store::OutboxState::Pending;
    for (auto candidate : {store::OutboxState::Pending, store::OutboxState::Delivered,
                           store::OutboxState::Dead, store::OutboxState::Discarded}) {
      if (query.state == store::outboxStateName(candidate)) {
        state = candidate;
      }
    }
    auto rows = s_.store.listOutbox(state, query.after, query.limit);
    rows ? answerJson(response, 200, outboxPage(*rows)) : answerStatus(response, rows.status());
  }

  void showDead(const http::HttpRequest& request, http::HttpResponse& response) {
    Result<store::OutboxRow> row = deadRow(request);
    if (!row) {
      answerStatus(response, row.status());
      return;
    }
    rapidjson::StringBuffer buffer;
    JsonWriter out(buffer);
    writeOutboxRow(out, *row, true);
    answerJson(response, 200, buffer.GetString());
  }

  void replay(const http::HttpRequest& request, http::HttpResponse& response) {
    Result<store::OutboxRow> row = deadRow(request);
    Status done = row ? s_.store.replayDead(row->id, kActor) : row.status();
    if (!done.isOk()) {
      answerStatus(response, done);
      return;
    }
    if (s_.dead_letters != nullptr) {
      s_.dead_letters->replayed(*row);
    }
    answerJson(response, 200, R"({"replayed":)" + std::to_string(row->id) + "}");
  }

  void replayAll(const http::HttpRequest& request, http::HttpResponse& response) {
    Query query = parseQuery(request.query);
    if (query.target.empty() == !query.all) {
      response.setError(400, "invalid_argument",
                        "POST /admin/v1/dlq/replay: give target=NAME (the dead letters of one "
                        "target), or all=true (of every target), not both");
      return;
    }
    Result<size_t> limit = parseBulkReplayLimit(query.raw_limit);
    if (!limit) {
      answerStatus(response, limit.status());
      return;
    }
    Result<BulkReplay> done =
        replayDeadLetters(s_.store, s_.dead_letters, query.target, *limit, kActor);
    if (!done) {
      answerStatus(response, done.status());
      return;
    }
    answerJson(response, 200, bulkReplayJson(*done));
  }

  void discard(const http::HttpRequest& request, http::HttpResponse& response) {
    Result<store::OutboxRow> row = deadRow(request);
    Status done =
        row ? s_.store.discardDead(row->id, kActor, reasonOf(request.body)) : row.status();
    if (!done.isOk()) {
      answerStatus(response, done);
      return;
    }
    if (s_.dead_letters != nullptr) {
      s_.dead_letters->discarded(*row);
    }
    answerJson(response, 200, R"({"discarded":)" + std::to_string(row->id) + "}");
  }

  void audit(const http::HttpRequest& request, http::HttpResponse& response) {
    Query query = parseQuery(request.query);
    auto records = s_.store.queryAudit(query.after, query.limit, query.ticket);
    records ? answerJson(response, 200, auditPage(*records))
            : answerStatus(response, records.status());
  }

  void verify(const http::HttpRequest&, http::HttpResponse& response) {
    audit::AuditVerification result = audit::verifyAuditChain(s_.store);
    rapidjson::StringBuffer buffer;
    JsonWriter out(buffer);
    out.StartObject();
    out.Key("ok");
    out.Bool(result.ok);
    writeInt(out, "checked", result.checked);
    out.Key("problems");
    out.StartArray();
    for (const auto& problem : result.problems) {
      out.String(problem.c_str());
    }
    out.EndArray();
    out.EndObject();
    answerJson(response, result.ok ? 200 : 409, buffer.GetString());
  }

  void trace(const http::HttpRequest& request, http::HttpResponse& response);

private:
  Result<store::OutboxRow> deadRow(const http::HttpRequest& request) {
    Result<int64_t> id = pathId(request);
    if (!id) {
      return id.status();
    }
    auto row = s_.store.outboxRow(*id);
    if (!row) {
      return row.status();
    }
    if (!row->has_value()) {
      return notFound("outbox row " + std::to_string(*id) + " does not exist");
    }
    return **row;
  }

  AdminServices s_;
};

void AdminApi::trace(const http::HttpRequest& request, http::HttpResponse& response) {
  const std::string& ticket = request.path_params.at("id");
  auto messages = s_.store.messagesOfTicket(ticket);
  auto links = s_.store.linksOfTicket(ticket);
  auto outbox = s_.store.outboxOfTicket(ticket);
  auto records = s_.store.queryAudit(0, 10000, ticket);
  auto state = s_.store.ticketState(ticket);
  for (const Status* failed : {&messages.status(), &links.status(), &outbox.status(),
                               &records.status(), &state.status()}) {
    if (!failed->isOk()) {
      answerStatus(response, *failed);
      return;
    }
  }
  if (messages->empty() && outbox->empty()) {
    answerStatus(response, notFound("ticket " + ticket + " is not known to this gateway"));
    return;
  }
  rapidjson::StringBuffer buffer;
  JsonWriter out(buffer);
  out.StartObject();
  writeString(out, "ticket_id", ticket);
  if (state->has_value()) {
    // Where the ticket stands now, and which connector instances hold it.
    writeString(out, "status", (*state)->status);
    out.Key("holders");
    out.StartArray();
    for (const std::string& holder : store::splitHolders((*state)->holders)) {
      out.String(holder.c_str(), static_cast<rapidjson::SizeType>(holder.size()));
    }
    out.EndArray();
  }
  out.Key("refs");
  out.StartArray();
  for (const auto& link : *links) {
    writeLinkRow(out, link);
  }
  out.EndArray();
  out.Key("messages");
  out.StartArray();
  for (const auto& message : *messages) {
    writeMessageRow(out, message);
  }
  out.EndArray();
  out.Key("deliveries");
  out.StartArray();
  for (const auto& row : *outbox) {
    writeOutboxRow(out, row, false);
  }
  out.EndArray();
  out.Key("audit");
  out.StartArray();
  for (const auto& record : *records) {
    writeAuditRecord(out, record);
  }
  out.EndArray();
  out.EndObject();
  answerJson(response, 200, buffer.GetString());
}

} // namespace

Status registerAdminApi(http::Router& router, AdminServices services) {
  // Lives as long as the routes: the handlers share ownership of it.
  auto api = std::make_shared<AdminApi>(std::move(services));
  auto keep = [api](http::HttpHandler handler) {
    return [api, handler](const http::HttpRequest& request, http::HttpResponse& response) {
      handler(request, response);
    };
  };
  struct Entry {
    const char* method;
    const char* pattern;
    void (AdminApi::*handler)(const http::HttpRequest&, http::HttpResponse&);
    bool open;
  };
  const Entry entries[] = {
      {"GET", "/readyz", &AdminApi::readyz, true},
      {"GET", "/metrics", &AdminApi::metrics, false},
      {"GET", "/admin/v1/dlq", &AdminApi::listDead, false},
      {"GET", "/admin/v1/dlq/{id}", &AdminApi::showDead, false},
      {"POST", "/admin/v1/dlq/replay", &AdminApi::replayAll, false},
      {"POST", "/admin/v1/dlq/{id}/replay", &AdminApi::replay, false},
      {"POST", "/admin/v1/dlq/{id}/discard", &AdminApi::discard, false},
      {"GET", "/admin/v1/outbox", &AdminApi::listOutbox, false},
      {"GET", "/admin/v1/audit", &AdminApi::audit, false},
      {"GET", "/admin/v1/audit/verify", &AdminApi::verify, false},
      {"GET", "/admin/v1/tickets/{id}/trace", &AdminApi::trace, false},
      {"POST", "/admin/v1/mappings/reload", &AdminApi::reloadMappings, false},
  };
  for (const Entry& entry : entries) {
    AdminApi* raw = api.get();
    http::HttpHandler handler =
        entry.open ? http::HttpHandler(
                         [raw, h = entry.handler](const http::HttpRequest& q,
                                                  http::HttpResponse& r) { (raw->*h)(q, r); })
                   : raw->guarded(entry.handler);
    HOTLINE_RETURN_IF_ERROR(router.addRoute(entry.method, entry.pattern, keep(handler), kOwner));
  }
  return Status::ok();
}

} // namespace hotline::admin
