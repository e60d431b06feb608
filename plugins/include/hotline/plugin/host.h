#pragma once
// The connector's handle on the gateway: register endpoints, submit what peers send, log,
// and keep protocol state. One Host per connector instance, valid from configure() until the
// instance is destroyed.
//
// Thread safety: every member may be called from any thread; route() only during
// configure() or start().

#include "hotline/plugin/abi.h"
#include "hotline/plugin/abi_util.h"
#include "hotline/plugin/http.h"
#include "hotline/plugin/messages.h"
#include "hotline/status.h"

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hotline::plugin {

enum class LogLevel { Trace = HL_LOG_TRACE, Debug, Info, Warn, Error };

class Host {
public:
  explicit Host(const hl_host_api& api) : api_(api) {}
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  // Serves `method` `pattern` under /connectors/<instance>; pattern segments may be
  // "{name}" (read with HttpRequest::pathParam). A handler that throws answers 500.
  Status route(const std::string& method, const std::string& pattern, HttpHandler handler) {
    auto binding = std::make_unique<RouteBinding>(RouteBinding{std::move(handler), &api_});
    abi::ErrorBuffer<> error;
    uint32_t code = api_.route(api_.ctx, method.c_str(), pattern.c_str(), &RouteBinding::call,
                               binding.get(), error.get());
    if (code != HL_OK) {
      return Status(abi::fromCode(code), error.message());
    }
    bindings_.push_back(std::move(binding));
    return Status::ok();
  }

  // Hands a message to the pipeline; returns after it is durably stored or refused. The
  // answer says what to tell the peer (status, ticket id, JSON body).
  Result<Submitted> submit(const Inbound& inbound) {
    std::vector<hl_kv> attrs = toKv(inbound.attrs);
    hl_inbound raw{sizeof(hl_inbound),
                   abi::borrow(inbound.kind),
                   abi::borrow(inbound.content_type),
                   abi::borrow(inbound.body),
                   attrs.data(),
                   attrs.size(),
                   abi::borrow(inbound.idempotency_key)};
    std::string body(16 * 1024, '\0');
    hl_submit_result result{};
    result.struct_size = sizeof(hl_submit_result);
    result.body = body.data();
    result.body_capacity = body.size();
    abi::ErrorBuffer<> error;
    uint32_t code = api_.submit(api_.ctx, &raw, &result, error.get());
    if (code != HL_OK) {
      return Status(abi::fromCode(code), error.message());
    }
    body.resize(result.body_size < body.size() ? result.body_size : body.size());
    result.ticket_id[sizeof(result.ticket_id) - 1] = '\0';
    return Submitted{result.http_status, result.duplicate != 0, result.ticket_id, std::move(body)};
  }

  // One structured log line; the host masks personal data in message and fields.
  void log(LogLevel level, const std::string& message, const Attributes& fields = {}) {
    std::vector<hl_kv> kv = toKv(fields);
    api_.log(api_.ctx, static_cast<uint32_t>(level), message.c_str(), kv.data(), kv.size());
  }

  // Connector state (cursors, tokens), namespaced per instance and kept by the host.
  Result<std::string> stateGet(const std::string& key) {
    std::string value(256, '\0');
    size_t size = 0;
    uint32_t code = api_.state_get(api_.ctx, key.c_str(), value.data(), value.size(), &size);
    if (code == HL_OK && size >= value.size()) { // did not fit: ask again with room for it
      value.assign(size + 1, '\0');
      code = api_.state_get(api_.ctx, key.c_str(), value.data(), value.size(), &size);
    }
    if (code != HL_OK) {
      return Status(abi::fromCode(code), "state key \"" + key + "\" is not available");
    }
    value.resize(size);
    return value;
  }

  // An audit fact about a decision of the connector's own (a forged signature refused, a
  // caller outside its scope): `action` a short verb, `ticket_id` may be empty, `detail` the
  // reason (the host masks personal data). Unimplemented on a host older than ABI 1.1.
  Status audit(const std::string& action, const std::string& ticket_id, const std::string& detail) {
    if (api_.struct_size < offsetof(hl_host_api, audit) + sizeof(api_.audit) ||
        api_.audit == nullptr) {
      return Status(StatusCode::Unimplemented, "this gateway's host API has no audit call");
    }
    uint32_t code = api_.audit(api_.ctx, action.c_str(), ticket_id.c_str(), detail.c_str());
    if (code != HL_OK) {
      return Status(abi::fromCode(code), "cannot audit \"" + action + "\"");
    }
    return Status::ok();
  }

  // Records `number` as `system`'s number for the gateway's ticket `ticket_id` (e.g. the case
  // number a department's system answered a push with), so that messages naming the ticket by
  // that number find it. Queued for the pipeline's next write and audited there; a number that
  // already names another ticket is refused and audited then. Unimplemented on a host older
  // than ABI 1.2.
  Status link(const std::string& ticket_id, const std::string& system, const std::string& number) {
    if (api_.struct_size < offsetof(hl_host_api, link) + sizeof(api_.link) ||
        api_.link == nullptr) {
      return Status(StatusCode::Unimplemented, "this gateway's host API has no link call");
    }
    abi::ErrorBuffer<> error;
    uint32_t code =
        api_.link(api_.ctx, ticket_id.c_str(), system.c_str(), number.c_str(), error.get());
    if (code != HL_OK) {
      return Status(abi::fromCode(code), error.message());
    }
    return Status::ok();
  }

  Status statePut(const std::string& key, const std::string& value) {
    uint32_t code = api_.state_put(api_.ctx, key.c_str(), value.data(), value.size());
    if (code != HL_OK) {
      return Status(abi::fromCode(code), "cannot store state key \"" + key + "\"");
    }
    return Status::ok();
  }

private:
  struct RouteBinding {
    HttpHandler handler;
    const hl_host_api* api;

    static void call(void* user, const hl_http_request* request,
                     hl_http_response* response) noexcept {
      auto* self = static_cast<RouteBinding*>(user);
      HttpResponse out(*self->api, response);
      try {
        self->handler(HttpRequest(*request), out);
      } catch (const std::exception& e) {
        out.send(500, "application/json",
                 R"({"error":{"code":"internal","message":"connector handler failed"}})");
      } catch (...) {
        out.send(500, "application/json",
                 R"({"error":{"code":"internal","message":"connector handler failed"}})");
      }
    }
  };

  static std::vector<hl_kv> toKv(const Attributes& attrs) {
    std::vector<hl_kv> kv;
    kv.reserve(attrs.size());
    for (const auto& [key, value] : attrs) {
      kv.push_back(hl_kv{abi::borrow(key), abi::borrow(value)});
    }
    return kv;
  }

  const hl_host_api& api_;
  std::list<std::unique_ptr<RouteBinding>> bindings_;
};

} // namespace hotline::plugin
