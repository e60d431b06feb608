#include "exchange_replies.h"

#include "json_util.h"

#include <tinyxml2.h>

namespace hotline::connectors::exchange {
namespace {

// tinyxml2 keeps prefixes in names: "x:Code" and "Code" are both the local name Code.
std::string_view localName(const tinyxml2::XMLElement& element) {
  std::string_view name = element.Name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const tinyxml2::XMLElement* childNamed(const tinyxml2::XMLElement* parent, std::string_view local) {
  for (auto* child = parent == nullptr ? nullptr : parent->FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    if (localName(*child) == local) {
      return child;
    }
  }
  return nullptr;
}

std::string textOf(const tinyxml2::XMLElement* element) {
  const char* text = element == nullptr ? nullptr : element->GetText();
  std::string out = text == nullptr ? "" : text;
  size_t first = out.find_first_not_of(" \t\r\n");
  size_t last = out.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? "" : out.substr(first, last - first + 1);
}

} // namespace

Result<support::PeerReply> parseJsonReply(std::string_view body) {
  rapidjson::Document document;
  document.Parse(body.data(), body.size());
  if (document.HasParseError() || !document.IsObject()) {
    return invalidArgument("reply is not a JSON object ({\"code\":0,\"message\":..,\"data\":..})");
  }
  std::optional<std::string> code = json::memberText(document, "code");
  if (!code) {
    return invalidArgument("reply has no \"code\" (a number or a string)");
  }
  support::PeerReply reply;
  reply.code = *code;
  reply.message = json::memberText(document, "message").value_or("");
  auto data = document.FindMember("data");
  if (data != document.MemberEnd()) {
    reply.number = json::memberText(data->value, "number").value_or("");
  }
  return reply;
}

Result<support::PeerReply> parseXmlReply(std::string_view body) {
  tinyxml2::XMLDocument document;
  if (document.Parse(body.data(), body.size()) != tinyxml2::XML_SUCCESS) {
    return invalidArgument(std::string("reply is not well-formed XML: ") + document.ErrorStr());
  }
  const tinyxml2::XMLElement* root = document.RootElement();
  const tinyxml2::XMLElement* soap_body =
      root != nullptr && localName(*root) == "Envelope" ? childNamed(root, "Body") : nullptr;
  const tinyxml2::XMLElement* answer =
      soap_body == nullptr ? nullptr : soap_body->FirstChildElement();
  if (answer == nullptr) {
    return invalidArgument("reply is not a SOAP Envelope with a response element in its Body");
  }
  if (localName(*answer) == "Fault") {
    return support::PeerReply{"fault", textOf(childNamed(answer, "faultstring")), ""};
  }
  const tinyxml2::XMLElement* code = childNamed(answer, "Code");
  if (code == nullptr || textOf(code).empty()) {
    return invalidArgument("reply " + std::string(answer->Name()) + " has no Code element");
  }
  return support::PeerReply{textOf(code), textOf(childNamed(answer, "Message")),
                            textOf(childNamed(answer, "Number"))};
}

Result<support::PeerReply> parseReply(std::string_view body) {
  size_t first = body.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && body[first] == '<') {
    return parseXmlReply(body);
  }
  return parseJsonReply(body);
}

std::string okEnvelope(std::string_view data_json) {
  return std::string(R"({"code":0,"message":"ok","data":)") + std::string(data_json) + "}";
}

std::string errorEnvelope(int http_status, std::string_view message) {
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("code");
  writer.Int(http_status);
  writer.Key("message");
  json::writeString(writer, message);
  writer.Key("data");
  writer.Null();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string ticketAnswerData(std::string_view ticket_id, bool duplicate) {
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("number");
  json::writeString(writer, ticket_id);
  writer.Key("ticket_id");
  json::writeString(writer, ticket_id);
  writer.Key("duplicate");
  writer.Bool(duplicate);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string knowledgeAnswerData(std::string_view article_id, bool duplicate) {
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("article_id");
  json::writeString(writer, article_id);
  writer.Key("duplicate");
  writer.Bool(duplicate);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string actionAnswerData(std::string_view ticket_id, std::string_view host_answer,
                             bool duplicate) {
  rapidjson::Document answer;
  answer.Parse(host_answer.data(), host_answer.size());
  std::string status =
      answer.HasParseError() ? "" : json::memberText(answer, "status").value_or("");
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("ticket_id");
  json::writeString(writer, ticket_id);
  writer.Key("status");
  json::writeString(writer, status);
  writer.Key("duplicate");
  writer.Bool(duplicate);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::connectors::exchange
