#pragma once
// The running gateway: config, plugins, ingress server, connector instances, pipeline.
// start() refuses to start (and leaves nothing running) when anything is wrong with the
// config or a configured connector; stop() is graceful: the server stops accepting and
// finishes in-flight requests, then every connector drains, in reverse start order.

#include "core/config/gateway_config.h"
#include "core/http/ingress_server.h"
#include "core/http/router.h"
#include "core/pipeline/submitter.h"
#include "core/plugin_host/connector_instance.h"
#include "core/plugin_host/plugin_registry.h"
#include "core/store/state_store.h"
#include "hotline/status.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hotline::app {

class Gateway {
public:
  explicit Gateway(std::string config_path);
  ~Gateway();
  Gateway(const Gateway&) = delete;
  Gateway& operator=(const Gateway&) = delete;

  Status start();
  void stop();

  // The port the ingress server listens on (useful when the config asks for port 0).
  uint16_t port() const;

private:
  Status loadConfig();
  Status startServer();
  Status startConnectors();
  http::HealthReport healthReport();

  std::string config_path_;
  plugin_host::PluginRegistry registry_;
  std::optional<config::GatewayConfig> config_;
  http::Router router_;
  std::unique_ptr<store::StateStore> state_;
  std::unique_ptr<pipeline::Submitter> submitter_;
  std::unique_ptr<http::IngressServer> server_;
  std::vector<std::unique_ptr<plugin_host::ConnectorInstance>> connectors_;
};

} // namespace hotline::app
