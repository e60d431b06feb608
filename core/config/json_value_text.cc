#include "core/config/json_value_text.h"

#include <cmath>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace hotline::config {
namespace {

// Enough to recognise a value without letting a long one take over the message.
constexpr size_t kMaxQuotedBytes = 60;

bool isUtf8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string_view cutAtCharacter(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) {
    return text;
  }
  size_t end = max_bytes;
  while (end > 0 && isUtf8Continuation(text[end])) {
    --end;
  }
  return text.substr(0, end);
}

} // namespace

const char* jsonKindName(const rapidjson::Value& value) {
  if (value.IsString()) {
    return "string";
  }
  if (value.IsInt64() || value.IsUint64()) {
    return "integer";
  }
  if (value.IsNumber()) {
    return "number";
  }
  if (value.IsBool()) {
    return "boolean";
  }
  if (value.IsObject()) {
    return "object";
  }
  if (value.IsArray()) {
    return "array";
  }
  return "null";
}

std::string describeJsonValue(const rapidjson::Value& value) {
  if (value.IsString()) {
    const std::string_view text(value.GetString(), value.GetStringLength());
    const std::string_view shown = cutAtCharacter(text, kMaxQuotedBytes);
    return std::string("string ") + quoteJson(shown) + (shown.size() < text.size() ? "..." : "");
  }
  if (value.IsNumber() || value.IsBool()) {
    return std::string(jsonKindName(value)) + " " + toCompactJson(value);
  }
  return jsonKindName(value);
}

std::string toCompactJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string quoteJson(std::string_view text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string formatNumber(double value) {
  // Integral bounds print without a fraction ("65535", not "65535.0"); 2^53 is where
  // doubles stop representing every integer.
  if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < 9007199254740992.0) {
    return std::to_string(static_cast<long long>(value));
  }
  return toCompactJson(rapidjson::Value(value));
}

} // namespace hotline::config
