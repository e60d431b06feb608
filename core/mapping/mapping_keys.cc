#include "core/mapping/mapping_keys.h"

#include <algorithm>

#include "core/config/key_suggestion.h"

namespace hotline::mapping {

bool checkKeys(const rapidjson::Value& object, std::initializer_list<std::string_view> allowed,
               std::string_view where, LoadErrors& errors) {
  const std::vector<std::string> candidates(allowed.begin(), allowed.end());
  std::vector<std::string_view> seen;
  bool clean = true;
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    const std::string_view name = stringOf(it->name);
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      errors.add(where, "key \"" + std::string(name) + "\" is given twice");
      clean = false;
      continue;
    }
    seen.push_back(name);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      errors.add(where, "unknown key \"" + std::string(name) + "\"" + didYouMean(name, candidates));
      clean = false;
    }
  }
  return clean;
}

std::optional<std::string> closestName(std::string_view unknown,
                                       const std::vector<std::string>& candidates) {
  return config::closestKey(unknown, candidates);
}

std::string didYouMean(std::string_view unknown, const std::vector<std::string>& candidates) {
  const std::optional<std::string> suggestion = closestName(unknown, candidates);
  return suggestion ? " (did you mean \"" + *suggestion + "\"?)" : std::string();
}

std::string_view jsonTypeName(const rapidjson::Value& value) {
  switch (value.GetType()) {
  case rapidjson::kNullType:
    return "null";
  case rapidjson::kFalseType:
  case rapidjson::kTrueType:
    return "a boolean";
  case rapidjson::kObjectType:
    return "an object";
  case rapidjson::kArrayType:
    return "a list";
  case rapidjson::kStringType:
    return "a string";
  case rapidjson::kNumberType:
    return "a number";
  }
  return "a value";
}

const rapidjson::Value* member(const rapidjson::Value& object, std::string_view name) {
  if (!object.IsObject()) {
    return nullptr;
  }
  const auto found =
      object.FindMember(rapidjson::Value(rapidjson::StringRef(name.data(), name.size())));
  return found == object.MemberEnd() ? nullptr : &found->value;
}

} // namespace hotline::mapping
