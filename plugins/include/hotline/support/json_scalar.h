#pragma once
// Reading a scalar of a peer's JSON as text: peers write a code, a seq or a number as 0 or
// "0", and the connectors compare and pass them on as text either way. Header-only over
// RapidJSON (a user puts RAPIDJSON_INCLUDE_DIRS on its include path), shared by the reply
// envelope (peer_envelope.cc) and the exchange connector's codec.

#include <rapidjson/document.h>

#include <optional>
#include <string>

namespace hotline::support::json {

// A string, or an integer written in decimal; nullopt for anything else (an object, an array,
// a bool, null or a fraction).
inline std::optional<std::string> scalarText(const rapidjson::Value& value) {
  if (value.IsString()) {
    return std::string(value.GetString(), value.GetStringLength());
  }
  if (value.IsInt64()) {
    return std::to_string(value.GetInt64());
  }
  if (value.IsUint64()) {
    return std::to_string(value.GetUint64());
  }
  return std::nullopt;
}

// scalarText of the member `name` of an object; nullopt when `object` is not an object or
// has no such member.
inline std::optional<std::string> memberText(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) {
    return std::nullopt;
  }
  auto it = object.FindMember(name);
  return it == object.MemberEnd() ? std::nullopt : scalarText(it->value);
}

} // namespace hotline::support::json
