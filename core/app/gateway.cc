#include "core/app/gateway.h"

#include "core/admin/admin_api.h"
#include "core/admin/admin_token.h"
#include "core/app/entry_roles.h"
#include "core/app/instance_peer.h"
#include "core/app/outbound_endpoint.h"
#include "core/app/plugin_locations.h"
#include "core/http/health_endpoint.h"
#include "core/log/log.h"

#include <map>
#include <set>

namespace hotline::app {
namespace {

// Concurrent deliveries per connector instance (their deliver() blocks on the network).
constexpr size_t kDeliveryWorkersPerConnector = 2;

log::Options logOptions(const Poco::Util::AbstractConfiguration& core) {
  log::Options options;
  log::parseLevel(core.getRawString("log.level", "info"), options.level);
  options.path = core.getRawString("log.path", "");
  return options;
}

http::IngressServer::Options serverOptions(const Poco::Util::AbstractConfiguration& core) {
  http::IngressServer::Options options;
  options.bind = core.getRawString("http.bind");
  options.port = static_cast<uint16_t>(core.getInt("http.port"));
  options.max_body_bytes = static_cast<size_t>(core.getInt64("http.max_body_bytes"));
  options.threads = core.getInt("http.threads");
  options.max_queued = core.getInt("http.max_queued");
  options.keep_alive = core.getBool("http.keep_alive");
  options.shutdown_grace_ms = core.getInt("http.shutdown_grace_ms");
  return options;
}

http::IngressServer::Options adminOptions(const Poco::Util::AbstractConfiguration& core) {
  http::IngressServer::Options options = serverOptions(core);
  options.bind = core.getRawString("admin.bind");
  options.port = static_cast<uint16_t>(core.getInt("admin.port"));
  options.threads = 4;
  return options;
}

plugin_host::ConfigEntries toEntries(const config::FlatValues& values) {
  return plugin_host::ConfigEntries(values.begin(), values.end());
}

} // namespace

Gateway::Gateway(std::string config_path) : config_path_(std::move(config_path)) {}

Gateway::~Gateway() {
  stop();
}

Status Gateway::start() {
  HOTLINE_RETURN_IF_ERROR(loadConfig());
  log::configure(logOptions(*config_->core));
  roles_ = entryRolesOf(config_->connectors, config_->mapping_params);
  Result<std::unique_ptr<PipelineRuntime>> pipeline =
      PipelineRuntime::start(*config_->core, roles_);
  if (!pipeline) {
    return pipeline.status();
  }
  pipeline_ = std::move(pipeline).value();
  if (Status folders = checkMappingFolders(roles_, pipeline_->mappings()); !folders.isOk()) {
    stop();
    return folders;
  }
  // The peers' server comes last: once /healthz answers, everything else is ready too.
  for (auto step : {&Gateway::startConnectors, &Gateway::startDelivery, &Gateway::startAdmin,
                    &Gateway::startServer}) {
    Status started = (this->*step)();
    if (!started.isOk()) {
      stop();
      return started;
    }
  }
  log::info("app", "gateway started",
            {{"config", config_path_},
             {"node_id", config_->core->getRawString("gateway.node_id")},
             {"role", config_->core->getRawString("gateway.role")},
             {"port", std::to_string(port())},
             {"admin_port", std::to_string(adminPort())},
             {"connectors", std::to_string(connectors_.size())}});
  return Status::ok();
}

Result<size_t> Gateway::reloadMappings(const std::string& actor) {
  if (pipeline_ == nullptr) {
    return failedPrecondition("the gateway is not running");
  }
  return pipeline_->reloadMappings(actor);
}

Status Gateway::loadConfig() {
  loadPlugins(peekPluginLocations(config_path_), registry_);
  Result<config::GatewayConfig> loaded = config::loadGatewayConfig(
      config_path_, [this](const std::string& type) { return registry_.configTable(type); },
      registry_.types());
  if (!loaded) {
    return loaded.status();
  }
  config_ = std::move(loaded).value();
  return Status::ok();
}

Status Gateway::startConnectors() {
  plugin_host::HostServices services{router_, pipeline_->submitter(), pipeline_->store(),
                                     pipeline_->auditSink(), pipeline_->linkSink()};
  services.units_by_instance = roles_.scoped_units;
  for (const config::ConnectorInstanceConfig& entry : config_->connectors) {
    if (!entry.enabled) {
      log::info("app", "connector disabled", {{"instance", entry.name}});
      continue;
    }
    Result<std::unique_ptr<plugin_host::ConnectorInstance>> instance =
        plugin_host::ConnectorInstance::create(registry_.find(entry.type), entry.name,
                                               toEntries(entry.values), services);
    if (!instance) {
      return instance.status();
    }
    connectors_.push_back(std::move(instance).value());
    HOTLINE_RETURN_IF_ERROR(connectors_.back()->start());
  }
  return Status::ok();
}

// Every connector instance is a delivery target on the downlink, reached by its name.
Status Gateway::startDelivery() {
  unit_router_ = std::make_unique<downlink::UnitRouter>(roles_.instances_by_unit);
  HOTLINE_RETURN_IF_ERROR(
      pipeline_->addTarget(std::make_shared<downlink::UnroutedTarget>(*unit_router_)));
  ticket_attributes_ = std::make_unique<downlink::StoreTicketAttributes>(pipeline_->store());
  for (const auto& connector : connectors_) {
    auto folder = roles_.mapping_folders.find(connector->name());
    auto params = roles_.mapping_params.find(connector->name());
    peers_.push_back(std::make_unique<InstancePeer>(
        *connector, connector->plugin().type(),
        folder == roles_.mapping_folders.end() ? "" : folder->second,
        params == roles_.mapping_params.end() ? mapping::MappingParams() : params->second));
    auto target = std::make_shared<downlink::ConnectorTarget>(
        *peers_.back(), pipeline_->outboundMapper(), kDeliveryWorkersPerConnector,
        ticket_attributes_.get());
    connector_targets_.push_back(target);
    HOTLINE_RETURN_IF_ERROR(pipeline_->addTarget(target));
  }
  return pipeline_->startDelivery();
}

Status Gateway::startServer() {
  HOTLINE_RETURN_IF_ERROR(http::registerHealthEndpoint(router_, [this] { return healthReport(); }));
  const std::string token = config_->core->getRawString("core_platform.outbound_token", "");
  if (!token.empty()) {
    OutboundEndpointOptions outbound{token,
                                     {},
                                     unit_router_.get(),
                                     roles_.escalations,
                                     {roles_.sync.begin(), roles_.sync.end()}};
    for (const auto& connector : connectors_) {
      outbound.instances.insert(connector->name());
    }
    HOTLINE_RETURN_IF_ERROR(
        registerOutboundEndpoint(router_, pipeline_->submitter(), std::move(outbound)));
  }
  server_ = std::make_unique<http::IngressServer>(router_, serverOptions(*config_->core));
  return server_->start();
}

Status Gateway::startAdmin() {
  const auto& core = *config_->core;
  if (!core.getBool("admin.enabled")) {
    return Status::ok();
  }
  Result<std::string> token = admin::ensureAdminToken(core.getRawString("admin.token", ""),
                                                      core.getRawString("admin.token_file"));
  if (!token) {
    return token.status();
  }
  HOTLINE_RETURN_IF_ERROR(
      http::registerHealthEndpoint(admin_router_, [this] { return healthReport(); }));
  admin::AdminServices services{pipeline_->store(),
                                pipeline_.get(),
                                [this] { return metricsText(); },
                                [this] { return pipeline_->readiness(); },
                                *token,
                                [this](const std::string& actor) { return reloadMappings(actor); }};
  HOTLINE_RETURN_IF_ERROR(admin::registerAdminApi(admin_router_, services));
  admin_server_ = std::make_unique<http::IngressServer>(admin_router_, adminOptions(core));
  return admin_server_->start().withContext("admin API");
}

http::HealthReport Gateway::healthReport() {
  http::HealthReport report;
  report.healthy = true;
  for (const auto& connector : connectors_) {
    plugin::Health health = connector->health();
    const char* state = health.state == plugin::Health::State::Healthy    ? "healthy"
                        : health.state == plugin::Health::State::Degraded ? "degraded"
                                                                          : "down";
    report.components.push_back({"connector:" + connector->name(), state, health.detail});
    if (health.state == plugin::Health::State::Down) {
      report.healthy = false;
    }
  }
  return report;
}

std::string Gateway::metricsText() {
  metrics::PrometheusText out;
  out.family("hotline_up", "gauge", "1 while the gateway runs.");
  out.sample({}, 1);
  pipeline_->renderMetrics(out);
  return out.text();
}

void Gateway::stop() {
  auto grace = std::chrono::milliseconds(
      config_ ? config_->core->getInt("http.shutdown_grace_ms", 10000) : 10000);
  auto deadline = std::chrono::steady_clock::now() + grace;
  if (server_) {
    server_->stop(); // stops accepting, finishes in-flight requests
    server_.reset();
  }
  if (admin_server_) {
    admin_server_->stop();
    admin_server_.reset();
  }
  // Delivery first: in-flight deliveries through connectors finish while they still run.
  if (pipeline_) {
    pipeline_->stopDelivery(deadline);
  }
  for (const auto& target : connector_targets_) {
    target->stop();
  }
  while (!connectors_.empty()) { // reverse start order; they may still submit while draining
    connectors_.back()->stop();
    connectors_.pop_back();
  }
  if (pipeline_) {
    pipeline_->stop(deadline);
    pipeline_.reset();
  }
  connector_targets_.clear();
  peers_.clear();
  unit_router_.reset();
}

uint16_t Gateway::port() const {
  return server_ ? server_->port() : 0;
}
uint16_t Gateway::adminPort() const {
  return admin_server_ ? admin_server_->port() : 0;
}

} // namespace hotline::app
