#include "core/pipeline/answer_body.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace hotline::pipeline {

std::string answerBody(const std::string& ticket_id, std::string_view status, bool duplicate) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("ticket_id");
  writer.String(ticket_id.c_str(), static_cast<rapidjson::SizeType>(ticket_id.size()));
  writer.Key("status");
  writer.String(status.data(), static_cast<rapidjson::SizeType>(status.size()));
  writer.Key("duplicate");
  writer.Bool(duplicate);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string markDuplicate(std::string body) {
  static const std::string kFirst = "\"duplicate\":false}";
  if (body.size() >= kFirst.size() &&
      body.compare(body.size() - kFirst.size(), kFirst.size(), kFirst) == 0) {
    body.replace(body.size() - kFirst.size(), kFirst.size(), "\"duplicate\":true}");
  }
  return body;
}

} // namespace hotline::pipeline
