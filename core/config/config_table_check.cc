#include "core/config/config_table_check.h"

#include <cctype>
#include <set>

#include <rapidjson/document.h>

#include "core/config/config_value_check.h"

namespace hotline::config {
namespace {

bool isKeySegment(std::string_view segment) {
  if (segment.empty()) {
    return false;
  }
  for (char c : segment) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') {
      return false;
    }
  }
  return true;
}

bool isKeyName(std::string_view key) {
  size_t start = 0;
  while (true) {
    const size_t dot = key.find('.', start);
    if (!isKeySegment(key.substr(start, dot - start))) {
      return false;
    }
    if (dot == std::string_view::npos) {
      return true;
    }
    start = dot + 1;
  }
}

bool isNumeric(ConfigType type) {
  return type == ConfigType::Integer || type == ConfigType::Number;
}

// Types whose textual default is the JSON text of the value; the others hold a plain string.
bool defaultIsJsonText(ConfigType type) {
  return isNumeric(type) || type == ConfigType::Boolean || type == ConfigType::StringList ||
         type == ConfigType::Object;
}

void checkDefault(const ConfigKey& key, const std::string& path, ConfigErrors& errors) {
  rapidjson::Document value;
  if (defaultIsJsonText(key.type)) {
    value.Parse(key.default_value->c_str(), key.default_value->size());
    if (value.HasParseError()) {
      errors.push_back({path, "default is not a valid " + std::string(configTypeName(key.type))});
      return;
    }
  } else {
    value.SetString(key.default_value->c_str(),
                    static_cast<rapidjson::SizeType>(key.default_value->size()));
  }
  ConfigErrors problems;
  if (!checkValue(key, value, path, problems)) {
    for (ConfigError& problem : problems) {
      errors.push_back({problem.path, "default does not fit: " + problem.message});
    }
  }
}

void checkKey(const ConfigKey& key, const std::string& path, ConfigErrors& errors) {
  if (!isKeyName(key.key)) {
    errors.push_back({path, "key must be dot-separated names of letters, digits, _ and -"});
  }
  if (key.doc.empty()) {
    errors.push_back({path, "every key needs a doc sentence"});
  }
  if (key.required && key.default_value) {
    errors.push_back({path, "a required key cannot have a default"});
  }
  if ((key.min || key.max) && !isNumeric(key.type)) {
    errors.push_back({path, "min/max apply to integer and number keys only"});
  }
  if (key.min && key.max && *key.min > *key.max) {
    errors.push_back({path, "min is greater than max"});
  }
  if (key.type == ConfigType::Enum && key.allowed.empty()) {
    errors.push_back({path, "an enum key needs at least one allowed value"});
  }
  if (key.type != ConfigType::Enum && !key.allowed.empty()) {
    errors.push_back({path, "allowed values apply to enum keys only"});
  }
  if (key.default_value) {
    checkDefault(key, path, errors);
  }
}

// Whether some declared key lives inside `key` ("auth.key" inside "auth"). In a sorted set
// those keys follow `key + "."` directly.
bool holdsOtherKeys(const std::set<std::string>& keys, const std::string& key) {
  const std::string prefix = key + ".";
  const auto next = keys.lower_bound(prefix);
  return next != keys.end() && next->starts_with(prefix);
}

} // namespace

ConfigErrors checkTable(const ConfigTable& table) {
  ConfigErrors errors;
  std::set<std::string> seen;
  for (const ConfigKey& key : table.keys) {
    const std::string path = joinPath(table.name, key.key);
    if (!seen.insert(key.key).second) {
      errors.push_back({path, "declared twice"});
    }
    checkKey(key, path, errors);
  }
  for (const ConfigKey& key : table.keys) {
    if (holdsOtherKeys(seen, key.key)) {
      errors.push_back({joinPath(table.name, key.key),
                        "declared both as a value and as an object holding other keys"});
    }
  }
  return errors;
}

} // namespace hotline::config
