// The department's calls to the gateway: callbacks (both modes) and the pull-mode task reads.
// Every call is signed with the department's key; every answer to a verified call is signed
// back (the reply scheme of request_signing.h), errors included.

#include "department_connector.h"

namespace hotline::connectors::department {
namespace {

constexpr std::string_view kJson = "application/json";

} // namespace

std::optional<support::VerifiedCaller>
DepartmentConnector::verifyTaskReader(const plugin::HttpRequest& request,
                                      plugin::HttpResponse& response) {
  std::optional<support::VerifiedCaller> caller = signed_routes_->verifyOrRefuse(request, response);
  if (caller && !endpoint_.empty()) {
    signed_routes_->sendSigned(
        *caller, request, 404,
        errorEnvelope(404, instance_ + " pushes tasks to " + endpoint_ +
                               "; there is no task queue to read (pull mode is off)"),
        response);
    return std::nullopt;
  }
  return caller;
}

void DepartmentConnector::handleCallback(const plugin::HttpRequest& request,
                                         plugin::HttpResponse& response) {
  if (!running_) {
    response.send(503, kJson, errorEnvelope(503, instance_ + " is stopping; retry later"));
    return;
  }
  std::optional<support::VerifiedCaller> caller = signed_routes_->verifyOrRefuse(request, response);
  if (!caller) {
    return;
  }
  plugin::Inbound inbound;
  inbound.kind = "event";
  inbound.content_type = std::string(request.header("Content-Type"));
  inbound.body = std::string(request.body());
  inbound.attrs = {{"app_key", caller->app_key}};
  inbound.idempotency_key = std::string(request.header("X-Request-Id"));
  Result<plugin::Submitted> submitted = host_->submit(inbound);
  if (!submitted) {
    const int status = httpStatusFor(submitted.status().code());
    signed_routes_->sendSigned(*caller, request, status,
                               errorEnvelope(status, submitted.status().message()), response);
    return;
  }
  if (submitted->http_status < 200 || submitted->http_status >= 300) {
    signed_routes_->sendSigned(*caller, request, submitted->http_status,
                               errorEnvelope(submitted->http_status, "refused by the gateway"),
                               response);
    return;
  }
  // Only pull mode keeps tasks; in push mode this would cost a state read per callback.
  Status acted = endpoint_.empty() ? tasks_->markActed(submitted->ticket_id) : Status::ok();
  if (!acted.isOk()) {
    // The event is stored; only pull mode's "new" filter keeps showing the ticket's tasks.
    host_->log(plugin::LogLevel::Warn, "cannot record that the department acted on a ticket",
               {{"ticket_id", submitted->ticket_id}, {"reason", acted.message()}});
  }
  signed_routes_->sendSigned(
      *caller, request, submitted->http_status,
      okEnvelope(callbackData(submitted->ticket_id, submitted->body, submitted->duplicate)),
      response);
}

void DepartmentConnector::handleTaskList(const plugin::HttpRequest& request,
                                         plugin::HttpResponse& response) {
  std::optional<support::VerifiedCaller> caller = verifyTaskReader(request, response);
  if (!caller) {
    return;
  }
  Result<TaskQuery> query = parseTaskQuery(request.query());
  if (!query) {
    signed_routes_->sendSigned(*caller, request, 400, errorEnvelope(400, query.status().message()),
                               response);
    return;
  }
  Result<TaskPage> page = tasks_->list(*query);
  if (!page) {
    const std::string reason =
        instance_ + ": cannot read the task queue: " + page.status().message();
    signed_routes_->sendSigned(*caller, request, 503, errorEnvelope(503, reason), response);
    return;
  }
  signed_routes_->sendSigned(*caller, request, 200, okEnvelope(taskPageData(*page)), response);
}

void DepartmentConnector::handleTicketTasks(const plugin::HttpRequest& request,
                                            plugin::HttpResponse& response) {
  std::optional<support::VerifiedCaller> caller = verifyTaskReader(request, response);
  if (!caller) {
    return;
  }
  const std::string ticket_id(request.pathParam("ticket_id"));
  Result<std::vector<Task>> tasks = tasks_->forTicket(ticket_id);
  if (!tasks && tasks.status().code() == StatusCode::NotFound) {
    const std::string reason = "ticket " + ticket_id + " was never delivered to " + instance_;
    (void)host_->audit("refused_scope", ticket_id,
                       "app key " + caller->app_key + " asked for its tasks, but it " +
                           "was never delivered to " + instance_ + " (from " +
                           std::string(request.remote()) + ")");
    signed_routes_->sendSigned(*caller, request, 403, errorEnvelope(403, reason), response);
    return;
  }
  if (!tasks) {
    const std::string reason = instance_ + ": cannot read the tasks of ticket " + ticket_id + ": " +
                               tasks.status().message();
    signed_routes_->sendSigned(*caller, request, 503, errorEnvelope(503, reason), response);
    return;
  }
  TaskPage page{std::move(*tasks), 0};
  page.next = page.tasks.empty() ? 0 : page.tasks.back().seq;
  signed_routes_->sendSigned(*caller, request, 200, okEnvelope(taskPageData(page)), response);
}

} // namespace hotline::connectors::department
