#include "simulators/scenario/src/conditions.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/pointer.h>

#include "simulators/scenario/src/json_reading.h"

namespace hotline::sim::scenario {
namespace {

std::string shortened(std::string text, size_t limit = 200) {
  if (text.size() > limit) {
    text = text.substr(0, limit) + "...";
  }
  return text;
}

std::string pointerName(const std::string& pointer) {
  return pointer.empty() ? "the body" : pointer;
}

// Why `condition` fails on the parsed body `json` (null when the body is not JSON).
std::optional<std::string> failure(const Condition& condition, const HttpResponse& response,
                                   const rapidjson::Document* json, const std::string& json_error) {
  if (condition.kind == ConditionKind::Status) {
    for (int status : condition.statuses) {
      if (status == response.status) {
        return std::nullopt;
      }
    }
    std::string expected;
    for (int status : condition.statuses) {
      expected += (expected.empty() ? "" : " or ") + std::to_string(status);
    }
    return "status is " + std::to_string(response.status) + ", expected " + expected;
  }
  if (condition.kind == ConditionKind::Contains && !condition.pointer) {
    if (response.body.find(condition.text) != std::string::npos) {
      return std::nullopt;
    }
    return "the body does not contain \"" + condition.text + "\"";
  }
  if (json == nullptr) {
    return "the body is not JSON (" + json_error + ")";
  }
  const std::string& pointer = condition.pointer.value_or("");
  const rapidjson::Value* found = rapidjson::Pointer(pointer.c_str()).Get(*json);
  switch (condition.kind) {
  case ConditionKind::Exists:
    if ((found != nullptr) == condition.exists) {
      return std::nullopt;
    }
    return found == nullptr ? pointerName(pointer) + " does not exist"
                            : pointerName(pointer) + " exists (" + shortened(jsonText(*found)) +
                                  "), expected it not to";
  case ConditionKind::Equals: {
    rapidjson::Document expected;
    expected.Parse(condition.expected_json.c_str());
    if (found != nullptr && *found == expected) {
      return std::nullopt;
    }
    return pointerName(pointer) +
           (found == nullptr ? " does not exist" : " is " + shortened(jsonText(*found))) +
           ", expected " + shortened(condition.expected_json);
  }
  case ConditionKind::Contains: {
    if (found == nullptr) {
      return pointerName(pointer) + " does not exist";
    }
    std::string text = found->IsString() ? std::string(found->GetString(), found->GetStringLength())
                                         : jsonText(*found);
    if (text.find(condition.text) != std::string::npos) {
      return std::nullopt;
    }
    return pointerName(pointer) + " is " + shortened(jsonText(*found)) +
           ", which does not contain \"" + condition.text + "\"";
  }
  case ConditionKind::Count:
  default: {
    if (found == nullptr || !(found->IsArray() || found->IsObject())) {
      return pointerName(pointer) +
             (found == nullptr ? " does not exist" : " is " + describeType(*found)) +
             ", expected an array of " + std::to_string(condition.count);
    }
    int64_t size = found->IsArray() ? found->Size() : found->MemberCount();
    if (size == condition.count) {
      return std::nullopt;
    }
    return pointerName(pointer) + " has " + std::to_string(size) + " elements, expected " +
           std::to_string(condition.count);
  }
  }
}

} // namespace

std::optional<std::string> firstFailure(const std::vector<Condition>& conditions,
                                        const HttpResponse& response, bool require_success) {
  if (!response.received) {
    return "no response: " + response.error;
  }
  bool has_status = false;
  for (const Condition& condition : conditions) {
    has_status = has_status || condition.kind == ConditionKind::Status;
  }
  if (require_success && !has_status && (response.status < 200 || response.status > 299)) {
    return "status is " + std::to_string(response.status) +
           ", expected 2xx (add an expect with a status condition to expect another)";
  }
  rapidjson::Document doc;
  doc.Parse(response.body.c_str(), response.body.size());
  std::string json_error;
  if (doc.HasParseError()) {
    json_error = std::string(rapidjson::GetParseError_En(doc.GetParseError())) + " at offset " +
                 std::to_string(doc.GetErrorOffset());
  }
  for (const Condition& condition : conditions) {
    std::optional<std::string> why =
        failure(condition, response, doc.HasParseError() ? nullptr : &doc, json_error);
    if (why) {
      return condition.where + ": " + *why;
    }
  }
  return std::nullopt;
}

std::optional<std::string> extractValue(const std::string& body, const std::string& pointer,
                                        std::string& why) {
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  if (doc.HasParseError()) {
    why = "the body is not JSON";
    return std::nullopt;
  }
  const rapidjson::Value* found = rapidjson::Pointer(pointer.c_str()).Get(doc);
  if (found == nullptr) {
    why = pointerName(pointer) + " does not exist in the body";
    return std::nullopt;
  }
  return found->IsString() ? std::string(found->GetString(), found->GetStringLength())
                           : jsonText(*found);
}

} // namespace hotline::sim::scenario
