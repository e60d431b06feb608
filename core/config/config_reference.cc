#include "core/config/config_reference.h"

#include <algorithm>
#include <set>

#include "core/config/core_sections.h"
#include "core/config/json_value_text.h"
#include "core/config/secret_resolver.h"

namespace hotline::config {
namespace {

constexpr size_t kTypeColumnWidth = 13; // "string list" and two spaces

std::string padded(std::string text, size_t width) {
  if (text.size() < width) {
    text.append(width - text.size(), ' ');
  }
  return text;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) {
    text += text.empty() ? item : ", " + item;
  }
  return text;
}

std::string describeDefault(const ConfigKey& key) {
  if (key.required) {
    return "required";
  }
  if (!key.default_value) {
    return "optional, no default";
  }
  // Quoted so that an empty string default is visible as "".
  const bool quoted = key.type == ConfigType::String;
  return "default " + (quoted ? quoteJson(*key.default_value) : *key.default_value);
}

std::string describeLimits(const ConfigKey& key) {
  if (key.min && key.max) {
    return "; range " + formatNumber(*key.min) + ".." + formatNumber(*key.max);
  }
  if (key.min) {
    return "; at least " + formatNumber(*key.min);
  }
  if (key.max) {
    return "; at most " + formatNumber(*key.max);
  }
  if (!key.allowed.empty()) {
    return "; one of: " + joined(key.allowed);
  }
  if (key.type == ConfigType::Secret) {
    return "; env:NAME or file:PATH";
  }
  return "";
}

std::string shownValue(const std::string& value) {
  return value.empty() ? "\"\"" : value;
}

void renderCore(const GatewayConfig& config, std::string& out) {
  for (const ConfigTable& table : coreSectionTables()) {
    for (const ConfigKey& key : table.keys) {
      const std::string name = joinPath(table.name, key.key);
      if (const auto secret = config.core_secrets.find(name); secret != config.core_secrets.end()) {
        out += name + " = " + maskedSecret(secret->second) + "\n";
      } else if (config.core && config.core->hasProperty(name)) {
        // Raw: getString() would expand "${...}" and show something the file does not say.
        out += name + " = " + shownValue(config.core->getRawString(name)) + "\n";
      }
    }
  }
}

void renderConnector(const ConnectorInstanceConfig& instance, size_t index, std::string& out) {
  out += "\nconnectors[" + std::to_string(index) + "] " + instance.name + " (type " +
         instance.type + (instance.enabled ? ", enabled" : ", disabled") + ")\n";
  if (!instance.library.empty()) {
    out += "  library = " + instance.library + "\n";
  }
  std::set<std::string> keys;
  for (const auto& [key, value] : instance.values) {
    keys.insert(key);
  }
  for (const auto& [key, reference] : instance.secrets) {
    keys.insert(key);
  }
  for (const std::string& key : keys) {
    const auto secret = instance.secrets.find(key);
    const std::string shown = secret != instance.secrets.end()
                                  ? maskedSecret(secret->second)
                                  : shownValue(instance.values.at(key));
    out += "  config." + key + " = " + shown + "\n";
  }
}

} // namespace

std::string describeTable(const ConfigTable& table) {
  size_t key_width = 0;
  for (const ConfigKey& key : table.keys) {
    key_width = std::max(key_width, key.key.size());
  }
  std::string out = "[" + table.name + "]" + (table.doc.empty() ? "" : " " + table.doc) + "\n";
  for (const ConfigKey& key : table.keys) {
    out +=
        "  " + padded(key.key, key_width + 2) + padded(configTypeName(key.type), kTypeColumnWidth);
    out += describeDefault(key) + describeLimits(key) + "\n";
    out += "      " + key.doc + "\n";
  }
  return out;
}

std::string describeTables(const std::vector<ConfigTable>& tables) {
  std::string out;
  for (const ConfigTable& table : tables) {
    out += (out.empty() ? "" : "\n") + describeTable(table);
  }
  return out;
}

std::string renderEffectiveConfig(const GatewayConfig& config) {
  std::string out = "# effective configuration from " + config.source_path + "\n";
  renderCore(config, out);
  for (size_t i = 0; i < config.connectors.size(); ++i) {
    renderConnector(config.connectors[i], i, out);
  }
  return out;
}

} // namespace hotline::config
