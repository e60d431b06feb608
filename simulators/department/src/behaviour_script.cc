#include "simulators/department/src/behaviour_script.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <utility>

namespace hotline::sim::department {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kActions{{
    {"sign", "01"},
    {"progress", "02"},
    {"result", "03"},
    {"extension", "04"},
    {"return", "05"},
}};

size_t actionIndex(CallbackAction action) {
  switch (action) {
  case CallbackAction::Sign:
    return 0;
  case CallbackAction::Progress:
    return 1;
  case CallbackAction::Result:
    return 2;
  case CallbackAction::Extension:
    return 3;
  case CallbackAction::Return:
    return 4;
  }
  return 0;
}

// The text member `name` of `step` into `out`; absent is fine, another type is not.
Status readText(const rapidjson::Value& step, const char* name, const std::string& where,
                std::string& out) {
  if (!step.HasMember(name)) {
    return Status::ok();
  }
  const rapidjson::Value& value = step[name];
  if (!value.IsString()) {
    return invalidArgument(where + "." + name + ": expected a string");
  }
  out.assign(value.GetString(), value.GetStringLength());
  return Status::ok();
}

Status checkMembers(const rapidjson::Value& step, const std::string& where) {
  constexpr std::array<std::string_view, 5> kKnown{"action", "after_ms", "content", "reason",
                                                   "days"};
  for (const auto& member : step.GetObject()) {
    const std::string_view name(member.name.GetString(), member.name.GetStringLength());
    bool known = false;
    for (std::string_view candidate : kKnown) {
      known = known || candidate == name;
    }
    if (!known) {
      return invalidArgument(where + "." + std::string(name) +
                             ": unknown member (expected action, after_ms, content, reason, days)");
    }
  }
  return Status::ok();
}

Status readAction(const rapidjson::Value& step, const std::string& where, BehaviourStep& out) {
  if (!step.HasMember("action") || !step["action"].IsString()) {
    return invalidArgument(where + ".action: required, one of sign, progress, extension, "
                                   "result, return");
  }
  const std::string name = step["action"].GetString();
  std::optional<CallbackAction> action = actionFromName(name);
  if (!action) {
    return invalidArgument(where + ".action: \"" + name +
                           "\" is not one of sign, progress, extension, result, return");
  }
  out.action = *action;
  return Status::ok();
}

Status readNumbers(const rapidjson::Value& step, const std::string& where, BehaviourStep& out) {
  if (step.HasMember("after_ms")) {
    const rapidjson::Value& after = step["after_ms"];
    if (!after.IsInt64() || after.GetInt64() < 0 || after.GetInt64() > kMaxStepDelayMs) {
      return invalidArgument(where + ".after_ms: expected an integer 0.." +
                             std::to_string(kMaxStepDelayMs));
    }
    out.after_ms = after.GetInt64();
  }
  if (out.action == CallbackAction::Extension) {
    if (!step.HasMember("days") || !step["days"].IsInt() || step["days"].GetInt() < 1 ||
        step["days"].GetInt() > 365) {
      return invalidArgument(where + ".days: expected an integer 1..365 for an extension");
    }
    out.days = step["days"].GetInt();
  } else if (step.HasMember("days")) {
    return invalidArgument(where + ".days: only an extension asks for days");
  }
  return Status::ok();
}

Result<BehaviourStep> readStep(const rapidjson::Value& step, size_t index) {
  const std::string where = "steps[" + std::to_string(index) + "]";
  if (!step.IsObject()) {
    return invalidArgument(where + ": expected an object");
  }
  BehaviourStep out;
  HOTLINE_RETURN_IF_ERROR(checkMembers(step, where));
  HOTLINE_RETURN_IF_ERROR(readAction(step, where, out));
  HOTLINE_RETURN_IF_ERROR(readNumbers(step, where, out));
  HOTLINE_RETURN_IF_ERROR(readText(step, "content", where, out.content));
  HOTLINE_RETURN_IF_ERROR(readText(step, "reason", where, out.reason));
  // The gateway's mapping requires these texts; a script without them would only test that.
  if ((out.action == CallbackAction::Progress || out.action == CallbackAction::Result) &&
      out.content.empty()) {
    return invalidArgument(where + ".content: required for " + std::string(actionName(out.action)));
  }
  if ((out.action == CallbackAction::Extension || out.action == CallbackAction::Return) &&
      out.reason.empty()) {
    return invalidArgument(where + ".reason: required for " + std::string(actionName(out.action)));
  }
  return out;
}

} // namespace

std::string_view actionName(CallbackAction action) {
  return kActions[actionIndex(action)].first;
}

std::string_view actionCode(CallbackAction action) {
  return kActions[actionIndex(action)].second;
}

std::optional<CallbackAction> actionFromName(std::string_view name) {
  constexpr std::array kAll{CallbackAction::Sign, CallbackAction::Progress, CallbackAction::Result,
                            CallbackAction::Extension, CallbackAction::Return};
  for (CallbackAction action : kAll) {
    if (actionName(action) == name) {
      return action;
    }
  }
  return std::nullopt;
}

Result<BehaviourScript> parseBehaviourScript(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    return invalidArgument("behaviour: not JSON (error at byte " +
                           std::to_string(doc.GetErrorOffset()) + ")");
  }
  if (!doc.IsObject() || !doc.HasMember("steps") || !doc["steps"].IsArray()) {
    return invalidArgument("steps: required, an array of steps (may be empty)");
  }
  const rapidjson::Value& steps = doc["steps"];
  if (steps.Size() > kMaxSteps) {
    return invalidArgument("steps: at most " + std::to_string(kMaxSteps) + " steps, got " +
                           std::to_string(steps.Size()));
  }
  BehaviourScript script;
  for (rapidjson::SizeType i = 0; i < steps.Size(); ++i) {
    Result<BehaviourStep> step = readStep(steps[i], i);
    HOTLINE_RETURN_IF_ERROR(step.status());
    script.steps.push_back(*step);
  }
  return script;
}

std::string behaviourScriptJson(const BehaviourScript& script) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> out(buffer);
  out.StartObject();
  out.Key("steps");
  out.StartArray();
  for (const BehaviourStep& step : script.steps) {
    out.StartObject();
    out.Key("action");
    out.String(actionName(step.action).data(),
               static_cast<rapidjson::SizeType>(actionName(step.action).size()));
    out.Key("after_ms");
    out.Int64(step.after_ms);
    if (!step.content.empty()) {
      out.Key("content");
      out.String(step.content.c_str(), static_cast<rapidjson::SizeType>(step.content.size()));
    }
    if (!step.reason.empty()) {
      out.Key("reason");
      out.String(step.reason.c_str(), static_cast<rapidjson::SizeType>(step.reason.size()));
    }
    if (step.action == CallbackAction::Extension) {
      out.Key("days");
      out.Int(step.days);
    }
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::sim::department
