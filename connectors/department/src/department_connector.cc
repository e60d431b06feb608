#include "department_connector.h"

#include "push_outcome.h"

#include "hotline/support/base_url.h"
#include "hotline/support/http_client.h"
#include "hotline/support/signing_key_config.h"

#include <ctime>

namespace hotline::connectors::department {
namespace {

constexpr hl_config_key kDepartmentConfig[] = {
    plugin::stringKey("app_key", nullptr,
                      "The department's app key (X-App-Key), used both ways: on the gateway's "
                      "pushes and on the department's callbacks and reads.",
                      true),
    plugin::secretKey("secret",
                      "The department's signing secret (env:NAME or file:PATH), shared with "
                      "its system; never sent.",
                      true),
    plugin::enumKey("sign_alg", "HMAC-SHA256", "HMAC-SHA256|HMAC-SM3",
                    "HMAC algorithm of the department's key (X-Sign-Alg), both ways."),
    plugin::stringKey("endpoint", "",
                      "Push mode: base URL of the department's system (http:// or https://); "
                      "tickets go to {endpoint}/tasks, actions to "
                      "{endpoint}/tasks/{ticket_id}/actions. Empty: pull mode (the department "
                      "reads GET /dept/v1/tasks)."),
    plugin::enumKey("format", "json", "json|xml",
                    "Format of the department's replies to pushes: the JSON envelope or the "
                    "SOAP response (Code, Message, DeptNo)."),
    plugin::stringKey("system", nullptr,
                      "The department system's name for its case numbers (e.g. yucheng-cgj): "
                      "the ref system its case number is linked under.",
                      true),
    plugin::booleanKey("verify_replies", "true",
                       "Require a valid reply signature on the department's 2xx answers "
                       "(unsigned or forged answers are retried)."),
    plugin::integerKey("timeout_ms", "10000", 100, 120000,
                       "Timeout of one push, connect to last byte, in milliseconds."),
    plugin::integerKey("window_s", "300", 10, 3600,
                       "Signature window: accepted clock difference of X-Timestamp, seconds."),
    plugin::integerKey("replay_cache", "50000", 1000, 2000000,
                       "Nonces remembered within the window (replay protection, about 150 bytes "
                       "each): the department's sustained rate is at most replay_cache / "
                       "window_s calls a second; beyond it calls are answered 503."),
};

std::string isoUtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

std::string attrOf(const plugin::Outbound& outbound, const std::string& name) {
  for (const auto& [key, value] : outbound.attrs) {
    if (key == name) {
      return value;
    }
  }
  return "";
}

} // namespace

Status DepartmentConnector::readConfig(const plugin::Config& config) {
  instance_ = config.instanceName();
  Result<support::SigningKey> key = support::readSigningKey(config);
  if (!key) {
    return key.status();
  }
  key_ = std::move(*key);
  system_ = config.getString("system", "");
  if (system_.empty()) {
    return invalidArgument("system: is empty");
  }
  format_ = config.getString("format", "json") == "xml" ? ReplyFormat::Xml : ReplyFormat::Json;
  verify_replies_ = config.getString("verify_replies", "true") == "true";
  Result<long long> timeout_ms = config.getInteger("timeout_ms");
  timeout_ms_ = static_cast<long>(timeout_ms ? *timeout_ms : 10000);
  verifier_options_ = support::readVerifierOptions(config);
  const std::string endpoint = config.getString("endpoint", "");
  endpoint_.clear();
  endpoint_path_.clear();
  if (endpoint.find_first_not_of('/') == std::string::npos) {
    return Status::ok(); // empty (or only slashes, which a base URL drops): pull mode
  }
  Result<support::BaseUrl> base = support::parseBaseUrl("endpoint", endpoint);
  if (!base) {
    return base.status();
  }
  endpoint_ = std::move(base->url);
  endpoint_path_ = std::move(base->path);
  return Status::ok();
}

Status DepartmentConnector::configure(const plugin::Config& config, plugin::Host& host) {
  host_ = &host;
  HOTLINE_RETURN_IF_ERROR(readConfig(config));
  signed_routes_ = std::make_unique<support::SignedEndpoint>(host, instance_, "department", key_,
                                                             verifier_options_);
  tasks_ =
      std::make_unique<TaskStore>([this](const std::string& key) { return host_->stateGet(key); },
                                  [this](const std::string& key, const std::string& value) {
                                    return host_->statePut(key, value);
                                  });
  support::initHttpClient();
  return registerRoutes(host);
}

Status DepartmentConnector::registerRoutes(plugin::Host& host) {
  HOTLINE_RETURN_IF_ERROR(
      host.route("POST", "/dept/v1/callbacks", [this](const auto& request, auto& response) {
        handleCallback(request, response);
      }));
  HOTLINE_RETURN_IF_ERROR(
      host.route("GET", "/dept/v1/tasks", [this](const auto& request, auto& response) {
        handleTaskList(request, response);
      }));
  return host.route(
      "GET", "/dept/v1/tasks/{ticket_id}",
      [this](const auto& request, auto& response) { handleTicketTasks(request, response); });
}

Status DepartmentConnector::start() {
  running_ = true;
  host_->log(plugin::LogLevel::Info, "department connector started",
             {{"mode", endpoint_.empty() ? "pull" : "push"},
              {"endpoint", endpoint_},
              {"system", system_}});
  return Status::ok();
}

void DepartmentConnector::stop() noexcept {
  running_ = false;
}

plugin::Health DepartmentConnector::health() const {
  if (!running_) {
    return plugin::Health::down("not started");
  }
  return push_failures_.health();
}

plugin::Delivery DepartmentConnector::deliver(const plugin::Outbound& outbound) {
  if (outbound.kind != "ticket" && outbound.kind != "event") {
    return plugin::Delivery::permanent(instance_ + ": kind \"" + outbound.kind +
                                       "\" is not delivered to departments (ticket, event)");
  }
  if (outbound.ticket_id.empty()) {
    return plugin::Delivery::permanent(instance_ + ": " + outbound.kind + " without a ticket id");
  }
  return endpoint_.empty() ? queue(outbound) : push(outbound);
}

plugin::Delivery DepartmentConnector::queue(const plugin::Outbound& outbound) {
  Task task;
  task.ticket_id = outbound.ticket_id;
  task.kind = outbound.kind;
  task.content_type = outbound.content_type;
  task.body = outbound.body;
  task.at = isoUtcNow();
  task.event_type = attrOf(outbound, "event_type");
  Result<uint64_t> seq = tasks_->add(std::move(task), outbound.idempotency_key);
  if (!seq) {
    return plugin::Delivery::retry(
        instance_ + ": cannot queue the task for pull mode: " + seq.status().message());
  }
  return plugin::Delivery::ok();
}

plugin::Delivery DepartmentConnector::push(const plugin::Outbound& outbound) {
  PushRequest request;
  request.target = endpoint_path_ + "/tasks";
  if (outbound.kind == "event") {
    request.target += "/" + encodePathSegment(outbound.ticket_id) + "/actions";
  }
  const std::string url =
      endpoint_.substr(0, endpoint_.size() - endpoint_path_.size()) + request.target;
  request.where = instance_ + ": POST " + url;
  request.key = key_;
  request.format = format_;
  request.verify_replies = verify_replies_;
  request.window = verifier_options_.window;
  Result<support::SignatureHeaders> signature =
      support::signRequest(key_, "POST", request.target, outbound.body);
  if (!signature) {
    return plugin::Delivery::permanent(request.where +
                                       ": cannot sign: " + signature.status().message());
  }
  request.nonce = signature->nonce;
  std::vector<std::string> headers{"Content-Type: " + outbound.content_type,
                                   "Idempotency-Key: " + outbound.idempotency_key,
                                   "X-Hotline-Ticket: " + outbound.ticket_id};
  for (const auto& [name, value] : signature->toHeaderList()) {
    headers.push_back(name + ": " + value);
  }
  HttpAnswer answer = support::httpPost(url, outbound.body, headers, timeout_ms_);
  PushOutcome outcome = judgePush(request, answer, support::systemMillis());
  if (outcome.link_failure) {
    push_failures_.failed(outcome.delivery.reason);
  } else if (outcome.delivery.kind == plugin::Delivery::Kind::Ok) {
    push_failures_.succeeded();
  }
  // The host tells which numbers it already knows (attr ref:<system>): a department repeats its
  // case number on every action, and linking it again would only queue a no-op.
  if (!outcome.case_no.empty() && attrOf(outbound, "ref:" + system_) != outcome.case_no) {
    Status linked = host_->link(outbound.ticket_id, system_, outcome.case_no);
    if (!linked.isOk()) {
      // The task was delivered; only the number is not recorded (e.g. an older gateway).
      host_->log(plugin::LogLevel::Warn, "cannot link the department's case number",
                 {{"ticket_id", outbound.ticket_id},
                  {"system", system_},
                  {"number", outcome.case_no},
                  {"reason", linked.message()}});
    }
  }
  return outcome.delivery;
}

} // namespace hotline::connectors::department

HOTLINE_CONNECTOR(hotline::connectors::department::DepartmentConnector, "department", "0.1.0",
                  "A department's own ticket system: signed pushes of assigned tickets and "
                  "actions (or a pull-mode task queue) and its signed callbacks.",
                  hotline::connectors::department::kDepartmentConfig)
