#include "core/config/config_validator.h"

#include <algorithm>

#include <rapidjson/document.h>

#include "core/config/config_value_check.h"
#include "core/config/json_value_text.h"
#include "core/config/key_suggestion.h"

namespace hotline::config {
namespace {

bool startsWithSegments(std::string_view key, std::string_view prefix) {
  return key.size() > prefix.size() && key.starts_with(prefix) && key[prefix.size()] == '.';
}

// Walks the JSON object and its nested objects. Keys are relative to the table ("auth.key");
// paths are full ("connectors[0].config.auth.key").
class ObjectValidator {
public:
  ObjectValidator(const ConfigTable& table, const std::string& path, ConfigErrors& errors)
      : table_(table), path_(path), errors_(errors) {}

  ValidatedValues run(const rapidjson::Value& object) {
    if (!object.IsObject()) {
      addError("", "expected object, got " + describeJsonValue(object));
      return {};
    }
    walk(object, "");
    applyDefaults();
    return std::move(result_);
  }

private:
  void addError(const std::string& key, std::string message) {
    errors_.push_back({joinPath(path_, key), std::move(message)});
  }

  // True when some declared key lives inside the object at `prefix` ("auth" for "auth.key").
  bool isNestedPrefix(std::string_view prefix) const {
    for (const ConfigKey& key : table_.keys) {
      if (startsWithSegments(key.key, prefix)) {
        return true;
      }
    }
    return false;
  }

  // The member names the object at `prefix` may hold: "port", "bind", ... or "auth".
  std::vector<std::string> namesAt(std::string_view prefix) const {
    std::vector<std::string> names;
    for (const ConfigKey& key : table_.keys) {
      std::string_view rest = key.key;
      if (!prefix.empty()) {
        if (!startsWithSegments(rest, prefix)) {
          continue;
        }
        rest.remove_prefix(prefix.size() + 1);
      }
      std::string name(rest.substr(0, rest.find('.')));
      if (std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(std::move(name));
      }
    }
    return names;
  }

  void walk(const rapidjson::Value& object, const std::string& prefix) {
    std::set<std::string> seen;
    for (auto member = object.MemberBegin(); member != object.MemberEnd(); ++member) {
      const std::string name(member->name.GetString(), member->name.GetStringLength());
      if (!seen.insert(name).second) {
        // Only the first is checked and used; a second one is a mistake either way.
        addError(joinPath(prefix, name), "duplicate key");
        continue;
      }
      checkMember(prefix, name, member->value);
    }
  }

  void checkMember(const std::string& prefix, const std::string& name,
                   const rapidjson::Value& value) {
    const std::string key = joinPath(prefix, name);
    const ConfigKey* declared = findKey(table_, key);
    if (name.find('.') != std::string::npos) {
      // Dotted names are how the table spells nesting, not how the JSON does.
      reportDottedName(prefix, name, declared != nullptr || isNestedPrefix(key));
    } else if (declared != nullptr) {
      found_.insert(key);
      if (std::optional<std::string> text =
              checkValue(*declared, value, joinPath(path_, key), errors_)) {
        storeValue(*declared, std::move(*text));
      }
    } else if (isNestedPrefix(key)) {
      checkNested(key, value);
    } else {
      reportUnknown(prefix, name);
    }
  }

  void checkNested(const std::string& key, const rapidjson::Value& value) {
    if (value.IsObject()) {
      walk(value, key);
      return;
    }
    addError(key, "expected object, got " + describeJsonValue(value));
    // The keys inside are then neither missing nor defaulted: one error says it all.
    broken_prefixes_.push_back(key);
  }

  void reportDottedName(const std::string& prefix, const std::string& name, bool declared) {
    if (!declared) {
      reportUnknown(prefix, name);
      return;
    }
    const std::string key = joinPath(prefix, name);
    const size_t dot = name.find('.');
    addError(key, "write this key as nested objects: \"" + name.substr(0, dot) + "\": {\"" +
                      name.substr(dot + 1) + "\": ...}");
    broken_prefixes_.push_back(key);
  }

  void reportUnknown(const std::string& prefix, const std::string& name) {
    std::string message = "unknown key";
    if (std::optional<std::string> suggestion = closestKey(name, namesAt(prefix))) {
      message += " (did you mean \"" + *suggestion + "\"?)";
    }
    addError(joinPath(prefix, name), std::move(message));
  }

  void storeValue(const ConfigKey& key, std::string text) {
    if (key.type == ConfigType::Secret) {
      result_.secret_keys.insert(key.key);
    }
    result_.values[key.key] = std::move(text);
  }

  bool underBrokenPrefix(std::string_view key) const {
    for (const std::string& prefix : broken_prefixes_) {
      if (key == prefix || startsWithSegments(key, prefix)) {
        return true;
      }
    }
    return false;
  }

  void applyDefaults() {
    for (const ConfigKey& key : table_.keys) {
      if (found_.count(key.key) != 0 || underBrokenPrefix(key.key)) {
        continue;
      }
      if (key.required) {
        addError(key.key, "missing required key (" + std::string(configTypeName(key.type)) + ")");
      } else if (key.default_value) {
        storeValue(key, *key.default_value);
      }
    }
  }

  const ConfigTable& table_;
  const std::string path_;
  ConfigErrors& errors_;
  ValidatedValues result_;
  std::set<std::string> found_;
  std::vector<std::string> broken_prefixes_;
};

} // namespace

ValidatedValues validateObject(const rapidjson::Value& object, const ConfigTable& table,
                               const std::string& path, ConfigErrors& errors) {
  return ObjectValidator(table, path, errors).run(object);
}

} // namespace hotline::config
