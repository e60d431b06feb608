#include "core/config/config_table.h"

namespace hotline::config {

const char* configTypeName(ConfigType type) {
  switch (type) {
  case ConfigType::String:
    return "string";
  case ConfigType::Integer:
    return "integer";
  case ConfigType::Number:
    return "number";
  case ConfigType::Boolean:
    return "boolean";
  case ConfigType::Secret:
    return "secret";
  case ConfigType::StringList:
    return "string list";
  case ConfigType::Enum:
    return "enum";
  case ConfigType::Object:
    return "object";
  }
  return "unknown";
}

const ConfigKey* findKey(const ConfigTable& table, std::string_view key) {
  for (const ConfigKey& candidate : table.keys) {
    if (candidate.key == key) {
      return &candidate;
    }
  }
  return nullptr;
}

} // namespace hotline::config
