#pragma once
// Parsing of untrusted JSON text for the model's codecs: strict UTF-8, full-precision numbers
// (so a double re-encodes to the same digits), a single root value, and a nesting limit checked
// before RapidJSON sees the text (its DOM destructor and Accept() recurse, so a deeply nested
// document would otherwise exhaust the stack).

#include <rapidjson/document.h>

#include <string_view>

#include "hotline/status.h"

namespace hotline::model {

// Deeper than any canonical document (a ticket nests 5 levels) with room for event data.
inline constexpr int kMaxJsonDepth = 64;

// InvalidArgument "invalid <what>: malformed JSON at offset 17: Missing a comma or '}' after an
// object member." on a syntax error, or naming the depth limit.
Status parseJsonDocument(std::string_view json, std::string_view what, rapidjson::Document& out);

// Compact serialisation of a value (RapidJSON's canonical output: no spaces, shortest
// round-tripping doubles, non-ASCII UTF-8 kept as is).
std::string compactJson(const rapidjson::Value& value);

} // namespace hotline::model
