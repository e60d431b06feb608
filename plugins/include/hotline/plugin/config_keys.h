#pragma once
// Helpers a connector uses to declare its config table (Fluent Bit's config_map):
//
//   static constexpr hl_config_key kConfig[] = {
//       hotline::plugin::stringKey("path", "/tickets", "Endpoint path under the instance."),
//       hotline::plugin::integerKey("max_items", "100", 1, 10000, "Items per poll."),
//       hotline::plugin::secretKey("app_secret", "HMAC key of the peer.", true),
//   };
//
// The host validates an instance's config block against this table before the connector
// sees it and prints it with `hotline-gateway describe <type>`.

#include "hotline/plugin/abi.h"

namespace hotline::plugin {

constexpr hl_config_key makeKey(const char* key, hl_config_type type, const char* default_value,
                                const char* doc, bool required) {
  hl_config_key k{};
  k.struct_size = sizeof(hl_config_key);
  k.key = key;
  k.type = type;
  k.default_value = default_value;
  k.required = required ? 1 : 0;
  k.doc = doc;
  return k;
}

constexpr hl_config_key stringKey(const char* key, const char* default_value, const char* doc,
                                  bool required = false) {
  return makeKey(key, HL_CONFIG_STRING, default_value, doc, required);
}

constexpr hl_config_key booleanKey(const char* key, const char* default_value, const char* doc) {
  return makeKey(key, HL_CONFIG_BOOLEAN, default_value, doc, false);
}

constexpr hl_config_key secretKey(const char* key, const char* doc, bool required) {
  return makeKey(key, HL_CONFIG_SECRET, nullptr, doc, required);
}

constexpr hl_config_key stringListKey(const char* key, const char* default_json, const char* doc) {
  return makeKey(key, HL_CONFIG_STRING_LIST, default_json, doc, false);
}

constexpr hl_config_key integerKey(const char* key, const char* default_value, double min,
                                   double max, const char* doc) {
  hl_config_key k = makeKey(key, HL_CONFIG_INTEGER, default_value, doc, false);
  k.has_min = 1;
  k.min = min;
  k.has_max = 1;
  k.max = max;
  return k;
}

constexpr hl_config_key numberKey(const char* key, const char* default_value, double min,
                                  double max, const char* doc) {
  hl_config_key k = integerKey(key, default_value, min, max, doc);
  k.type = HL_CONFIG_NUMBER;
  return k;
}

// `allowed` lists the values separated by '|': "json|xml".
constexpr hl_config_key enumKey(const char* key, const char* default_value, const char* allowed,
                                const char* doc) {
  hl_config_key k = makeKey(key, HL_CONFIG_ENUM, default_value, doc, false);
  k.allowed = allowed;
  return k;
}

} // namespace hotline::plugin
