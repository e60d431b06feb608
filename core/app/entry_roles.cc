#include "core/app/entry_roles.h"

#include <filesystem>

namespace hotline::app {

EntryRoles entryRolesOf(const std::vector<config::ConnectorInstanceConfig>& entries) {
  EntryRoles roles;
  for (const config::ConnectorInstanceConfig& entry : entries) {
    if (!entry.enabled) {
      continue;
    }
    for (const std::string& unit : entry.units) {
      roles.instances_by_unit[unit].push_back(entry.name);
    }
    // A department's instance is scoped to its units; a peer platform's (sync) is not: it acts
    // on the tickets it sent as well as on those dispatched down to it.
    if (!entry.units.empty() && !entry.sync) {
      roles.scoped_units[entry.name] = entry.units;
    }
    if (entry.escalations) {
      roles.escalations.push_back(entry.name);
    }
    if (entry.sync) {
      roles.sync.insert(entry.name);
    }
    if (!entry.mappings.empty()) {
      roles.mapping_folders[entry.name] = entry.mappings;
    }
  }
  return roles;
}

Status checkMappingFolders(const EntryRoles& roles, const mapping::MappingSet* mappings) {
  for (const auto& [instance, name] : roles.mapping_folders) {
    const std::string where = "connector instance " + instance + ": mappings \"" + name + "\"";
    if (mappings == nullptr) {
      return invalidArgument(where + " names a mapping folder, but mappings.dir does not exist");
    }
    const std::filesystem::path folder = std::filesystem::path(mappings->directory()) / name;
    std::error_code error;
    if (name.find('/') != std::string::npos || !std::filesystem::is_directory(folder, error)) {
      return invalidArgument(where + ": no folder " + folder.string());
    }
  }
  return Status::ok();
}

} // namespace hotline::app
