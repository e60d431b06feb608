#include "core/plugin_host/connector_instance.h"

#include "core/log/log.h"
#include "hotline/plugin/abi_util.h"

namespace hotline::plugin_host {
namespace {

namespace abi = hotline::plugin::abi;

std::string where(const PluginLibrary& plugin, const std::string& instance) {
  return "connector instance " + instance + " (" + plugin.type() + " from " + plugin.path() + ")";
}

} // namespace

Result<std::unique_ptr<ConnectorInstance>>
ConnectorInstance::create(std::shared_ptr<PluginLibrary> plugin, const std::string& instance_name,
                          const ConfigEntries& config, HostServices services) {
  auto context = std::make_unique<HostContext>(instance_name, plugin->type(), services);
  std::unique_ptr<ConnectorInstance> self(
      new ConnectorInstance(std::move(plugin), std::move(context)));

  std::vector<hl_kv> entries;
  entries.reserve(config.size());
  for (const auto& [key, value] : config) {
    entries.push_back({abi::borrow(key), abi::borrow(value)});
  }
  hl_config raw{sizeof(hl_config), entries.data(), entries.size(), abi::borrow(instance_name)};
  abi::ErrorBuffer<2048> error;
  uint32_t code = self->plugin_->descriptor().create(self->context_->api(), &raw, &self->instance_,
                                                     error.get());
  if (code != HL_OK) {
    self->context_->removeRoutes(); // routes registered before configure() failed
    self->instance_ = nullptr;
    return Status(abi::fromCode(code), "configure failed: " + error.message())
        .withContext(where(*self->plugin_, instance_name));
  }
  return self;
}

ConnectorInstance::~ConnectorInstance() {
  stop();
  if (instance_ != nullptr) {
    plugin_->descriptor().destroy(instance_);
  }
}

Status ConnectorInstance::start() {
  abi::ErrorBuffer<2048> error;
  uint32_t code = plugin_->descriptor().start(instance_, error.get());
  if (code != HL_OK) {
    return Status(abi::fromCode(code), "start failed: " + error.message())
        .withContext(where(*plugin_, name()));
  }
  started_ = true;
  log::info("plugin_host", "connector started", {{"instance", name()}, {"type", plugin_->type()}});
  return Status::ok();
}

void ConnectorInstance::stop() {
  if (instance_ == nullptr) {
    return;
  }
  context_->removeRoutes();
  if (started_) {
    plugin_->descriptor().stop(instance_);
    started_ = false;
    log::info("plugin_host", "connector stopped", {{"instance", name()}});
  }
}

plugin::Delivery ConnectorInstance::deliver(const plugin::Outbound& outbound) {
  std::vector<hl_kv> attrs;
  for (const auto& [key, value] : outbound.attrs) {
    attrs.push_back({abi::borrow(key), abi::borrow(value)});
  }
  hl_outbound raw{sizeof(hl_outbound),
                  abi::borrow(outbound.ticket_id),
                  abi::borrow(outbound.kind),
                  abi::borrow(outbound.content_type),
                  abi::borrow(outbound.body),
                  attrs.data(),
                  attrs.size(),
                  abi::borrow(outbound.idempotency_key),
                  outbound.attempt};
  abi::ErrorBuffer<2048> reason;
  hl_delivery_result result{sizeof(hl_delivery_result), HL_DELIVERY_RETRY, 0, reason.error};
  plugin_->descriptor().deliver(instance_, &raw, &result);
  plugin::Delivery delivery;
  delivery.kind = result.kind <= HL_DELIVERY_PERMANENT
                      ? static_cast<plugin::Delivery::Kind>(result.kind)
                      : plugin::Delivery::Kind::Retry;
  delivery.retry_after_ms = result.retry_after_ms;
  delivery.reason = reason.message();
  return delivery;
}

plugin::Health ConnectorInstance::health() {
  abi::ErrorBuffer<1024> detail;
  uint32_t state = plugin_->descriptor().health(instance_, detail.get());
  plugin::Health health;
  health.state =
      state <= HL_DOWN ? static_cast<plugin::Health::State>(state) : plugin::Health::State::Down;
  health.detail = detail.message();
  return health;
}

} // namespace hotline::plugin_host
