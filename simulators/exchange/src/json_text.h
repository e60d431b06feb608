#pragma once
// Small JSON helpers shared by the exchange simulator's files (RapidJSON underneath).

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>

namespace hotline::sim::exchange {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

inline void writeString(JsonWriter& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

// Writes already-serialised JSON text (a value we produced or compacted) as one value.
inline void writeRaw(JsonWriter& writer, std::string_view json) {
  writer.RawValue(json.data(), json.size(), rapidjson::kObjectType);
}

// Compact serialisation of one value.
std::string compactJson(const rapidjson::Value& value);

// The text of a member that must be a non-empty string, or "" when absent or not a string.
std::string stringMember(const rapidjson::Value& object, const char* name);

} // namespace hotline::sim::exchange
