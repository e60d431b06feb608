#pragma once
// The generic top of every model codec: text ⇄ document ⇄ struct through describe().
// Internal to the model's codecs.

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/model/decode_issue.h"
#include "core/model/json_decoder.h"
#include "core/model/json_document.h"
#include "core/model/json_encoder.h"

namespace hotline::model::detail {

template <typename T>
Result<T> decodeValue(const rapidjson::Value& value, std::string_view what,
                      std::vector<DecodeIssue>* issues) {
  DecodeErrors errors;
  T out{};
  decodeStruct(value, std::string(), errors, out);
  if (issues != nullptr) {
    *issues = errors.issues();
  }
  if (!errors.empty()) {
    return decodeIssuesStatus(what, errors.issues());
  }
  return out;
}

template <typename T>
Result<T> decodeText(std::string_view json, std::string_view what,
                     std::vector<DecodeIssue>* issues) {
  rapidjson::Document document;
  Status parsed = parseJsonDocument(json, what, document);
  if (!parsed.isOk()) {
    if (issues != nullptr) {
      *issues = {DecodeIssue{"", parsed.message()}};
    }
    return parsed;
  }
  return decodeValue<T>(document, what, issues);
}

template <typename T>
std::string encodeText(const T& value) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  JsonEncoder::encodeStruct(writer, value);
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::model::detail
