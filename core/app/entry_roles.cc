#include "core/app/entry_roles.h"

#include "core/config/mapping_params.h"

#include <filesystem>

namespace hotline::app {

namespace {

mapping::MappingParams mappingParamsOf(const config::ConnectorInstanceConfig& entry,
                                       const config::MappingParamValues& gateway_params) {
  mapping::MappingParams params = gateway_params;
  for (const auto& [key, value] : entry.values) {
    // A secret never reaches a mapping, whose output goes to a peer and into the store.
    if (entry.secrets.count(key) == 0 && config::isMappingParamName(key)) {
      params[key] = value;
    }
  }
  for (const auto& [name, value] : entry.mapping_params) {
    params[name] = value;
  }
  return params;
}

} // namespace

EntryRoles entryRolesOf(const std::vector<config::ConnectorInstanceConfig>& entries,
                        const config::MappingParamValues& gateway_params) {
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
    roles.types[entry.name] = entry.type;
    roles.mapping_params[entry.name] = mappingParamsOf(entry, gateway_params);
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

namespace {

// Problems of one instance: each parameter one of `plans` reads that `given` lacks.
void missingParams(const std::string& instance,
                   const std::vector<std::shared_ptr<const mapping::Plan>>& plans,
                   const mapping::MappingParams& given, std::string& problems) {
  for (const auto& plan : plans) {
    for (const std::string& param : plan->params()) {
      if (given.count(param) == 0) {
        problems += (problems.empty() ? "" : "\n") +
                    ("connector instance " + instance + ": mapping " + plan->file() +
                     " reads the parameter \"" + param +
                     "\", which the instance does not give (set it in mappings.params or the "
                     "entry's mapping_params)");
      }
    }
  }
}

} // namespace

Status checkMappingParams(const EntryRoles& roles, const mapping::MappingSet& mappings) {
  std::string problems;
  const mapping::MappingParams none;
  for (const auto& [instance, type] : roles.types) {
    const auto given = roles.mapping_params.find(instance);
    const auto entry_folder = roles.mapping_folders.find(instance);
    std::set<std::string> folders{instance, type};
    if (entry_folder != roles.mapping_folders.end()) {
      folders.insert(entry_folder->second);
    }
    for (const std::string& folder : folders) {
      missingParams(instance, mappings.plansIn(folder),
                    given == roles.mapping_params.end() ? none : given->second, problems);
    }
  }
  return problems.empty() ? Status::ok() : invalidArgument(problems);
}

} // namespace hotline::app
