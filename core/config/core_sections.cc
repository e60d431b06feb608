#include "core/config/core_sections.h"

#include <string>
#include <utility>

namespace hotline::config {
namespace {

// Aggregate initialisation would name all eight members of ConfigKey for every key (GCC
// warns about any left out), so each kind of key gets a small builder instead.
ConfigKey makeKey(std::string key, ConfigType type, std::string doc) {
  ConfigKey k;
  k.key = std::move(key);
  k.type = type;
  k.doc = std::move(doc);
  return k;
}

ConfigKey stringKey(std::string key, std::string default_value, std::string doc) {
  ConfigKey k = makeKey(std::move(key), ConfigType::String, std::move(doc));
  k.default_value = std::move(default_value);
  return k;
}

ConfigKey requiredKey(std::string key, ConfigType type, std::string doc) {
  ConfigKey k = makeKey(std::move(key), type, std::move(doc));
  k.required = true;
  return k;
}

ConfigKey integerKey(std::string key, long long default_value, long long min, long long max,
                     std::string doc) {
  ConfigKey k = makeKey(std::move(key), ConfigType::Integer, std::move(doc));
  k.default_value = std::to_string(default_value);
  k.min = static_cast<double>(min);
  k.max = static_cast<double>(max);
  return k;
}

ConfigKey booleanKey(std::string key, bool default_value, std::string doc) {
  ConfigKey k = makeKey(std::move(key), ConfigType::Boolean, std::move(doc));
  k.default_value = default_value ? "true" : "false";
  return k;
}

ConfigKey enumKey(std::string key, std::string default_value, std::vector<std::string> allowed,
                  std::string doc) {
  ConfigKey k = makeKey(std::move(key), ConfigType::Enum, std::move(doc));
  k.default_value = std::move(default_value);
  k.allowed = std::move(allowed);
  return k;
}

ConfigKey stringListKey(std::string key, std::string doc) {
  ConfigKey k = makeKey(std::move(key), ConfigType::StringList, std::move(doc));
  k.default_value = "[]";
  return k;
}

ConfigTable buildGateway() {
  return {"gateway",
          "Identity of this gateway node and its place among county, city and province.",
          {stringKey("node_id", "yucheng-county",
                     "Name of this gateway node in logs, audit records and links to peers."),
           enumKey("role", "county", {"county", "city", "province"},
                   "Level this gateway serves; a county escalates to its city, a city to its "
                   "province."),
           stringKey("region_code", "411425",
                     "Administrative division code (GB/T 2260) of the area served here."),
           stringKey("city_code", "411400",
                     "Division code of the city above this area, where escalations go."),
           stringKey("province_code", "410000",
                     "Division code of the province, the top of the escalation chain.")}};
}

ConfigTable buildHttp() {
  return {"http",
          "The HTTP server that carries connector endpoints and the admin API.",
          {stringKey("bind", "127.0.0.1",
                     "Address to listen on; loopback by default so nothing is exposed by "
                     "accident."),
           integerKey("port", 8080, 0, 65535, "TCP port to listen on; 0 picks a free port."),
           integerKey("max_body_bytes", 1048576, 1024, 67108864,
                      "Largest request body accepted; a larger one is refused with 413 unread."),
           integerKey("threads", 16, 1, 256, "Worker threads that serve requests."),
           integerKey("max_queued", 256, 1, 65536,
                      "Connections that may wait for a worker before new ones are refused."),
           booleanKey("keep_alive", true, "Whether connections stay open between requests."),
           integerKey("shutdown_grace_ms", 10000, 0, 600000,
                      "How long shutdown waits for in-flight requests and deliveries.")}};
}

ConfigTable buildStore() {
  return {"store",
          "Where tickets, events, the outbox and the audit chain are kept.",
          {enumKey("driver", "sqlite", {"sqlite"},
                   "Storage engine; PostgreSQL is planned for several gateways sharing one "
                   "database."),
           stringKey("path", "var/gateway.db",
                     "SQLite database file, relative to the working directory unless "
                     "absolute."),
           integerKey("max_size_mb", 0, 0, 16777216,
                      "Largest the database file may grow, in MiB (its -wal file beside it "
                      "adds up to ~4 MiB more); 0: no limit but the disk. At the limit the "
                      "store refuses writes as on a full disk: new messages are answered 503, "
                      "nothing acknowledged is lost, /readyz reports the store down, and a "
                      "restart with a higher limit resumes. Keeps the gateway from filling a "
                      "disk it shares."),
           integerKey("keep_payloads_days", 0, 0, 36500,
                      "Days a stored payload is kept; 0: for ever. Older raw messages and the "
                      "bodies of delivered or discarded outbox rows are emptied hourly (each "
                      "ticket's newest snapshot, and anything pending or dead-lettered, "
                      "stays); rows, keys, links and the audit chain stay, and each pass is "
                      "audited as \"purged\". Raw payloads hold citizens' personal data.")}};
}

ConfigTable buildAdmin() {
  ConfigKey token = makeKey("token", ConfigType::Secret,
                            "Bearer token of the admin API (env:NAME or file:PATH); when unset, "
                            "the gateway generates one into token_file at start.");
  return {"admin",
          "The admin API (dead letters, audit, traces, metrics), on its own port.",
          {booleanKey("enabled", true, "Whether the admin API is served."),
           stringKey("bind", "127.0.0.1", "Address to listen on; loopback by default."),
           integerKey("port", 8081, 0, 65535, "TCP port of the admin API; 0 picks a free port."),
           token,
           stringKey("token_file", "var/admin.token",
                     "Where a generated token is written (mode 0600) for the CLI to read.")}};
}

ConfigTable buildAudit() {
  return {"audit",
          "The append-only, hash-chained audit trail.",
          {enumKey("algorithm", "sha256", {"sha256", "sm3"},
                   "Hash of the chain: SHA-256, or SM3 (GB/T 32905) where national algorithms "
                   "are required.")}};
}

ConfigTable buildCorePlatform() {
  return {"core_platform",
          "The hotline's core platform, where every accepted ticket and event is delivered.",
          {stringKey("base_url", "http://127.0.0.1:8090",
                     "Base URL of the core platform API (the simulator: hotline-sim core)."),
           integerKey("timeout_ms", 10000, 100, 600000, "Total time allowed for one request."),
           integerKey("connect_timeout_ms", 2000, 50, 60000, "Time allowed to connect."),
           booleanKey("bulk", true,
                      "Send many tickets' heads in one POST /api/v1/bulk instead of one request "
                      "each."),
           integerKey("max_batch", 200, 1, 5000, "Most items in one bulk request."),
           integerKey("max_in_flight", 4, 1, 256, "Concurrent requests to the core platform."),
           makeKey("outbound_token", ConfigType::Secret,
                   "Bearer token the core platform presents on the downlink (POST "
                   "/v1/outbound/tickets and /v1/outbound/events; env:NAME or file:PATH). "
                   "Unset: the downlink entry is not served.")}};
}

ConfigTable buildDelivery() {
  return {"delivery",
          "Retry, backoff and circuit breaking of outbox deliveries (to every target).",
          {integerKey("max_attempts", 100, 1, 1000000,
                      "Attempts before a retryable failure is dead-lettered."),
           integerKey("backoff_base_ms", 500, 1, 3600000, "First retry delay (before jitter)."),
           integerKey("backoff_max_ms", 300000, 1, 86400000, "Longest retry delay."),
           integerKey("breaker_failures", 5, 1, 1000,
                      "Consecutive failures that open a target's circuit breaker."),
           integerKey("breaker_cooldown_ms", 5000, 10, 3600000,
                      "How long an open breaker waits before one probe request.")}};
}

ConfigTable buildMappings() {
  return {"mappings",
          "Declarative payload mappings and code tables (mappings/README.md).",
          {stringKey("dir", "mappings",
                     "Directory of mapping files (<connector>/<kind>.json) and code tables "
                     "(codes/); relative paths are taken from the working directory. A "
                     "directory that does not exist means no mappings: connectors then submit "
                     "canonical JSON. Reloaded on SIGHUP and POST /admin/v1/mappings/reload."),
           makeKey("params", ConfigType::Object,
                   "Mapping parameters every connector instance gives its mappings (their "
                   "`param` fields and [key=$name] selectors), under the instance's own "
                   "settings and mapping_params: e.g. {\"hotline_system\": \"yucheng-12345\"}, "
                   "the system this hotline's own ticket numbers are known by.")}};
}

ConfigTable buildLog() {
  return {"log",
          "Structured logging (one JSON line per event, personal data masked).",
          {enumKey("level", "info", {"trace", "debug", "info", "warn", "error"},
                   "Lowest level that is written."),
           stringKey("path", "", "File the log is appended to; empty writes to standard error.")}};
}

ConfigTable buildPlugins() {
  return {"plugins",
          "Where connector plugins (shared libraries) are looked for.",
          {stringListKey("dirs", "Extra directories searched for connector plugin libraries.")}};
}

ConfigTable buildConnectorEntry() {
  return {
      "connectors",
      "One entry of the top-level \"connectors\" array: an instance of a connector type.",
      {requiredKey("name", ConfigType::String,
                   "Instance name, unique in the file, [a-z0-9][a-z0-9_-]{0,62}; used in URLs "
                   "and metrics."),
       requiredKey("type", ConfigType::String,
                   "Connector type, e.g. example; `hotline-gateway describe <type>` lists its "
                   "keys."),
       booleanKey("enabled", true,
                  "Whether the instance runs; a disabled one is still checked, its secrets "
                  "are not read."),
       stringListKey("units",
                     "Unit codes (承办单位) this instance serves on the downlink: a ticket or an "
                     "assignment the core platform posts without X-Hotline-Targets goes to the "
                     "instances of its lead and co-handling units."),
       booleanKey("escalations", false,
                  "Whether this instance receives escalations (上报): a ticket whose status is "
                  "escalated, or an escalated event, that the core platform posts without "
                  "X-Hotline-Targets goes to the instances that have this set (the exchange "
                  "instance of the upper level)."),
       makeKey("mappings", ConfigType::String,
               "Mapping folder (under mappings.dir) this instance uses when it has no folder "
               "of its own, before its type's: e.g. \"department-soap\" for a department "
               "whose system speaks SOAP. Default: the connector type's folder."),
       makeKey("mapping_params", ConfigType::Object,
               "Values for the `param` fields of the mappings this instance uses, e.g. "
               "{\"our_system\": \"yucheng-12345\", \"our_level\": \"county\"}: what "
               "differs from one gateway to the next, so that the shipped mapping files need no "
               "edit. Names: a-z, 0-9 and _, starting with a letter; values: strings. A mapping "
               "that reads a parameter the instance does not give stops the gateway at start."),
       booleanKey("sync", false,
                  "Whether this instance is a peer hotline platform (an exchange link): every "
                  "later action on a ticket received from it or routed to it is sent to it as "
                  "well, whether a department, the core platform or another peer took it."),
       makeKey("library", ConfigType::String,
               "Plugin library that provides the type, when it is not in a plugin "
               "directory."),
       makeKey("config", ConfigType::Object,
               "Settings of this instance, checked against the connector type's own "
               "table.")}};
}

} // namespace

const ConfigTable& gatewaySectionTable() {
  return coreSectionTables()[0];
}
const ConfigTable& httpSectionTable() {
  return coreSectionTables()[1];
}
const ConfigTable& storeSectionTable() {
  return coreSectionTables()[2];
}
const ConfigTable& logSectionTable() {
  return coreSectionTables()[3];
}
const ConfigTable& pluginsSectionTable() {
  return coreSectionTables()[4];
}

const ConfigTable& connectorEntryTable() {
  static const ConfigTable table = buildConnectorEntry();
  return table;
}

const std::vector<ConfigTable>& coreSectionTables() {
  static const std::vector<ConfigTable> tables = {
      buildGateway(), buildHttp(),  buildStore(),        buildLog(),      buildPlugins(),
      buildAdmin(),   buildAudit(), buildCorePlatform(), buildDelivery(), buildMappings()};
  return tables;
}

std::vector<ConfigTable> coreTables() {
  std::vector<ConfigTable> tables = coreSectionTables();
  tables.push_back(connectorEntryTable());
  return tables;
}

} // namespace hotline::config
