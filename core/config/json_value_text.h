#pragma once
// How JSON values appear in error messages and flat config values. Kept apart from the
// validator so that every message quotes values the same way.

#include <string>
#include <string_view>

#include <rapidjson/fwd.h>

namespace hotline::config {

// "string", "integer", "number", "boolean", "null", "object" or "array". Integers (no
// fraction or exponent in the text) are told apart from other numbers because that is the
// difference a reader needs in "expected integer, got number 80.5".
const char* jsonKindName(const rapidjson::Value& value);

// The kind and, for scalars, the value: `string "80"`, `number 80.5`, `boolean true`,
// `null`, `object`, `array`. Long strings are cut (at a character boundary) so that a
// pasted blob does not flood the message. Never use this on a value that may be a secret.
std::string describeJsonValue(const rapidjson::Value& value);

// Compact JSON text of any value: ["a","b"], {"k":1}, 8080, 80.5.
std::string toCompactJson(const rapidjson::Value& value);

// `text` as a JSON string literal, quotes and escapes included.
std::string quoteJson(std::string_view text);

// A range bound or number for messages: 65535, -1, 0.5.
std::string formatNumber(double value);

} // namespace hotline::config
