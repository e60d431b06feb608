#pragma once
// Mapping parameters: the values a deployment gives its mapping files' `param` fields and
// [key=$name] filters (a connector entry's `mapping_params`, the gateway's mappings.params).
// Their names and values are checked here, alike for the config loader, the mapping compiler
// and `mapping test`'s samples/params.json.

#include "core/config/config_error.h"

#include <rapidjson/fwd.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace hotline::config {

// Name -> value.
using MappingParamValues = std::map<std::string, std::string, std::less<>>;

// 1-64 characters of a-z, 0-9 and _, starting with a letter.
bool isMappingParamName(std::string_view name);

// The members of a mapping-parameters object at `path`, each checked: a name of
// isMappingParamName(), a string value. Problems go to `errors`; a `block` that is not an
// object gives nothing (its type is the caller's to check).
MappingParamValues readMappingParams(const rapidjson::Value& block, const std::string& path,
                                     ConfigErrors& errors);

} // namespace hotline::config
