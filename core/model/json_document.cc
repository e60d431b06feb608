#include "core/model/json_document.h"

#include "hotline/support/json_zero_numbers.h"

#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <string>

namespace hotline::model {
namespace {

constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag |
                                 rapidjson::kParseFullPrecisionFlag |
                                 rapidjson::kParseValidateEncodingFlag;

// Maximum bracket nesting of the text, ignoring brackets inside strings. Malformed text is
// left for the parser to describe.
int nestingDepth(std::string_view json) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i; // skip the escaped character, which may be a quote
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

} // namespace

Status parseJsonDocument(std::string_view json, std::string_view what, rapidjson::Document& out) {
  if (nestingDepth(json) > kMaxJsonDepth) {
    return invalidArgument("invalid " + std::string(what) + ": JSON nests deeper than " +
                           std::to_string(kMaxJsonDepth) + " levels");
  }
  std::string scratch;
  const std::string_view safe = support::safeForFullPrecision(json, scratch);
  out.Parse<kParseFlags>(safe.data(), safe.size());
  if (out.HasParseError()) {
    return invalidArgument("invalid " + std::string(what) + ": malformed JSON at offset " +
                           std::to_string(out.GetErrorOffset()) + ": " +
                           rapidjson::GetParseError_En(out.GetParseError()));
  }
  return Status::ok();
}

std::string compactJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::model
