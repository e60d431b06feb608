#pragma once
// The per-key half of the validator: whether one JSON value fits its declared key (type,
// range, allowed values, secret form), and its text for FlatValues.

#include <optional>
#include <string>

#include <rapidjson/fwd.h>

#include "core/config/config_error.h"
#include "core/config/config_table.h"

namespace hotline::config {

// The value's text when it fits `key`; otherwise nullopt, with every problem appended to
// `errors` under `path` (a list reports each bad element as path[i]).
std::optional<std::string> checkValue(const ConfigKey& key, const rapidjson::Value& value,
                                      const std::string& path, ConfigErrors& errors);

} // namespace hotline::config
