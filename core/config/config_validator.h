#pragma once
// Checks one JSON object against a declared ConfigTable and collects every problem with its
// full key path, so that one run of the gateway shows everything to fix in a config file.
//
// Found: unknown keys (with the closest declared key when it is a plausible typo), duplicate
// keys (RapidJSON keeps them; they would otherwise be silently ignored), wrong types, values
// out of range, enum values not allowed, malformed secret references, missing required
// keys. A dotted key in the table ("auth.key") is written as nested objects in the JSON
// ({"auth": {"key": ...}}).
//
// Secrets are only checked for form here (env:NAME or file:PATH); the loader resolves them.
// No message quotes the value of a Secret key.

#include <set>
#include <string>

#include <rapidjson/fwd.h>

#include "core/config/config_error.h"
#include "core/config/config_table.h"

namespace hotline::config {

struct ValidatedValues {
  // Every key that has a value, from the JSON or from its default, in the text form
  // described at FlatValues. A StringList default is written in the table as JSON array
  // text ("[]"). Keys with neither a value nor a default are absent.
  FlatValues values;
  // The keys of `values` whose type is Secret; their text is still the reference.
  std::set<std::string> secret_keys;
};

// Validates `object` against `table`. `path` is where the object sits in the file
// ("http", "connectors[1].config"; empty for the root) and prefixes every error path.
// Problems are appended to `errors`; the returned values are complete only when none were.
ValidatedValues validateObject(const rapidjson::Value& object, const ConfigTable& table,
                               const std::string& path, ConfigErrors& errors);

} // namespace hotline::config
