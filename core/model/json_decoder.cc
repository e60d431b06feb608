#include "core/model/json_decoder.h"

#include <algorithm>
#include <charconv>
#include <limits>

#include "core/model/json_document.h"

namespace hotline::model::detail {
namespace {

constexpr const char* kEmptyReason = "must not be empty (omit the member instead)";
constexpr size_t kMaxEchoedNameBytes = 64;

// A member name as it appears in a path of an "unknown member" reason: cut to 64 bytes on a
// UTF-8 boundary and with control characters replaced, so a hostile key stays one short line.
std::string clippedName(std::string_view name) {
  size_t cut = std::min(name.size(), kMaxEchoedNameBytes);
  while (cut < name.size() && cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  std::string out(name.substr(0, cut));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20U) {
      c = '?';
    }
  }
  return cut < name.size() ? out + "…" : out;
}

std::string numberText(double value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return ec == std::errc() ? std::string(buffer, end) : std::string("?");
}

// Reads an integer in [min, max]. Numbers are not echoed either: a misplaced phone number
// would otherwise appear in the reason.
bool readInteger(const rapidjson::Value& value, const std::string& path, int64_t min, int64_t max,
                 DecodeErrors& errors, int64_t& out) {
  if (!value.IsNumber()) {
    errors.add(path, std::string("expected integer, got ") + jsonTypeName(value));
    return false;
  }
  const std::string bounds =
      "must be within [" + std::to_string(min) + ", " + std::to_string(max) + "]";
  if (value.IsUint64() && !value.IsInt64()) {
    errors.add(path, bounds);
    return false;
  }
  if (!value.IsInt64()) {
    errors.add(path, "expected integer, got a number with a fraction or exponent");
    return false;
  }
  out = value.GetInt64();
  if (out < min || out > max) {
    errors.add(path, bounds);
    return false;
  }
  return true;
}

} // namespace

const char* jsonTypeName(const rapidjson::Value& value) {
  switch (value.GetType()) {
  case rapidjson::kNullType:
    return "null";
  case rapidjson::kFalseType:
  case rapidjson::kTrueType:
    return "boolean";
  case rapidjson::kObjectType:
    return "object";
  case rapidjson::kArrayType:
    return "array";
  case rapidjson::kStringType:
    return "string";
  case rapidjson::kNumberType:
    return "number";
  }
  return "unknown";
}

std::string childPath(const std::string& base, std::string_view key) {
  std::string path = base + "/";
  for (char c : key) {
    if (c == '~') {
      path += "~0";
    } else if (c == '/') {
      path += "~1";
    } else {
      path += c;
    }
  }
  return path;
}

JsonDecoder::JsonDecoder(const rapidjson::Value& value, std::string path, DecodeErrors& errors)
    : path_(std::move(path)), errors_(errors) {
  if (value.IsObject()) {
    object_ = &value;
  } else {
    errors_.add(path_, std::string("expected object, got ") + jsonTypeName(value));
  }
}

const rapidjson::Value* JsonDecoder::member(const char* key, Need need) {
  known_.push_back(key);
  if (object_ == nullptr) {
    return nullptr;
  }
  auto it = object_->FindMember(key);
  if (it == object_->MemberEnd()) {
    if (need == Need::Required) {
      errors_.add(childPath(path_, key), "required member is missing");
    }
    return nullptr;
  }
  return &it->value;
}

bool JsonDecoder::readString(const rapidjson::Value& value, const std::string& path,
                             std::string& out) {
  if (!value.IsString()) {
    errors_.add(path, std::string("expected string, got ") + jsonTypeName(value));
    return false;
  }
  if (value.GetStringLength() == 0) {
    errors_.add(path, kEmptyReason);
    return false;
  }
  out.assign(value.GetString(), value.GetStringLength());
  return true;
}

void JsonDecoder::text(const char* key, std::string& out, Need need, const StringRule* rule) {
  const rapidjson::Value* value = member(key, need);
  if (value == nullptr) {
    return;
  }
  const std::string path = childPath(path_, key);
  std::string parsed;
  if (!readString(*value, path, parsed)) {
    return;
  }
  if (rule != nullptr && !rule->accepts(parsed)) {
    errors_.add(path, "expected " + std::string(rule->expectation));
    return;
  }
  out = std::move(parsed);
}

