#include "core/app/gateway.h"

#include "core/app/plugin_locations.h"
#include "core/http/health_endpoint.h"
#include "core/log/log.h"
#include "core/pipeline/memory_submitter.h"

namespace hotline::app {
namespace {

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

plugin_host::ConfigEntries toEntries(const config::FlatValues& values) {
  return plugin_host::ConfigEntries(values.begin(), values.end());
}

} // namespace

Gateway::Gateway(std::string config_path) : config_path_(std::move(config_path)) {}

Gateway::~Gateway() { stop(); }

Status Gateway::start() {
  HOTLINE_RETURN_IF_ERROR(loadConfig());
  log::configure(logOptions(*config_->core));
  state_ = std::make_unique<store::MemoryStateStore>();
  submitter_ = std::make_unique<pipeline::MemorySubmitter>();
  Status connectors = startConnectors();
  if (!connectors.isOk()) {
    stop();
    return connectors;
  }
  Status server = startServer();
  if (!server.isOk()) {
    stop();
    return server;
  }
  log::info("app", "gateway started",
            {{"config", config_path_},
             {"node_id", config_->core->getRawString("gateway.node_id")},
             {"role", config_->core->getRawString("gateway.role")},
             {"port", std::to_string(port())},
             {"connectors", std::to_string(connectors_.size())}});
  return Status::ok();
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
  plugin_host::HostServices services{router_, *submitter_, *state_};
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

Status Gateway::startServer() {
  HOTLINE_RETURN_IF_ERROR(http::registerHealthEndpoint(router_, [this] { return healthReport(); }));
  server_ = std::make_unique<http::IngressServer>(router_, serverOptions(*config_->core));
  return server_->start();
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

void Gateway::stop() {
  if (server_) {
    server_->stop(); // stops accepting, finishes in-flight requests
    server_.reset();
  }
  while (!connectors_.empty()) { // reverse start order
    connectors_.back()->stop();
    connectors_.pop_back();
  }
}

uint16_t Gateway::port() const { return server_ ? server_->port() : 0; }

} // namespace hotline::app
