#pragma once
// Text for people: the reference of a declared table (`hotline-gateway describe <connector>`,
// `describe core`) and the effective configuration a gateway runs with (secrets masked).

#include <string>
#include <vector>

#include "core/config/config_table.h"
#include "core/config/gateway_config.h"

namespace hotline::config {

// One block per table:
//   [http] The HTTP server that carries connector endpoints and the admin API.
//     port             integer      default 8080; range 0..65535
//         TCP port to listen on; 0 picks a free port.
// Each key shows its type, then "required" or its default ("no default" when it has none),
// its range or allowed values, and its doc on the next line.
std::string describeTable(const ConfigTable& table);

// The tables one after another, separated by a blank line.
std::string describeTables(const std::vector<ConfigTable>& tables);

// Every effective value, one "key = value" per line: the core keys in table order, then each
// connector instance with its own values in key order. Secret values are never printed;
// their keys show "<secret from env:NAME>" (or file:PATH) instead.
std::string renderEffectiveConfig(const GatewayConfig& config);

} // namespace hotline::config
