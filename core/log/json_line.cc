// formatLine: one log record as one JSON object, written with RapidJSON's Writer so that
// quotes, control characters and UTF-8 are escaped correctly. Every string that may carry
// personal data is masked here, so no caller can forget to.

#include "core/log/log.h"
#include "hotline/support/masking.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>

namespace hotline::log {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// The line's own keys; a field with one of these names is written as "field.<name>" so that
// a line never holds two values for one key.
constexpr std::array<std::string_view, 4> kReservedKeys{"ts", "level", "component", "msg"};

void writeString(JsonWriter& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void writeKey(JsonWriter& writer, std::string_view key) {
  writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}

std::string fieldKey(std::string_view key) {
  for (std::string_view reserved : kReservedKeys) {
    if (key == reserved) {
      return "field." + std::string(key);
    }
  }
  return support::toValidUtf8(key);
}

} // namespace

std::string_view levelName(Level level) {
  switch (level) {
  case Level::Trace:
    return "trace";
  case Level::Debug:
    return "debug";
  case Level::Info:
    return "info";
  case Level::Warn:
    return "warn";
  case Level::Error:
    return "error";
  }
  return "info";
}

bool parseLevel(std::string_view text, Level& out) {
  for (Level level : {Level::Trace, Level::Debug, Level::Info, Level::Warn, Level::Error}) {
    if (text == levelName(level)) {
      out = level;
      return true;
    }
  }
  return false;
}

std::string formatLine(Level level, std::string_view component, std::string_view message,
                       const Fields& fields, std::string_view timestamp) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writeKey(writer, "ts");
  writeString(writer, support::toValidUtf8(timestamp));
  writeKey(writer, "level");
  writeString(writer, levelName(level));
  writeKey(writer, "component");
  writeString(writer, support::toValidUtf8(component));
  writeKey(writer, "msg");
  writeString(writer, support::maskText(message));
  for (const Field& field : fields) {
    writeKey(writer, fieldKey(field.key));
    writeString(writer, support::maskField(field.key, field.value));
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::log
