#include "core/plugin_host/host_context.h"

#include "core/log/log.h"
#include "hotline/plugin/abi_util.h"
#include "hotline/support/masking.h"

#include <algorithm>
#include <cstring>
#include <vector>

// The response a connector's handler fills through respond()/add_header(). Defined here, at
// global scope, because the ABI declares it as an opaque C struct.
struct hl_http_response {
  hotline::http::HttpResponse* out = nullptr;
  bool responded = false;
};

namespace hotline::plugin_host {
namespace {

namespace abi = hotline::plugin::abi;

// Numbers are peers' identifiers, not documents: a longer value is a connector's mistake.
constexpr size_t kMaxLinkValue = 128;

std::vector<hl_kv> toKv(const std::vector<std::pair<std::string, std::string>>& items) {
  std::vector<hl_kv> kv;
  kv.reserve(items.size());
  for (const auto& [key, value] : items) {
    kv.push_back({abi::borrow(key), abi::borrow(value)});
  }
  return kv;
}

std::vector<hl_kv> toKv(const std::map<std::string, std::string>& items) {
  std::vector<hl_kv> kv;
  kv.reserve(items.size());
  for (const auto& [key, value] : items) {
    kv.push_back({abi::borrow(key), abi::borrow(value)});
  }
  return kv;
}

// Runs a connector's C handler for one request.
void callPluginHandler(hl_http_handler_fn fn, void* user, const http::HttpRequest& request,
                       http::HttpResponse& response) {
  std::vector<hl_kv> headers = toKv(request.headers);
  std::vector<hl_kv> params = toKv(request.path_params);
  hl_http_request raw{sizeof(hl_http_request),
                      abi::borrow(request.method),
                      abi::borrow(request.path),
                      abi::borrow(request.query),
                      headers.data(),
                      headers.size(),
                      params.data(),
                      params.size(),
                      abi::borrow(request.body),
                      abi::borrow(request.remote),
                      abi::borrow(request.target)};
  hl_http_response out{&response, false};
  fn(user, &raw, &out);
  if (!out.responded) {
    response.setError(500, "internal", "the connector's handler did not answer the request");
  }
}

log::Level toLevel(uint32_t level) {
  switch (level) {
  case HL_LOG_TRACE:
    return log::Level::Trace;
  case HL_LOG_DEBUG:
    return log::Level::Debug;
  case HL_LOG_WARN:
    return log::Level::Warn;
  case HL_LOG_ERROR:
    return log::Level::Error;
  default:
    return log::Level::Info;
  }
}

} // namespace

HostContext::HostContext(std::string instance_name, std::string connector_type,
                         HostServices services)
    : instance_name_(std::move(instance_name)), connector_type_(std::move(connector_type)),
      services_(services) {
  api_.struct_size = sizeof(hl_host_api);
  api_.ctx = reinterpret_cast<hl_host_ctx*>(this);
  api_.route = &HostContext::route;
  api_.respond = &HostContext::respond;
  api_.add_header = &HostContext::addHeader;
  api_.submit = &HostContext::submit;
  api_.log = &HostContext::log;
  api_.state_get = &HostContext::stateGet;
  api_.state_put = &HostContext::statePut;
  api_.audit = &HostContext::audit;
  api_.link = &HostContext::link;
}

void HostContext::removeRoutes() {
  services_.router.removeOwner(instance_name_);
}

uint32_t HostContext::route(hl_host_ctx* ctx, const char* method, const char* pattern,
                            hl_http_handler_fn fn, void* user, hl_error* error) noexcept {
  try {
    HostContext* host = self(ctx);
    std::string suffix(abi::view(pattern));
    if (method == nullptr || fn == nullptr || suffix.empty() || suffix[0] != '/') {
      return abi::report(invalidArgument("route \"" + suffix + "\" of instance " +
                                         host->instance_name_ +
                                         ": needs a method, a handler and a path starting "
                                         "with '/'"),
                         error);
    }
    auto handler = [fn, user](const http::HttpRequest& request, http::HttpResponse& response) {
      callPluginHandler(fn, user, request, response);
    };
    std::string full = host->routePrefix() + (suffix == "/" ? "" : suffix);
    return abi::report(host->services_.router.addRoute(method, full, handler, host->instance_name_),
                       error);
  } catch (const std::exception& e) {
    return abi::report(internalError(std::string("route(): ") + e.what()), error);
  }
}

void HostContext::respond(hl_http_response* response, int32_t status, const char* content_type,
                          const char* body, size_t body_size) noexcept {
  try {
    response->out->status = status;
    response->out->content_type = content_type == nullptr ? "" : content_type;
    response->out->body.assign(body == nullptr ? "" : body, body == nullptr ? 0 : body_size);
    response->responded = true;
  } catch (...) {
    response->responded = false; // out of memory: the router answers 500
  }
}

void HostContext::addHeader(hl_http_response* response, const char* name,
                            const char* value) noexcept {
  if (name == nullptr || value == nullptr) {
    return;
  }
  try {
    response->out->headers.emplace_back(name, value);
  } catch (...) {
    // Dropping one header under memory exhaustion is preferable to failing the request.
  }
}

uint32_t HostContext::submit(hl_host_ctx* ctx, const hl_inbound* inbound, hl_submit_result* result,
                             hl_error* error) noexcept {
  HostContext* host = self(ctx);
  if (inbound == nullptr || result == nullptr ||
      !abi::holds(inbound->struct_size, HL_END_OF(hl_inbound, idempotency_key)) ||
      !abi::holds(result->struct_size, HL_END_OF(hl_submit_result, body_size))) {
    return abi::report(invalidArgument("submit() from instance " + host->instance_name_ +
                                       ": inbound or result struct is too short for ABI 1.0"),
                       error);
  }
  try {
    pipeline::InboundMessage message;
    message.source = host->instance_name_;
    message.connector_type = host->connector_type_;
    message.kind = abi::view(inbound->kind);
    message.content_type = abi::view(inbound->content_type);
    message.body = abi::view(inbound->body);
    for (size_t i = 0; i < inbound->attr_count; ++i) {
      message.attrs.emplace_back(abi::view(inbound->attrs[i].key),
                                 abi::view(inbound->attrs[i].value));
    }
    message.idempotency_key = abi::view(inbound->idempotency_key);
    auto units = host->services_.units_by_instance.find(host->instance_name_);
    if (units != host->services_.units_by_instance.end()) {
      message.scope_units = units->second;
    }
    Result<pipeline::SubmitOutcome> outcome = host->services_.submitter.submit(message);
    if (!outcome) {
      return abi::report(outcome.status(), error);
    }
    result->http_status = outcome->http_status;
    result->duplicate = outcome->duplicate ? 1 : 0;
    size_t id_size = std::min(outcome->ticket_id.size(), sizeof(result->ticket_id) - 1);
    std::memcpy(result->ticket_id, outcome->ticket_id.data(), id_size);
    result->ticket_id[id_size] = '\0';
    result->body_size = outcome->body.size();
    if (result->body != nullptr) {
      std::memcpy(result->body, outcome->body.data(),
                  std::min(outcome->body.size(), result->body_capacity));
    }
    return HL_OK;
  } catch (const std::exception& e) {
    return abi::report(internalError(std::string("submit(): ") + e.what()), error);
  }
}

void HostContext::log(hl_host_ctx* ctx, uint32_t level, const char* message, const hl_kv* fields,
                      size_t field_count) noexcept {
  try {
    HostContext* host = self(ctx);
    log::Fields out{{"instance", host->instance_name_}};
    for (size_t i = 0; i < field_count; ++i) {
      out.emplace_back(std::string(abi::view(fields[i].key)),
                       std::string(abi::view(fields[i].value)));
    }
    log::write(toLevel(level), "connector", abi::view(message), out);
  } catch (...) {
    // Logging must never take the connector down.
  }
}

uint32_t HostContext::stateGet(hl_host_ctx* ctx, const char* key, char* out, size_t capacity,
                               size_t* size) noexcept {
  try {
    HostContext* host = self(ctx);
    Result<std::string> value = host->services_.state.get(host->instance_name_, key);
    if (!value) {
      return abi::toCode(value.status().code());
    }
    *size = value->size();
    if (out != nullptr && capacity > value->size()) {
      std::memcpy(out, value->data(), value->size());
      out[value->size()] = '\0';
    }
    return HL_OK;
  } catch (...) {
    return HL_INTERNAL;
  }
}

uint32_t HostContext::statePut(hl_host_ctx* ctx, const char* key, const char* value,
                               size_t size) noexcept {
  try {
    HostContext* host = self(ctx);
    return abi::toCode(
        host->services_.state.put(host->instance_name_, key, std::string(value, size)).code());
  } catch (...) {
    return HL_INTERNAL;
  }
}

uint32_t HostContext::audit(hl_host_ctx* ctx, const char* action, const char* ticket_id,
                            const char* detail) noexcept {
  try {
    HostContext* host = self(ctx);
    if (!host->services_.audit) {
      return HL_UNIMPLEMENTED;
    }
    std::string verb = action == nullptr ? "" : action;
    if (verb.empty() || verb.size() > 64) {
      return HL_INVALID_ARGUMENT;
    }
    store::AuditInsert fact;
    fact.action = std::move(verb);
    fact.actor = host->instance_name_;
    fact.ticket_id = ticket_id == nullptr ? "" : ticket_id;
    fact.detail = support::maskText(detail == nullptr ? "" : detail);
    host->services_.audit(std::move(fact));
    return HL_OK;
  } catch (...) {
    return HL_INTERNAL;
  }
}

uint32_t HostContext::link(hl_host_ctx* ctx, const char* ticket_id, const char* system,
                           const char* number, hl_error* error) noexcept {
  try {
    HostContext* host = self(ctx);
    if (!host->services_.link) {
      return abi::report(Status(StatusCode::Unimplemented, "this gateway records no links"), error);
    }
    store::LinkRow row{std::string(abi::view(ticket_id)), std::string(abi::view(system)),
                       std::string(abi::view(number))};
    for (const auto& [name, value] :
         {std::pair<const char*, const std::string&>{"ticket_id", row.ticket_id},
          {"system", row.system},
          {"number", row.number}}) {
      if (value.empty() || value.size() > kMaxLinkValue) {
        return abi::report(invalidArgument("link from instance " + host->instance_name_ + ": " +
                                           name + " must be 1 to " + std::to_string(kMaxLinkValue) +
                                           " bytes"),
                           error);
      }
    }
    host->services_.link(std::move(row), host->instance_name_);
    return HL_OK;
  } catch (...) {
    return HL_INTERNAL;
  }
}

} // namespace hotline::plugin_host
