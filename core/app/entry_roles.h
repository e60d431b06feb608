#pragma once
// What the connector entries of the config tell the core about the enabled instances, beyond
// the instances themselves: who serves which units, who takes escalations, which are peer
// platforms, which mapping folder each uses. Gathered once at start, read by the pipeline,
// the downlink and the outbound endpoint.

#include "core/config/gateway_config.h"
#include "core/mapping/mapping_set.h"
#include "hotline/status.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace hotline::app {

struct EntryRoles {
  // unit code -> the instances serving it ("units"): routing by unit on the downlink.
  std::map<std::string, std::vector<std::string>> instances_by_unit;
  // instance -> its units, for departments only (not "sync"): they act only on what they hold.
  std::map<std::string, std::vector<std::string>> scoped_units;
  std::vector<std::string> escalations;               // "escalations": true
  std::set<std::string> sync;                         // "sync": true (peer platforms)
  std::map<std::string, std::string> mapping_folders; // "mappings"
  std::map<std::string, std::string> types;           // instance -> its connector type
  // instance -> what its mappings' `param` fields read: mappings.params, the non-secret values
  // of its `config` block over them (e.g. an exchange link's "system" and "role"), then its
  // "mapping_params" over those.
  std::map<std::string, mapping::MappingParams> mapping_params;
};

// `gateway_params`: mappings.params, which every instance gives under its own.
EntryRoles entryRolesOf(const std::vector<config::ConnectorInstanceConfig>& entries,
                        const config::MappingParamValues& gateway_params = {});

// A misspelt "mappings" would silently fall back to the type's files: refused at start, naming
// the instance and the folder. `mappings` is null when mappings.dir does not exist.
Status checkMappingFolders(const EntryRoles& roles, const mapping::MappingSet* mappings);

// Every parameter a mapping reads must be given for each instance that may use it (the
// instance's folder, its "mappings" folder, its type's): otherwise its messages would fail one
// by one at run time. InvalidArgument lists each instance, mapping file and parameter missing.
Status checkMappingParams(const EntryRoles& roles, const mapping::MappingSet& mappings);

} // namespace hotline::app
