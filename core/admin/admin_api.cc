#include "core/admin/admin_api.h"

#include "core/admin/admin_json.h"
#include "core/admin/admin_query.h"
#include "core/admin/admin_token.h"
#include "core/admin/admin_trace.h"
#include "core/admin/dead_letter_replay.h"
#include "core/audit/audit_verifier.h"

#include <rapidjson/document.h>

#include <memory>

namespace hotline::admin {
namespace {

constexpr const char* kOwner = "admin";
constexpr const char* kActor = "admin";

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
    Result<AdminPage> page =
        parseAdminPage("GET /admin/v1/dlq", request.query, {"after", "limit", "target"});
    if (!page) {
      answerStatus(response, page.status());
      return;
    }
    const AdminQuery& query = page->query;
    auto rows = query.target.empty()
                    ? s_.store.listOutbox(store::OutboxState::Dead, query.after, page->limit)
                    : deadLettersOf(s_.store, query.target, query.after, page->limit);
    rows ? answerJson(response, 200, outboxPage(*rows)) : answerStatus(response, rows.status());
  }

  void listOutbox(const http::HttpRequest& request, http::HttpResponse& response) {
    Result<AdminPage> page =
        parseAdminPage("GET /admin/v1/outbox", request.query, {"after", "limit", "state"});
    if (!page) {
      answerStatus(response, page.status());
      return;
    }
    auto rows = s_.store.listOutbox(page->query.state.value_or(store::OutboxState::Pending),
                                    page->query.after, page->limit);
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
    constexpr std::string_view kEndpoint = "POST /admin/v1/dlq/replay";
    Result<AdminQuery> query =
        parseAdminQuery(kEndpoint, request.query, {"target", "all", "limit"});
    if (query && query->target.empty() == !query->all) {
      query = invalidArgument(std::string(kEndpoint) +
                              ": give target=NAME (the dead letters of one target), or all=true "
                              "(of every target), not both");
    }
    Result<size_t> limit = query ? parseBulkReplayLimit(query->raw_limit) : query.status();
    Result<BulkReplay> done =
        limit ? replayDeadLetters(s_.store, s_.dead_letters, query->target, *limit, kActor)
              : limit.status();
    done ? answerJson(response, 200, bulkReplayJson(*done)) : answerStatus(response, done.status());
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
    Result<AdminPage> page =
        parseAdminPage("GET /admin/v1/audit", request.query, {"after", "limit", "ticket"});
    if (!page) {
      answerStatus(response, page.status());
      return;
    }
    auto records = s_.store.queryAudit(page->query.after, page->limit, page->query.ticket);
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
  Result<std::string> trace = ticketTraceJson(s_.store, request.path_params.at("id"));
  trace ? answerJson(response, 200, std::move(trace).value())
        : answerStatus(response, trace.status());
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
