#pragma once
// The names of mapping parameters (a connector entry's `mapping_params`, a mapping field's
// `param`), checked alike by the config loader and the mapping compiler.

#include <string_view>

namespace hotline::config {

// 1-64 characters of a-z, 0-9 and _, starting with a letter.
bool isMappingParamName(std::string_view name);

} // namespace hotline::config
