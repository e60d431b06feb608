#pragma once
// Reading the "steps" of a scenario file and their parts (README.md "Steps"). Used when the
// file is loaded, to report every problem, and again on each step's substituted JSON just
// before it runs.

#include <rapidjson/document.h>

#include <set>
#include <string>
#include <vector>

#include "simulators/scenario/src/json_reading.h"
#include "simulators/scenario/src/scenario_model.h"

namespace hotline::sim::scenario {

// Reads step `value` at `path` ("/steps/3"); `processes` are the names start/stop/... may
// name. Problems are added to `problems`; the returned step is meaningful only without new
// problems.
Step parseStep(const rapidjson::Value& value, const std::string& path,
               const std::set<std::string>& processes, Problems& problems);

// An HTTP request: {"method", "url", "headers", "json" | "body", "timeout_ms"}.
HttpRequestSpec parseHttpRequest(const rapidjson::Value& value, const std::string& path,
                                 Problems& problems);

// The variables a step saves (its "save" member), for checking later steps' references.
std::vector<std::string> savedVariables(const rapidjson::Value& step);

} // namespace hotline::sim::scenario
