#pragma once
// One running connector instance: a plugin object created from a PluginLibrary with its own
// config block, host context and routes. Owns the plugin object and keeps the library
// loaded for as long as the object lives.
//
// Lifecycle: create() (configure) -> start() -> stop() -> destructor (destroy). stop() first
// takes the instance's routes away (waiting for requests already inside them), then lets the
// plugin drain, so no request can reach a half-stopped connector.

#include "core/plugin_host/host_context.h"
#include "core/plugin_host/plugin_library.h"
#include "hotline/plugin/messages.h"
#include "hotline/status.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hotline::plugin_host {

using ConfigEntries = std::vector<std::pair<std::string, std::string>>;

class ConnectorInstance {
public:
  // Creates the plugin object and lets it configure itself. Errors name the instance and the
  // plugin file.
  static Result<std::unique_ptr<ConnectorInstance>> create(std::shared_ptr<PluginLibrary> plugin,
                                                           const std::string& instance_name,
                                                           const ConfigEntries& config,
                                                           HostServices services);

  ~ConnectorInstance();
  ConnectorInstance(const ConnectorInstance&) = delete;
  ConnectorInstance& operator=(const ConnectorInstance&) = delete;

  Status start();
  void stop();

  // Thread-safe; called by delivery threads.
  plugin::Delivery deliver(const plugin::Outbound& outbound);
  plugin::Health health();

  const std::string& name() const { return context_->instanceName(); }
  const PluginLibrary& plugin() const { return *plugin_; }

private:
  ConnectorInstance(std::shared_ptr<PluginLibrary> plugin, std::unique_ptr<HostContext> context)
      : plugin_(std::move(plugin)), context_(std::move(context)) {}

  std::shared_ptr<PluginLibrary> plugin_;
  std::unique_ptr<HostContext> context_;
  hl_instance* instance_ = nullptr;
  bool started_ = false;
};

} // namespace hotline::plugin_host
