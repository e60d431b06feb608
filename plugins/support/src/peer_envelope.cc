#include "hotline/support/peer_envelope.h"

#include "hotline/support/json_scalar.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace hotline::support {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeString(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

using json::memberText;

} // namespace

std::string okEnvelope(std::string_view data_json) {
  return std::string(R"({"code":0,"message":"ok","data":)") + std::string(data_json) + "}";
}

std::string errorEnvelope(int http_status, std::string_view message) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writer.Key("code");
  writer.Int(http_status);
  writer.Key("message");
  writeString(writer, message);
  writer.Key("data");
  writer.Null();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

Result<PeerReply> readEnvelopeReply(std::string_view body, const char* number_member) {
  rapidjson::Document document;
  document.Parse(body.data(), body.size());
  if (document.HasParseError() || !document.IsObject()) {
    return invalidArgument("reply is not a JSON object ({\"code\":0,\"message\":..,\"data\":..})");
  }
  std::optional<std::string> code = memberText(document, "code");
  if (!code) {
    return invalidArgument("reply has no \"code\" (a number or a string)");
  }
  PeerReply reply;
  reply.code = *code;
  reply.message = memberText(document, "message").value_or("");
  auto data = document.FindMember("data");
  if (data != document.MemberEnd()) {
    reply.number = memberText(data->value, number_member).value_or("");
  }
  return reply;
}

std::string submittedEventData(std::string_view ticket_id, std::string_view host_answer,
                               bool duplicate) {
  rapidjson::Document answer;
  answer.Parse(host_answer.data(), host_answer.size());
  std::string status = answer.HasParseError() ? "" : memberText(answer, "status").value_or("");
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writer.Key("ticket_id");
  writeString(writer, ticket_id);
  writer.Key("status");
  writeString(writer, status);
  writer.Key("duplicate");
  writer.Bool(duplicate);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::support
