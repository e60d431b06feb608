#include "core/config/gateway_config.h"

#include <map>

#include <rapidjson/document.h>

#include "core/config/config_validator.h"
#include "core/config/connector_entries.h"
#include "core/config/core_sections.h"
#include "core/config/json_config_text.h"
#include "core/config/json_value_text.h"
#include "core/config/key_suggestion.h"
#include "core/config/resolved_values.h"
#include "core/config/text_file.h"

namespace hotline::config {
namespace {

// A config file is a few kilobytes; this only stops a wrong path (a log, a database) from
// being read into memory whole.
constexpr size_t kMaxConfigFileBytes = 4 * 1024 * 1024;
constexpr const char* kConnectorsKey = "connectors";

const ConfigTable* findSection(const std::string& name) {
  for (const ConfigTable& table : coreSectionTables()) {
    if (table.name == name) {
      return &table;
    }
  }
  return nullptr;
}

std::vector<std::string> topLevelNames() {
  std::vector<std::string> names;
  for (const ConfigTable& table : coreSectionTables()) {
    names.push_back(table.name);
  }
  names.push_back(kConnectorsKey);
  return names;
}

void reportUnknownTopLevel(const std::string& name, ConfigErrors& errors) {
  std::string message = "unknown key";
  if (std::optional<std::string> suggestion = closestKey(name, topLevelNames())) {
    message += " (did you mean \"" + *suggestion + "\"?)";
  }
  errors.push_back({name, std::move(message)});
}

// The first member of each name; later ones are reported as duplicates.
std::map<std::string, const rapidjson::Value*> topLevelMembers(const rapidjson::Value& root,
                                                               ConfigErrors& errors) {
  std::map<std::string, const rapidjson::Value*> members;
  for (auto member = root.MemberBegin(); member != root.MemberEnd(); ++member) {
    const std::string name(member->name.GetString(), member->name.GetStringLength());
    if (!members.emplace(name, &member->value).second) {
      errors.push_back({name, "duplicate key"});
    } else if (findSection(name) == nullptr && name != kConnectorsKey) {
      reportUnknownTopLevel(name, errors);
    }
  }
  return members;
}

void loadCoreSections(const std::map<std::string, const rapidjson::Value*>& members,
                      GatewayConfig& config, ConfigErrors& errors) {
  const rapidjson::Value empty(rapidjson::kObjectType); // an absent section takes defaults
  for (const ConfigTable& table : coreSectionTables()) {
    const auto member = members.find(table.name);
    const rapidjson::Value& section = member == members.end() ? empty : *member->second;
    ValidatedValues validated = validateObject(section, table, table.name, errors);
    ResolvedValues resolved = resolveSecretValues(std::move(validated), table.name, true, errors);
    for (const auto& [key, value] : resolved.values) {
      config.core->setString(joinPath(table.name, key), value);
    }
    for (const auto& [key, reference] : resolved.secrets) {
      config.core_secrets[joinPath(table.name, key)] = reference;
    }
  }
}

std::vector<std::string> pluginDirs(const rapidjson::Value& root, ConfigErrors& errors) {
  const auto plugins = root.FindMember("plugins");
  if (plugins == root.MemberEnd()) {
    return {};
  }
  const ValidatedValues validated =
      validateObject(plugins->value, pluginsSectionTable(), "plugins", errors);
  const auto dirs = validated.values.find("dirs");
  if (dirs == validated.values.end()) {
    return {};
  }
  Result<std::vector<std::string>> list = parseStringList(dirs->second);
  return list ? std::move(*list) : std::vector<std::string>{};
}

// Every `library` that is a string; the full load reports entries that are malformed.
std::vector<std::string> entryLibraries(const rapidjson::Value& root) {
  std::vector<std::string> libraries;
  const auto entries = root.FindMember(kConnectorsKey);
  if (entries == root.MemberEnd() || !entries->value.IsArray()) {
    return libraries;
  }
  for (const rapidjson::Value& entry : entries->value.GetArray()) {
    if (!entry.IsObject()) {
      continue;
    }
    const auto library = entry.FindMember("library");
    if (library != entry.MemberEnd() && library->value.IsString()) {
      libraries.emplace_back(library->value.GetString(), library->value.GetStringLength());
    }
  }
  return libraries;
}

} // namespace

Result<GatewayConfig> parseGatewayConfig(std::string_view text, const std::string& source,
                                         const ConnectorTableLookup& lookup,
                                         const std::vector<std::string>& known_types) {
  rapidjson::Document document;
  HOTLINE_RETURN_IF_ERROR(parseConfigJson(text, source, document));
  ConfigErrors errors;
  if (!document.IsObject()) {
    errors.push_back({"", "expected a JSON object at the top, got " + describeJsonValue(document)});
    return toStatus(source, std::move(errors));
  }
  GatewayConfig config;
  config.source_path = source;
  config.core = new Poco::Util::MapConfiguration();
  const auto members = topLevelMembers(document, errors);
  loadCoreSections(members, config, errors);
  if (const auto mappings = members.find("mappings");
      mappings != members.end() && mappings->second->IsObject()) {
    if (const auto params = mappings->second->FindMember("params");
        params != mappings->second->MemberEnd()) {
      config.mapping_params = readMappingParams(params->value, "mappings.params", errors);
    }
  }
  if (const auto entries = members.find(kConnectorsKey); entries != members.end()) {
    config.connectors =
        loadConnectorEntries(*entries->second, ConnectorTypes{lookup, known_types}, errors);
  }
  if (!errors.empty()) {
    return toStatus(source, std::move(errors));
  }
  return config;
}

Result<GatewayConfig> loadGatewayConfig(const std::string& path, const ConnectorTableLookup& lookup,
                                        const std::vector<std::string>& known_types) {
  Result<std::string> text = readTextFile(path, kMaxConfigFileBytes);
  if (!text) {
    return text.status();
  }
  return parseGatewayConfig(*text, path, lookup, known_types);
}

Result<PluginLocations> readPluginLocations(const std::string& path) {
  Result<std::string> text = readTextFile(path, kMaxConfigFileBytes);
  if (!text) {
    return text.status();
  }
  rapidjson::Document document;
  HOTLINE_RETURN_IF_ERROR(parseConfigJson(*text, path, document));
  PluginLocations locations;
  if (!document.IsObject()) {
    return locations; // loadGatewayConfig explains what is wrong
  }
  ConfigErrors errors;
  locations.dirs = pluginDirs(document, errors);
  locations.libraries = entryLibraries(document);
  if (!errors.empty()) {
    return toStatus(path, std::move(errors));
  }
  return locations;
}

Result<std::vector<std::string>> parseStringList(std::string_view json_array_text) {
  rapidjson::Document document;
  document.Parse(json_array_text.data(), json_array_text.size());
  if (document.HasParseError() || !document.IsArray()) {
    return invalidArgument("not a JSON array of strings: " + std::string(json_array_text));
  }
  std::vector<std::string> items;
  for (const rapidjson::Value& item : document.GetArray()) {
    if (!item.IsString()) {
      return invalidArgument("not a JSON array of strings: " + std::string(json_array_text));
    }
    items.emplace_back(item.GetString(), item.GetStringLength());
  }
  return items;
}

} // namespace hotline::config
