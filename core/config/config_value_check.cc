#include "core/config/config_value_check.h"

#include <algorithm>

#include <rapidjson/document.h>

#include "core/config/json_value_text.h"
#include "core/config/secret_resolver.h"

namespace hotline::config {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) {
    text += text.empty() ? item : ", " + item;
  }
  return text;
}

std::string_view stringOf(const rapidjson::Value& value) {
  return {value.GetString(), value.GetStringLength()};
}

std::nullopt_t typeError(const std::string& path, const std::string& expected,
                         const rapidjson::Value& value, ConfigErrors& errors) {
  errors.push_back({path, "expected " + expected + ", got " + describeJsonValue(value)});
  return std::nullopt;
}

std::optional<std::string> checkRange(const ConfigKey& key, double number, std::string text,
                                      const std::string& path, ConfigErrors& errors) {
  const bool below = key.min && number < *key.min;
  const bool above = key.max && number > *key.max;
  if (!below && !above) {
    return text;
  }
  std::string message = text + " is out of range ";
  if (key.min && key.max) {
    message += formatNumber(*key.min) + ".." + formatNumber(*key.max);
  } else if (key.min) {
    message += "(at least " + formatNumber(*key.min) + ")";
  } else {
    message += "(at most " + formatNumber(*key.max) + ")";
  }
  errors.push_back({path, std::move(message)});
  return std::nullopt;
}

std::optional<std::string> checkInteger(const ConfigKey& key, const rapidjson::Value& value,
                                        const std::string& path, ConfigErrors& errors) {
  if (value.IsInt64()) {
    const int64_t number = value.GetInt64();
    return checkRange(key, static_cast<double>(number), std::to_string(number), path, errors);
  }
  if (value.IsUint64()) { // above INT64_MAX: beyond any range a key declares
    return checkRange(key, value.GetDouble(), toCompactJson(value), path, errors);
  }
  return typeError(path, "integer", value, errors);
}

std::optional<std::string> checkNumber(const ConfigKey& key, const rapidjson::Value& value,
                                       const std::string& path, ConfigErrors& errors) {
  if (!value.IsNumber()) {
    return typeError(path, "number", value, errors);
  }
  return checkRange(key, value.GetDouble(), toCompactJson(value), path, errors);
}

std::optional<std::string> checkEnum(const ConfigKey& key, const rapidjson::Value& value,
                                     const std::string& path, ConfigErrors& errors) {
  if (!value.IsString()) {
    return typeError(path, "string (one of: " + joined(key.allowed) + ")", value, errors);
  }
  const std::string text(stringOf(value));
  if (std::find(key.allowed.begin(), key.allowed.end(), text) == key.allowed.end()) {
    errors.push_back({path, quoteJson(text) + " is not one of: " + joined(key.allowed)});
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> checkSecret(const rapidjson::Value& value, const std::string& path,
                                       ConfigErrors& errors) {
  if (!value.IsString()) {
    // The kind only: a number here may still be the secret itself.
    errors.push_back(
        {path, std::string("expected a string env:NAME or file:PATH, got ") + jsonKindName(value)});
    return std::nullopt;
  }
  const Result<SecretReference> reference = parseSecretReference(stringOf(value));
  if (!reference) {
    errors.push_back({path, reference.status().message()});
    return std::nullopt;
  }
  return reference->text();
}

std::optional<std::string> checkStringList(const rapidjson::Value& value, const std::string& path,
                                           ConfigErrors& errors) {
  if (!value.IsArray()) {
    return typeError(path, "array of strings", value, errors);
  }
  bool all_strings = true;
  for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
    if (!value[i].IsString()) {
      typeError(path + "[" + std::to_string(i) + "]", "string", value[i], errors);
      all_strings = false;
    }
  }
  if (!all_strings) {
    return std::nullopt;
  }
  return toCompactJson(value);
}

} // namespace

std::optional<std::string> checkValue(const ConfigKey& key, const rapidjson::Value& value,
                                      const std::string& path, ConfigErrors& errors) {
  switch (key.type) {
  case ConfigType::String:
    return value.IsString() ? std::optional<std::string>(stringOf(value))
                            : typeError(path, "string", value, errors);
  case ConfigType::Integer:
    return checkInteger(key, value, path, errors);
  case ConfigType::Number:
    return checkNumber(key, value, path, errors);
  case ConfigType::Boolean:
    return value.IsBool() ? std::optional<std::string>(value.GetBool() ? "true" : "false")
                          : typeError(path, "boolean (true or false)", value, errors);
  case ConfigType::Secret:
    return checkSecret(value, path, errors);
  case ConfigType::StringList:
    return checkStringList(value, path, errors);
  case ConfigType::Enum:
    return checkEnum(key, value, path, errors);
  case ConfigType::Object:
    return value.IsObject() ? std::optional<std::string>(toCompactJson(value))
                            : typeError(path, "object", value, errors);
  }
  return typeError(path, configTypeName(key.type), value, errors);
}

} // namespace hotline::config
