#include "simulators/core_platform/src/json_reply.h"

namespace hotline::sim::core_platform {

std::string acceptedBody(std::string_view platform_id) {
  std::string body = R"({"code":0,"message":"ok","data":{"platform_id":")";
  body.append(platform_id); // "CP" + digits: nothing to escape
  body.append("\"}}");
  return body;
}

void replyJson(httplib::Response& response, int status, std::string body) {
  response.status = status;
  response.set_content(std::move(body), "application/json");
}

void replyError(httplib::Response& response, int status, std::string_view message,
                int retry_after_s) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("code");
  writer.Int(status);
  writer.Key("message");
  writeString(writer, message);
  writer.EndObject();
  if (retry_after_s >= 0) {
    response.set_header("Retry-After", std::to_string(retry_after_s));
  }
  replyJson(response, status, std::string(buffer.GetString(), buffer.GetSize()));
}

void replyOk(httplib::Response& response, std::string_view data_json) {
  std::string body = R"({"code":0,"message":"ok","data":)";
  body.append(data_json);
  body.push_back('}');
  replyJson(response, 200, std::move(body));
}

} // namespace hotline::sim::core_platform
