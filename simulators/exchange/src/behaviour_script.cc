#include "simulators/exchange/src/behaviour_script.h"

#include "core/model/enum_table.h"
#include "simulators/exchange/src/json_text.h"

namespace hotline::sim::exchange {
namespace {

Result<BehaviourStep> parseStep(const rapidjson::Value& value, const std::string& where) {
  if (!value.IsObject()) {
    return invalidArgument(where + ": expected an object {\"action\":..,\"after_ms\":..}");
  }
  BehaviourStep step;
  bool has_action = false;
  for (const auto& member : value.GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    if (name == "action") {
      if (!member.value.IsString()) {
        return invalidArgument(where + ".action: expected an event type name (a string)");
      }
      auto type = model::parseEnum<model::EventType>(
          std::string_view(member.value.GetString(), member.value.GetStringLength()));
      if (!type) {
        return invalidArgument(where + ".action: " + type.status().message());
      }
      step.action = *type;
      has_action = true;
    } else if (name == "after_ms") {
      if (!member.value.IsInt64() || member.value.GetInt64() < 0 ||
          member.value.GetInt64() > kMaxStepDelayMs) {
        return invalidArgument(where + ".after_ms: expected an integer 0.." +
                               std::to_string(kMaxStepDelayMs));
      }
      step.after = std::chrono::milliseconds(member.value.GetInt64());
    } else if (name == "data") {
      if (!member.value.IsObject()) {
        return invalidArgument(where + ".data: expected a JSON object");
      }
      if (member.value.MemberCount() > 0) {
        step.data = compactJson(member.value);
      }
    } else {
      return invalidArgument(where + ": unknown member \"" + name +
                             "\" (expected action, after_ms, data)");
    }
  }
  if (!has_action) {
    return invalidArgument(where + ".action: missing");
  }
  return step;
}

} // namespace

Result<BehaviourScript> parseBehaviour(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    return invalidArgument("behaviour: not JSON (error at byte " +
                           std::to_string(doc.GetErrorOffset()) + ")");
  }
  if (!doc.IsObject() || !doc.HasMember("steps") || !doc["steps"].IsArray()) {
    return invalidArgument("behaviour: expected {\"steps\":[...]}");
  }
  if (doc.MemberCount() != 1) {
    return invalidArgument("behaviour: unknown member besides \"steps\"");
  }
  const auto& steps = doc["steps"].GetArray();
  if (steps.Size() > kMaxSteps) {
    return invalidArgument("behaviour.steps: at most " + std::to_string(kMaxSteps) + " steps");
  }
  BehaviourScript script;
  for (rapidjson::SizeType i = 0; i < steps.Size(); ++i) {
    auto step = parseStep(steps[i], "steps[" + std::to_string(i) + "]");
    if (!step) {
      return step.status();
    }
    script.steps.push_back(std::move(*step));
  }
  return script;
}

std::string behaviourJson(const BehaviourScript& script) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("steps");
  writer.StartArray();
  for (const BehaviourStep& step : script.steps) {
    writer.StartObject();
    writer.Key("action");
    writeString(writer, model::enumName(step.action));
    writer.Key("after_ms");
    writer.Int64(step.after.count());
    if (!step.data.empty()) {
      writer.Key("data");
      writeRaw(writer, step.data);
    }
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::sim::exchange
