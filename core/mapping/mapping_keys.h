#pragma once
// Checks of a mapping file's JSON shape shared by every part of the compiler: unknown and
// duplicate keys (with "did you mean"), and names of JSON types for messages.

#include <rapidjson/document.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/mapping/load_errors.h"

namespace hotline::mapping {

// Reports every member of `object` whose name is not in `allowed` ("unknown key "form" (did
// you mean "from"?)") and every name given twice. Returns false when any was found.
bool checkKeys(const rapidjson::Value& object, std::initializer_list<std::string_view> allowed,
               std::string_view where, LoadErrors& errors);

// The candidate closest to `unknown` when it is a plausible typo.
std::optional<std::string> closestName(std::string_view unknown,
                                       const std::vector<std::string>& candidates);
// " (did you mean "x"?)" or "".
std::string didYouMean(std::string_view unknown, const std::vector<std::string>& candidates);

// "a string", "a number", "an object", ... for "expected a list, got a string".
std::string_view jsonTypeName(const rapidjson::Value& value);

inline std::string_view stringOf(const rapidjson::Value& value) {
  return {value.GetString(), value.GetStringLength()};
}

// The member `name` of `object`, or nullptr.
const rapidjson::Value* member(const rapidjson::Value& object, std::string_view name);

} // namespace hotline::mapping
