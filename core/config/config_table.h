#pragma once
// A declared configuration table (Fluent Bit's config_map): every key a section accepts,
// with its type, default, range, whether it is required, and its documentation. The core's
// sections and every connector declare one; the validator checks a config block against it
// and `hotline-gateway describe` prints it.
//
// Keys may be dotted ("auth.key") to address members of nested objects.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hotline::config {

enum class ConfigType {
  String,     // JSON string
  Integer,    // JSON integer (no fraction)
  Number,     // any JSON number
  Boolean,    // JSON true/false
  Secret,     // JSON string of the form "env:NAME" or "file:PATH"; resolved at load
  StringList, // JSON array of strings
  Enum,       // JSON string, one of `allowed`
  // Added after the first seven (appended so existing values keep their numbers): a JSON
  // object whose members another table checks, e.g. a connector entry's `config` block.
  Object,
};

// Lower-case name used in references and error messages: "integer", "string list", ...
const char* configTypeName(ConfigType type);

struct ConfigKey {
  std::string key;
  ConfigType type = ConfigType::String;
  std::optional<std::string> default_value; // textual default; absent = no default
  std::optional<double> min;                // inclusive, Integer/Number only
  std::optional<double> max;                // inclusive, Integer/Number only
  bool required = false;
  std::string doc;
  std::vector<std::string> allowed; // Enum only
};

struct ConfigTable {
  std::string name; // "http", "store", or a connector type such as "example"
  std::string doc;
  std::vector<ConfigKey> keys;
};

// The declared key named `key` (full dotted name), or nullptr. The pointer lives as long as
// `table`.
const ConfigKey* findKey(const ConfigTable& table, std::string_view key);

} // namespace hotline::config
