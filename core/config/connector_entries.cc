#include "core/config/connector_entries.h"

#include <algorithm>
#include <map>

#include <rapidjson/document.h>

#include "core/config/config_validator.h"
#include "core/config/core_sections.h"
#include "core/config/json_value_text.h"
#include "core/config/mapping_params.h"
#include "core/config/resolved_values.h"

namespace hotline::config {
namespace {

constexpr size_t kMaxInstanceNameLength = 63;

bool isNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool isNameChar(char c) {
  return isNameStart(c) || c == '_' || c == '-';
}

std::string entryPath(size_t index) {
  return "connectors[" + std::to_string(index) + "]";
}

std::string valueOr(const FlatValues& values, const std::string& key, std::string fallback) {
  const auto found = values.find(key);
  return found == values.end() ? fallback : found->second;
}

std::string unknownTypeMessage(const std::string& type, std::vector<std::string> known) {
  std::string message = "unknown connector type " + quoteJson(type);
  if (known.empty()) {
    return message;
  }
  std::sort(known.begin(), known.end());
  message += " (known: ";
  for (size_t i = 0; i < known.size(); ++i) {
    message += (i == 0 ? "" : ", ") + known[i];
  }
  return message + ")";
}

class EntryLoader {
public:
  EntryLoader(const ConnectorTypes& types, ConfigErrors& errors) : types_(types), errors_(errors) {}

  std::optional<ConnectorInstanceConfig> load(const rapidjson::Value& entry, size_t index) {
    const std::string path = entryPath(index);
    const ValidatedValues header = validateObject(entry, connectorEntryTable(), path, errors_);
    if (!entry.IsObject()) {
      return std::nullopt;
    }
    ConnectorInstanceConfig instance;
    instance.name = valueOr(header.values, "name", "");
    instance.type = valueOr(header.values, "type", "");
    instance.library = valueOr(header.values, "library", "");
    instance.enabled = valueOr(header.values, "enabled", "true") == "true";
    instance.escalations = valueOr(header.values, "escalations", "false") == "true";
    instance.sync = valueOr(header.values, "sync", "false") == "true";
    instance.mappings = valueOr(header.values, "mappings", "");
    if (const auto block = entry.FindMember("mapping_params"); block != entry.MemberEnd()) {
      // The entry table checked that it is an object; its members are checked here.
      instance.mapping_params = readMappingParams(block->value, path + ".mapping_params", errors_);
    }
    if (Result<std::vector<std::string>> units =
            parseStringList(valueOr(header.values, "units", "[]"))) {
      instance.units = std::move(units).value();
    }
    checkName(header, path, index);
    const ConfigTable* table = findTable(header, path);
    if (table == nullptr) {
      return std::nullopt;
    }
    const rapidjson::Value empty(rapidjson::kObjectType);
    const auto config = entry.FindMember("config");
    const rapidjson::Value& block = config == entry.MemberEnd() ? empty : config->value;
    if (!block.IsObject()) {
      return std::nullopt; // the entry table already reported it
    }
    ValidatedValues values = validateObject(block, *table, path + ".config", errors_);
    ResolvedValues resolved =
        resolveSecretValues(std::move(values), path + ".config", instance.enabled, errors_);
    instance.values = std::move(resolved.values);
    instance.secrets = std::move(resolved.secrets);
    return instance;
  }

private:
  void checkName(const ValidatedValues& header, const std::string& path, size_t index) {
    const auto name = header.values.find("name");
    if (name == header.values.end()) {
      return; // missing or not a string: already reported
    }
    if (!isInstanceName(name->second)) {
      errors_.push_back(
          {path + ".name", quoteJson(name->second) +
                               " is not a valid instance name (1-63 characters of a-z, 0-9, _ "
                               "and -, starting with a letter or digit)"});
      return;
    }
    const auto [first, inserted] = first_use_.emplace(name->second, index);
    if (!inserted) {
      errors_.push_back({path + ".name", "duplicate instance name " + quoteJson(name->second) +
                                             " (also used by " + entryPath(first->second) + ")"});
    }
  }

  const ConfigTable* findTable(const ValidatedValues& header, const std::string& path) {
    const auto type = header.values.find("type");
    if (type == header.values.end()) {
      return nullptr;
    }
    const ConfigTable* table = types_.lookup ? types_.lookup(type->second) : nullptr;
    if (table == nullptr) {
      errors_.push_back({path + ".type", unknownTypeMessage(type->second, types_.known)});
    }
    return table;
  }

  const ConnectorTypes& types_;
  ConfigErrors& errors_;
  std::map<std::string, size_t> first_use_; // instance name -> index of its first entry
};

} // namespace

bool isMappingParamName(std::string_view name) {
  if (name.empty() || name.size() > 64 || name[0] < 'a' || name[0] > 'z') {
    return false;
  }
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

MappingParamValues readMappingParams(const rapidjson::Value& block, const std::string& path,
                                     ConfigErrors& errors) {
  MappingParamValues params;
  if (!block.IsObject()) {
    return params;
  }
  for (const auto& member : block.GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    const std::string where = path + "." + name;
    if (!isMappingParamName(name)) {
      errors.push_back({where, "is not a mapping parameter name (1-64 characters of a-z, 0-9 "
                               "and _, starting with a letter)"});
    } else if (!member.value.IsString()) {
      errors.push_back({where, "expected a string, got " + describeJsonValue(member.value)});
    } else {
      params.emplace(name, std::string(member.value.GetString(), member.value.GetStringLength()));
    }
  }
  return params;
}

bool isInstanceName(std::string_view name) {
  if (name.empty() || name.size() > kMaxInstanceNameLength || !isNameStart(name.front())) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), isNameChar);
}

std::vector<ConnectorInstanceConfig> loadConnectorEntries(const rapidjson::Value& entries,
                                                          const ConnectorTypes& types,
                                                          ConfigErrors& errors) {
  std::vector<ConnectorInstanceConfig> instances;
  if (!entries.IsArray()) {
    errors.push_back(
        {"connectors", "expected array of connector entries, got " + describeJsonValue(entries)});
    return instances;
  }
  EntryLoader loader(types, errors);
  for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
    if (std::optional<ConnectorInstanceConfig> instance = loader.load(entries[i], i)) {
      instances.push_back(std::move(*instance));
    }
  }
  return instances;
}

} // namespace hotline::config
