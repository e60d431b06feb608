#pragma once
// Canonical payloads the county sends to the exchange simulator in its process tests.

#include <rapidjson/document.h>

#include <cstdint>
#include <string>

#include "core/model/event_type.h"

namespace hotline::sim::testing {

inline constexpr const char* kCountySystem = "yucheng-12345";

// An escalated ticket without id, its refs holding the county's number.
std::string escalationJson(const std::string& county_number);
// An action on the county's ticket `county_number`.
std::string countyEventJson(const std::string& event_id, const std::string& county_number,
                            model::EventType type, int64_t at_ms);
// The body parsed; fails the test when it is not JSON.
rapidjson::Document parseJson(const std::string& body);

} // namespace hotline::sim::testing
