#pragma once
// Small RapidJSON helpers the exchange codec files share (internal to the connector).

#include "hotline/support/json_scalar.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

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

// A code, seq or number as text, whether the peer wrote 0 or "0" (shared with the reply
// envelope's reader).
using support::json::memberText;
using support::json::scalarText;

// The first member name an object repeats, at any depth; nullopt when none does. Readers
// differ on which of two equal names counts (RapidJSON's FindMember takes the first, others
// the last), so a peer's document that repeats one could have us read one value and the
// gateway another: an `id` we drop, a `status` we set, a ref we link.
inline std::optional<std::string> repeatedName(const rapidjson::Value& value) {
  if (value.IsArray()) {
    for (const auto& item : value.GetArray()) {
      if (std::optional<std::string> name = repeatedName(item)) {
        return name;
      }
    }
  } else if (value.IsObject()) {
    std::unordered_set<std::string_view> seen;
    for (const auto& member : value.GetObject()) {
      std::string_view name(member.name.GetString(), member.name.GetStringLength());
      if (!seen.insert(name).second) {
        return std::string(name);
      }
      if (std::optional<std::string> inner = repeatedName(member.value)) {
        return inner;
      }
    }
  }
  return std::nullopt;
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
