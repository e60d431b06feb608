#pragma once
// The declared tables of the gateway's own config sections (the top-level objects of
// config/gateway.json) and of one entry of its `connectors` array. Each table is built once
// and lives for the whole process.

#include <vector>

#include "core/config/config_table.h"

namespace hotline::config {

const ConfigTable& gatewaySectionTable(); // "gateway": node identity and region codes
const ConfigTable& httpSectionTable();    // "http": ingress and admin HTTP server
const ConfigTable& storeSectionTable();   // "store": storage engine
const ConfigTable& logSectionTable();     // "log": level and destination
const ConfigTable& pluginsSectionTable(); // "plugins": where connector plugins are found

// One element of the top-level "connectors" array; its `config` member is checked against
// the connector type's own table.
const ConfigTable& connectorEntryTable();

// The five sections above, in file order; the loader validates the top-level objects of
// the same names against them.
const std::vector<ConfigTable>& coreSectionTables();

// Everything `hotline-gateway describe core` prints: the sections, then the connector entry.
std::vector<ConfigTable> coreTables();

} // namespace hotline::config
