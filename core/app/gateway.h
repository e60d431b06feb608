#pragma once
// The running gateway: config, plugins, the durable pipeline, connector instances, the
// ingress server and the admin server. start() refuses to start (and leaves nothing
// running) when anything is wrong with the config, the store or a configured connector.
// stop() is graceful: the servers stop accepting and finish in-flight requests, connectors
// drain, the committer commits what is queued, delivery finishes what is in flight.

#include "core/app/entry_roles.h"
#include "core/app/pipeline_runtime.h"
#include "core/config/gateway_config.h"
#include "core/downlink/connector_target.h"
#include "core/downlink/unit_routing.h"
#include "core/http/ingress_server.h"
#include "core/http/router.h"
#include "core/plugin_host/connector_instance.h"
#include "core/plugin_host/plugin_registry.h"
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
  // Recompiles the mapping files (SIGHUP, POST /admin/v1/mappings/reload); see
  // PipelineRuntime::reloadMappings.
  Result<size_t> reloadMappings(const std::string& actor);

  // The ports actually bound (useful when the config asks for port 0).
  uint16_t port() const;
  uint16_t adminPort() const;

private:
  Status loadConfig();
  Status startServer();
  Status startAdmin();
  Status startConnectors();
  Status startDelivery();
  http::HealthReport healthReport();
  std::string metricsText();

  std::string config_path_;
  plugin_host::PluginRegistry registry_;
  std::optional<config::GatewayConfig> config_;
  http::Router router_;
  http::Router admin_router_;
  std::unique_ptr<PipelineRuntime> pipeline_;
  std::unique_ptr<http::IngressServer> server_;
  std::unique_ptr<http::IngressServer> admin_server_;
  std::vector<std::unique_ptr<plugin_host::ConnectorInstance>> connectors_;
  // What deliveries tell peers about a row's ticket; declared before the targets that use it.
  std::unique_ptr<downlink::TicketAttributes> ticket_attributes_;
  // The downlink: each instance as a delivery target (stopped before the instances).
  std::vector<std::unique_ptr<downlink::DownlinkPeer>> peers_;
  std::vector<std::shared_ptr<downlink::ConnectorTarget>> connector_targets_;
  std::unique_ptr<downlink::UnitRouter> unit_router_; // the downlink's routing by unit code
  EntryRoles roles_; // what the connector entries say beyond the instances
};

} // namespace hotline::app
