#pragma once
// Checking a response against a step's conditions (README.md "Conditions").

#include <optional>
#include <string>
#include <vector>

#include "simulators/scenario/src/http_exchange.h"
#include "simulators/scenario/src/scenario_model.h"

namespace hotline::sim::scenario {

// Why the first condition that does not hold fails ("/steps/2/until/0: /accepted is 0,
// expected 1"), or nullopt when all hold. Without a status condition, a status outside
// 200..299 fails when `require_success` (http steps do, waits do not). No response at all
// fails every list.
std::optional<std::string> firstFailure(const std::vector<Condition>& conditions,
                                        const HttpResponse& response, bool require_success);

// The value `var` gets from the body at `pointer`: a string as it is, anything else as JSON
// text. nullopt (with `why`) when the body is not JSON or the pointer finds nothing.
std::optional<std::string> extractValue(const std::string& body, const std::string& pointer,
                                        std::string& why);

} // namespace hotline::sim::scenario
