#include "simulators/exchange/src/json_text.h"

namespace hotline::sim::exchange {

std::string compactJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string stringMember(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) {
    return "";
  }
  auto member = object.FindMember(name);
  if (member == object.MemberEnd() || !member->value.IsString()) {
    return "";
  }
  return std::string(member->value.GetString(), member->value.GetStringLength());
}

} // namespace hotline::sim::exchange
