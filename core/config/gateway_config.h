#pragma once
// Loading config/gateway.json: the core sections, validated against their tables (see
// core_sections.h) and exposed through POCO Util's AbstractConfiguration, and the connector
// instances, each validated against its connector type's table with secrets resolved.
//
// Everything wrong with a file is reported at once: the Status message starts with the file
// path and lists one error per line, sorted by key path (see toStatus in config_error.h).
//
// POCO's JSONConfiguration is not used to read the file because it cannot report wrong
// types, duplicate or unknown keys; the validated values are copied into a MapConfiguration
// instead, so the runtime still reads them the POCO way: cfg.core->getInt("http.port").

#include <functional>
#include <string>
#include <vector>

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>

#include "core/config/config_error.h"
#include "core/config/config_table.h"
#include "core/config/mapping_params.h"
#include "core/config/secret_resolver.h"
#include "hotline/status.h"

namespace hotline::config {

struct ConnectorInstanceConfig {
  std::string name;
  std::string type;
  std::string library; // empty: the type is found in the plugin directories
  bool enabled = true;
  std::vector<std::string> units; // downlink routing: the unit codes it serves
  bool escalations = false;       // receives escalations 上报 posted without named targets
  bool sync = false; // a peer hotline platform: later actions on tickets exchanged with it follow
  std::string mappings; // mapping folder used after the instance's own, before the type's
  // Values of the `param` fields of the mappings the instance uses (name -> value).
  MappingParamValues mapping_params;
  // The instance's `config` block, validated, defaults applied, secrets resolved. A disabled
  // instance's secrets are not read (its credentials may not exist on this host): its secret
  // keys are absent from `values` and listed in `secrets` only.
  FlatValues values;
  SecretSources secrets; // which keys of `values` are secrets, and where they came from
};

struct GatewayConfig {
  std::string source_path;
  // Every core key, defaults included, as text: "http.port" -> "8080", "plugins.dirs" ->
  // "[]" (a JSON array; see parseStringList). Read it with getRawString() when a value may
  // contain "${...}", which getString() would expand.
  Poco::AutoPtr<Poco::Util::MapConfiguration> core;
  SecretSources core_secrets; // core keys that are secrets (none are declared yet)
  std::vector<ConnectorInstanceConfig> connectors;
  // mappings.params: parameters every instance gives its mappings, under its own.
  MappingParamValues mapping_params;
};

// The connector type's table, or nullptr when no plugin provides that type. Supplied by the
// plugin host; the tables must outlive the call.
using ConnectorTableLookup = std::function<const ConfigTable*(const std::string& type)>;

// Reads, validates and resolves the file at `path`. `known_types`, when given, is listed in
// the error for an unknown connector type. Errors: NotFound when the file does not exist,
// InvalidArgument for everything else ("path:line:column: reason" for JSON syntax).
Result<GatewayConfig> loadGatewayConfig(const std::string& path, const ConnectorTableLookup& lookup,
                                        const std::vector<std::string>& known_types = {});

// The same on text already in memory; `source` names it in messages and in source_path.
Result<GatewayConfig> parseGatewayConfig(std::string_view text, const std::string& source,
                                         const ConnectorTableLookup& lookup,
                                         const std::vector<std::string>& known_types = {});

// Where the plugins this file needs are, read before the plugins are loaded (their tables
// are needed to validate the rest): plugins.dirs and every entry's `library`. Only these
// parts are checked here; loadGatewayConfig reports everything else afterwards.
struct PluginLocations {
  std::vector<std::string> dirs;
  std::vector<std::string> libraries;
};
Result<PluginLocations> readPluginLocations(const std::string& path);

// The elements of a StringList value's text (["a","b"]).
Result<std::vector<std::string>> parseStringList(std::string_view json_array_text);

} // namespace hotline::config