void JsonDecoder::textList(const char* key, std::vector<std::string>& out) {
  const rapidjson::Value* value = member(key, Need::Optional);
  if (value == nullptr) {
    return;
  }
  const std::string path = childPath(path_, key);
  if (!value->IsArray() || value->Empty()) {
    errors_.add(path, value->IsArray()
                          ? std::string(kEmptyReason)
                          : std::string("expected array, got ") + jsonTypeName(*value));
    return;
  }
  out.resize(value->Size());
  for (rapidjson::SizeType i = 0; i < value->Size(); ++i) {
    readString((*value)[i], path + "/" + std::to_string(i), out[i]);
  }
}

std::optional<Timestamp> JsonDecoder::readTime(const rapidjson::Value& value,
                                               const std::string& path) {
  std::string text_value;
  if (!readString(value, path, text_value)) {
    return std::nullopt;
  }
  Result<Timestamp> parsed = parseTimestamp(text_value);
  if (!parsed.isOk()) {
    errors_.add(path, parsed.status().message()); // times are not personal: quoting is fine
    return std::nullopt;
  }
  return *parsed;
}

void JsonDecoder::time(const char* key, Timestamp& out) {
  if (const rapidjson::Value* value = member(key, Need::Required)) {
    if (auto parsed = readTime(*value, childPath(path_, key))) {
      out = *parsed;
    }
  }
}

void JsonDecoder::time(const char* key, std::optional<Timestamp>& out) {
  if (const rapidjson::Value* value = member(key, Need::Optional)) {
    out = readTime(*value, childPath(path_, key));
  }
}

void JsonDecoder::integer(const char* key, int& out, int64_t min) {
  if (const rapidjson::Value* value = member(key, Need::Required)) {
    int64_t parsed = 0;
    if (readInteger(*value, childPath(path_, key), min, std::numeric_limits<int>::max(), errors_,
                    parsed)) {
      out = static_cast<int>(parsed);
    }
  }
}

void JsonDecoder::integer(const char* key, std::optional<int64_t>& out, int64_t min) {
  if (const rapidjson::Value* value = member(key, Need::Optional)) {
    int64_t parsed = 0;
    if (readInteger(*value, childPath(path_, key), min, kMaxSafeInteger, errors_, parsed)) {
      out = parsed;
    }
  }
}

void JsonDecoder::number(const char* key, std::optional<double>& out, NumberRange range) {
  const rapidjson::Value* value = member(key, Need::Optional);
  if (value == nullptr) {
    return;
  }
  const std::string path = childPath(path_, key);
  if (!value->IsNumber()) {
    errors_.add(path, std::string("expected number, got ") + jsonTypeName(*value));
    return;
  }
  const double parsed = value->GetDouble();
  if (parsed < range.min || parsed > range.max) {
    errors_.add(path,
                "must be within [" + numberText(range.min) + ", " + numberText(range.max) + "]");
    return;
  }
  out = parsed;
}

void JsonDecoder::rawObject(const char* key, std::string& out) {
  const rapidjson::Value* value = member(key, Need::Optional);
  if (value == nullptr) {
    return;
  }
  const std::string path = childPath(path_, key);
  if (!value->IsObject()) {
    errors_.add(path, std::string("expected object, got ") + jsonTypeName(*value));
  } else if (value->MemberCount() == 0) {
    errors_.add(path, kEmptyReason);
  } else {
    out = compactJson(*value);
  }
}

void JsonDecoder::finish() {
  if (object_ == nullptr) {
    return;
  }
  std::vector<std::string_view> seen;
  for (auto it = object_->MemberBegin(); it != object_->MemberEnd(); ++it) {
    const std::string_view name(it->name.GetString(), it->name.GetStringLength());
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      errors_.add(childPath(path_, clippedName(name)), "duplicate member");
      continue;
    }
    seen.push_back(name);
    if (std::find(known_.begin(), known_.end(), name) == known_.end()) {
      errors_.add(childPath(path_, clippedName(name)), "unknown member");
    }
  }
}

} // namespace hotline::model::detail
