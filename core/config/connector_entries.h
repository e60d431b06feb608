#pragma once
// Internal to the loader: the top-level "connectors" array, entry by entry.

#include <string>
#include <vector>

#include <rapidjson/fwd.h>

#include "core/config/gateway_config.h"

namespace hotline::config {

struct ConnectorTypes {
  const ConnectorTableLookup& lookup;
  const std::vector<std::string>& known; // for the unknown-type message; may be empty
};

// Validates each entry against connectorEntryTable(), its name (pattern, uniqueness), its
// type (known to `types`) and its `config` block against that type's table, and resolves
// the secrets of enabled entries. Problems are appended to `errors` ("connectors[1].name").
std::vector<ConnectorInstanceConfig> loadConnectorEntries(const rapidjson::Value& entries,
                                                          const ConnectorTypes& types,
                                                          ConfigErrors& errors);

// [a-z0-9][a-z0-9_-]{0,62}: safe in URLs (/connectors/<name>/), metric labels and file names.
bool isInstanceName(std::string_view name);

} // namespace hotline::config
