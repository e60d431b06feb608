#pragma once
// Reading conditions ("expect", "until") and "save" rules of a step (README.md "Conditions").

#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "simulators/scenario/src/json_reading.h"
#include "simulators/scenario/src/scenario_model.h"

namespace hotline::sim::scenario {

// One condition object, or a non-empty array of them.
std::vector<Condition> parseConditions(const rapidjson::Value& value, const std::string& path,
                                       Problems& problems);

// {"variable": "/json/pointer", ...}.
std::vector<SaveRule> parseSave(const rapidjson::Value& value, const std::string& path,
                                Problems& problems);

} // namespace hotline::sim::scenario
