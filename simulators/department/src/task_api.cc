#include "simulators/department/src/task_api.h"

namespace hotline::sim::department {
namespace {

// --base-path as a literal inside a route pattern.
std::string regexEscaped(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (std::string_view(R"(\^$.|?*+()[]{})").find(c) != std::string_view::npos) {
      escaped.push_back('\\');
    }
    escaped.push_back(c);
  }
  return escaped;
}

support::HeaderList headerList(const httplib::Request& request) {
  support::HeaderList list;
  for (const auto& [name, value] : request.headers) {
    list.emplace_back(name, value);
  }
  return list;
}

void replyError(httplib::Response& response, int status, std::string_view message) {
  response.status = status;
  response.set_content(errorEnvelope(status, message), "application/json");
}

} // namespace

void TaskApi::registerRoutes(httplib::Server& server) {
  const std::string base = regexEscaped(options_.base_path);
  server.Post(base + "/tasks",
              [this](const httplib::Request& request, httplib::Response& response) {
                handle(request, response, TaskKind::Ticket);
              });
  server.Post(base + "/tasks/([^/]+)/actions",
              [this](const httplib::Request& request, httplib::Response& response) {
                handle(request, response, TaskKind::Action);
              });
}

void TaskApi::handle(const httplib::Request& request, httplib::Response& response, TaskKind kind) {
  if (recorder_.down()) {
    recorder_.countDown();
    replyError(response, 503, "the department system is down (POST /sim/down)");
    return;
  }
  ArrivedTask task;
  task.kind = std::string(taskKindName(kind));
  task.ticket_id = request.get_header_value("X-Hotline-Ticket");
  if (task.ticket_id.empty() && kind == TaskKind::Action) {
    task.ticket_id = request.matches[1];
  }
  task.idempotency_key = request.get_header_value("Idempotency-Key");
  task.source = "push";
  Result<support::VerifiedCaller> caller =
      verifier_.verify(request.method, request.target, headerList(request), request.body);
  if (!caller) {
    task.status = httpStatusFor(caller.status().code());
    if (task.status == 401) {
      recorder_.countRefusedSignature();
    }
    recorder_.addTask(std::move(task));
    replyError(response, httpStatusFor(caller.status().code()), caller.status().message());
    return;
  }
  task.verified = true;
  if (!task.idempotency_key.empty()) {
    if (std::optional<StoredAnswer> first = recorder_.answerFor(task.idempotency_key)) {
      task.duplicate = true;
      task.status = first->status;
      task.hotline_number = recorder_.hotlineNumberOf(task.ticket_id);
      recorder_.addTask(std::move(task));
      replySigned(request, response, *caller, *first);
      return;
    }
  }
  accept(request, response, kind, *caller, std::move(task));
}

void TaskApi::accept(const httplib::Request& request, httplib::Response& response, TaskKind kind,
                     const support::VerifiedCaller& caller, ArrivedTask task) {
  Result<std::string> number =
      hotlineNumberOf(request.body, request.get_header_value("Content-Type"));
  std::string refusal;
  if (kind == TaskKind::Ticket && !number) {
    refusal = number.status().message();
  } else if (task.ticket_id.empty()) {
    refusal = "X-Hotline-Ticket: missing (the gateway's ticket id)";
  }
  if (!refusal.empty()) {
    // Signed too: the caller was verified, and a signed refusal tells it the answer is ours.
    recorder_.countRefusedPayload();
    task.status = 400;
    recorder_.addTask(std::move(task));
    replySigned(request, response, caller, {400, errorEnvelope(400, refusal), "application/json"});
    return;
  }
  // An action's body need not name the hotline number; the task it belongs to did.
  task.hotline_number = number ? *number : recorder_.hotlineNumberOf(task.ticket_id);
  const std::string case_no = recorder_.caseNumberFor(task.ticket_id);
  StoredAnswer answer{200, acceptedReply(options_.format, kind, case_no),
                      std::string(replyContentType(options_.format))};
  if (!task.idempotency_key.empty()) {
    recorder_.rememberAnswer(task.idempotency_key, answer);
  }
  task.status = 200;
  const std::string ticket_no = task.hotline_number;
  recorder_.addTask(std::move(task));
  replySigned(request, response, caller, answer);
  if (kind == TaskKind::Ticket) {
    runner_.startFor(ticket_no);
  }
}

void TaskApi::replySigned(const httplib::Request& request, httplib::Response& response,
                          const support::VerifiedCaller& caller, const StoredAnswer& answer) {
  Result<support::SignatureHeaders> signature =
      verifier_.signReply(caller, request.target, answer.body);
  if (!signature) {
    replyError(response, 500, "signing the reply failed: " + signature.status().message());
    return;
  }
  for (auto& [name, value] : signature->toHeaderList()) {
    response.set_header(name, value);
  }
  response.status = answer.status;
  response.set_content(answer.body, answer.content_type);
}

} // namespace hotline::sim::department
