#include "core/app/cli.h"

#include "core/app/admin_commands.h"
#include "core/app/gateway.h"
#include "core/app/mapping_command.h"
#include "core/app/plugin_locations.h"
#include "core/app/signals.h"
#include "core/config/config_reference.h"
#include "core/config/core_sections.h"
#include "core/config/gateway_config.h"
#include "core/log/log.h"

#include <csignal>
#include <ostream>

namespace hotline::app {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr const char* kDefaultConfig = "config/gateway.json";

constexpr const char* kUsage =
    "usage: hotline-gateway <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  run [--config FILE]            start the gateway (default config/gateway.json)\n"
    "  config check FILE              validate a config file and report every error\n"
    "  describe CONNECTOR|core [--config FILE]\n"
    "                                 print the config table of a connector type or the core\n"
    "  mapping test MAPPING INPUT [--expect FILE] [--explain] [--codes DIR]\n"
    "               [--param NAME=VALUE]...\n"
    "                                 run a mapping file on one payload, print the result\n"
    "  dlq list [--target NAME]|show ID|replay ID|discard ID [--reason R]\n"
    "  dlq replay --target NAME|--all [--limit N]\n"
    "                                 dead letters of a running gateway (admin API)\n"
    "  audit list [--ticket ID] | audit verify [--db FILE]\n"
    "                                 the audit trail; verify checks the hash chain\n"
    "  trace TICKET_ID                a ticket's whole path across systems\n"
    "  version                        print the version and the plugin ABI it speaks\n"
    "  help                           print this text\n"
    "\n"
    "dlq, audit and trace take --config FILE (default config/gateway.json), --admin HOST:PORT\n"
    "and --token-file FILE; HOTLINE_ADMIN_TOKEN overrides the token.\n";

// Value of "--config FILE" in args[from...], or `fallback`.
std::string configOption(const std::vector<std::string>& args, size_t from,
                         const std::string& fallback) {
  for (size_t i = from; i + 1 < args.size(); ++i) {
    if (args[i] == "--config") {
      return args[i + 1];
    }
  }
  return fallback;
}

void loadRegistry(const std::string& config_path, plugin_host::PluginRegistry& registry) {
  loadPlugins(peekPluginLocations(config_path), registry);
}

Result<config::GatewayConfig> validate(const std::string& path,
                                       const plugin_host::PluginRegistry& registry) {
  return config::loadGatewayConfig(
      path, [&registry](const std::string& type) { return registry.configTable(type); },
      registry.types());
}

int configCheck(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() < 3) {
    err << "config check: missing FILE\n\n" << kUsage;
    return kExitUsage;
  }
  const std::string& path = args[2];
  plugin_host::PluginRegistry registry;
  loadRegistry(path, registry);
  Result<config::GatewayConfig> loaded = validate(path, registry);
  if (!loaded) {
    err << loaded.status().message() << "\n";
    return kExitUsage;
  }
  out << path << ": ok (" << loaded->connectors.size() << " connector instance"
      << (loaded->connectors.size() == 1 ? "" : "s") << ")\n";
  return kExitOk;
}

int describe(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() < 2) {
    err << "describe: missing CONNECTOR (or \"core\")\n\n" << kUsage;
    return kExitUsage;
  }
  const std::string& what = args[1];
  if (what == "core") {
    for (const config::ConfigTable& table : config::coreTables()) {
      out << config::describeTable(table) << "\n";
    }
    return kExitOk;
  }
  plugin_host::PluginRegistry registry;
  loadRegistry(configOption(args, 2, ""), registry);
  std::shared_ptr<plugin_host::PluginLibrary> plugin = registry.find(what);
  if (plugin == nullptr) {
    err << "describe: no connector type \"" << what << "\" in the plugin directories (found:";
    for (const auto& type : registry.types()) {
      err << " " << type;
    }
    err << ")\n";
    return kExitUsage;
  }
  out << "connector " << plugin->type() << " " << plugin->version() << " (ABI "
      << plugin->abiMajor() << "." << plugin->abiMinor() << ", " << plugin->path() << ")\n";
  out << config::describeTable(plugin->configTable());
  return kExitOk;
}

int run(const std::vector<std::string>& args, std::ostream& err) {
  // Before any thread exists, so that every thread inherits the blocked mask.
  blockGatewaySignals();
  Gateway gateway(configOption(args, 1, kDefaultConfig));
  Status started = gateway.start();
  if (!started.isOk()) {
    err << "hotline-gateway: not started: " << started.message() << "\n";
    return started.code() == StatusCode::InvalidArgument ? kExitUsage : kExitFailure;
  }
  int signal_number = waitForGatewaySignal();
  while (signal_number == SIGHUP) {
    // The outcome is logged and audited by the reload itself; the gateway serves on either way.
    (void)gateway.reloadMappings("signal:SIGHUP");
    signal_number = waitForGatewaySignal();
  }
  log::info("app", "termination signal received, shutting down",
            {{"signal", std::to_string(signal_number)}});
  gateway.stop();
  return kExitOk;
}

} // namespace

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    (args.empty() ? err : out) << kUsage;
    return args.empty() ? kExitUsage : kExitOk;
  }
  const std::string& command = args[0];
  if (command == "run") {
    return run(args, err);
  }
  // Commands other than run print their results; only problems belong in their log.
  log::configure(log::Options{log::Level::Warn, ""});
  if (command == "config" && args.size() >= 2 && args[1] == "check") {
    return configCheck(args, out, err);
  }
  if (command == "describe") {
    return describe(args, out, err);
  }
  if (command == "mapping") {
    return runMappingCommand(args, out, err);
  }
  if (command == "dlq") {
    return runDlqCommand(args, out, err);
  }
  if (command == "audit") {
    return runAuditCommand(args, out, err);
  }
  if (command == "trace") {
    return runTraceCommand(args, out, err);
  }
  if (command == "version") {
    out << "hotline-gateway " << HOTLINE_VERSION << " (plugin ABI " << HL_ABI_MAJOR << "."
        << HL_ABI_MINOR << ")\n";
    return kExitOk;
  }
  err << "unknown command \"" << command << "\"\n\n" << kUsage;
  return kExitUsage;
}

} // namespace hotline::app
