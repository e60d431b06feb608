#pragma once
// Small RapidJSON helpers the exchange codec files share (internal to the connector).

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <string_view>

namespace hotline::connectors::exchange::json {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

inline void writeString(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

inline std::string toText(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// A scalar as text: peers may send a code or a seq as 0 or "0".
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

inline std::optional<std::string> memberText(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) {
    return std::nullopt;
  }
  auto it = object.FindMember(name);
  return it == object.MemberEnd() ? std::nullopt : scalarText(it->value);
}

inline rapidjson::Value stringValue(std::string_view text,
                                    rapidjson::Document::AllocatorType& allocator) {
  return rapidjson::Value(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator);
}

// Removes a member keeping the others' order (RemoveMember moves the last one into its
// place, which would reshuffle a peer's document for no reason).
inline void erase(rapidjson::Value& object, const char* name) {
  auto it = object.FindMember(name);
  if (it != object.MemberEnd()) {
    object.EraseMember(it);
  }
}

// Sets (replacing or adding) a string member of an object.
inline void setString(rapidjson::Value& object, const char* name, std::string_view text,
                      rapidjson::Document::AllocatorType& allocator) {
  auto it = object.FindMember(name);
  if (it != object.MemberEnd()) {
    it->value = stringValue(text, allocator);
    return;
  }
  object.AddMember(rapidjson::Value(name, allocator), stringValue(text, allocator), allocator);
}

} // namespace hotline::connectors::exchange::json
