#include "simulators/exchange/src/envelope.h"

#include "simulators/exchange/src/json_text.h"

namespace hotline::sim::exchange {

std::string okEnvelope(std::string_view data_json) {
  std::string body = R"({"code":0,"message":"ok","data":)";
  body.append(data_json);
  body.push_back('}');
  return body;
}

std::string errorEnvelope(int status, std::string_view message) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("code");
  writer.Int(status);
  writer.Key("message");
  writeString(writer, message);
  writer.Key("data");
  writer.Null();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

void replyOk(httplib::Response& response, std::string_view data_json) {
  response.status = 200;
  response.set_content(okEnvelope(data_json), "application/json");
}

void replyError(httplib::Response& response, int status, std::string_view message) {
  response.status = status;
  response.set_content(errorEnvelope(status, message), "application/json");
}

} // namespace hotline::sim::exchange
