#pragma once
// The header-only C++ SDK over the C ABI. A connector is one class and one macro:
//
//   #include "hotline/plugin/sdk.h"
//   class MyConnector : public hotline::plugin::Connector { ... };
//   static constexpr hl_config_key kMyConfig[] = { hotline::plugin::stringKey(...), ... };
//   HOTLINE_CONNECTOR(MyConnector, "my", "1.0.0", "What it connects", kMyConfig)
//
// The macro defines the plugin's single exported entry point. The shims below are
// `noexcept`: every exception (including one thrown by the connector's constructor) is
// caught here and turned into an error code plus message, so no C++ exception, std::string
// or vtable ever crosses the boundary.

#include "hotline/plugin/abi.h"
#include "hotline/plugin/abi_util.h"
#include "hotline/plugin/config.h"
#include "hotline/plugin/config_keys.h"
#include "hotline/plugin/connector.h"
#include "hotline/plugin/host.h"
#include "hotline/plugin/messages.h"

#include <exception>
#include <iterator>
#include <memory>
#include <string>

namespace hotline::plugin::detail {

struct Instance {
  std::unique_ptr<Host> host;
  std::unique_ptr<Connector> connector;
};

inline Instance* instanceOf(hl_instance* raw) {
  return reinterpret_cast<Instance*>(raw);
}

inline uint32_t reportException(const char* stage, hl_error* error) noexcept {
  try {
    throw;
  } catch (const std::exception& e) {
    return abi::report(internalError(std::string(stage) + " threw: " + e.what()), error);
  } catch (...) {
    return abi::report(internalError(std::string(stage) + " threw a non-standard exception"),
                       error);
  }
}

template <typename ConnectorClass>
struct Shims {
  static uint32_t create(const hl_host_api* api, const hl_config* config, hl_instance** out,
                         hl_error* error) noexcept {
    if (api == nullptr || !abi::holds(api->struct_size, HL_END_OF(hl_host_api, state_put))) {
      return abi::report(failedPrecondition("the host's API table is older than ABI 1.0"), error);
    }
    auto instance = std::make_unique<Instance>();
    try {
      instance->host = std::make_unique<Host>(*api);
      instance->connector = std::make_unique<ConnectorClass>();
    } catch (...) {
      return reportException("the connector's constructor", error);
    }
    try {
      Status status = instance->connector->configure(Config(*config), *instance->host);
      if (!status.isOk()) {
        return abi::report(status, error);
      }
    } catch (...) {
      return reportException("configure()", error);
    }
    *out = reinterpret_cast<hl_instance*>(instance.release());
    return HL_OK;
  }

  static uint32_t start(hl_instance* raw, hl_error* error) noexcept {
    try {
      return abi::report(instanceOf(raw)->connector->start(), error);
    } catch (...) {
      return reportException("start()", error);
    }
  }

  static void stop(hl_instance* raw) noexcept { instanceOf(raw)->connector->stop(); }

  static void deliver(hl_instance* raw, const hl_outbound* outbound,
                      hl_delivery_result* result) noexcept {
    Delivery delivery;
    try {
      delivery = instanceOf(raw)->connector->deliver(toOutbound(*outbound));
    } catch (const std::exception& e) {
      delivery = Delivery::retry(std::string("deliver() threw: ") + e.what());
    } catch (...) {
      delivery = Delivery::retry("deliver() threw a non-standard exception");
    }
    result->kind = static_cast<uint32_t>(delivery.kind);
    result->retry_after_ms = delivery.retry_after_ms;
    abi::writeError(&result->reason, delivery.reason);
  }

  static uint32_t health(hl_instance* raw, hl_error* detail) noexcept {
    try {
      Health health = instanceOf(raw)->connector->health();
      abi::writeError(detail, health.detail);
      return static_cast<uint32_t>(health.state);
    } catch (...) {
      abi::writeError(detail, "health() threw");
      return HL_DOWN;
    }
  }

  static void destroy(hl_instance* raw) noexcept { delete instanceOf(raw); }

  static Outbound toOutbound(const hl_outbound& raw) {
    Outbound out;
    out.ticket_id = std::string(abi::view(raw.ticket_id));
    out.kind = std::string(abi::view(raw.kind));
    out.content_type = std::string(abi::view(raw.content_type));
    out.body = std::string(abi::view(raw.body));
    for (size_t i = 0; i < raw.attr_count; ++i) {
      out.attrs.emplace_back(std::string(abi::view(raw.attrs[i].key)),
                             std::string(abi::view(raw.attrs[i].value)));
    }
    out.idempotency_key = std::string(abi::view(raw.idempotency_key));
    out.attempt = raw.attempt;
    return out;
  }
};

template <typename ConnectorClass>
const hl_plugin_descriptor* describe(const char* type, const char* version, const char* description,
                                     const hl_config_key* keys, size_t key_count) noexcept {
  using S = Shims<ConnectorClass>;
  static const hl_plugin_descriptor descriptor{sizeof(hl_plugin_descriptor),
                                               HL_ABI_MAJOR,
                                               HL_ABI_MINOR,
                                               type,
                                               version,
                                               description,
                                               keys,
                                               key_count,
                                               sizeof(hl_config_key),
                                               &S::create,
                                               &S::start,
                                               &S::stop,
                                               &S::deliver,
                                               &S::health,
                                               &S::destroy};
  return &descriptor;
}

} // namespace hotline::plugin::detail

// Defines the plugin's entry point. This SDK speaks ABI major HL_ABI_MAJOR; the host refuses
// the plugin with a clear error if it does not speak that major too.
#define HOTLINE_CONNECTOR(ConnectorClass, type, version, description, config_keys)                 \
  extern "C" HL_EXPORT const hl_plugin_descriptor* hotline_plugin_entry(                           \
      const hl_host_offer* offer) {                                                                \
    (void)offer;                                                                                   \
    return ::hotline::plugin::detail::describe<ConnectorClass>(                                    \
        type, version, description, config_keys, std::size(config_keys));                          \
  }
