#include "department_codec.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <tinyxml2.h>

#include <algorithm>
#include <charconv>

namespace hotline::connectors::department {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeString(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

// A scalar member as text: a department may send its code as 0 or "0".
std::optional<std::string> scalarText(const rapidjson::Value& value) {
  if (value.IsString()) {
    return std::string(value.GetString(), value.GetStringLength());
  }
  if (value.IsInt64()) {
    return std::to_string(value.GetInt64());
  }
  if (value.IsUint64()) {
    return std::to_string(value.GetUint64());
  }
  return std::nullopt;
}

std::optional<std::string> memberText(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) {
    return std::nullopt;
  }
  auto it = object.FindMember(name);
  if (it == object.MemberEnd()) {
    return std::nullopt;
  }
  return scalarText(it->value);
}

// tinyxml2 keeps prefixes in names: "d:Code" and "Code" are both the local name Code.
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

std::optional<uint64_t> parseUnsigned(std::string_view text) {
  uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

} // namespace

Result<DeptReply> parseJsonReply(std::string_view body) {
  rapidjson::Document document;
  document.Parse(body.data(), body.size());
  if (document.HasParseError() || !document.IsObject()) {
    return invalidArgument("reply is not a JSON object ({\"code\":0,\"message\":..,\"data\":..})");
  }
  std::optional<std::string> code = memberText(document, "code");
  if (!code) {
    return invalidArgument("reply has no \"code\" (a number or a string)");
  }
  DeptReply reply;
  reply.code = *code;
  reply.message = memberText(document, "message").value_or("");
  auto data = document.FindMember("data");
  if (data != document.MemberEnd()) {
    reply.case_no = memberText(data->value, "caseNo").value_or("");
  }
  return reply;
}

Result<DeptReply> parseXmlReply(std::string_view body) {
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
    return DeptReply{"fault", textOf(childNamed(answer, "faultstring")), ""};
  }
  const tinyxml2::XMLElement* code = childNamed(answer, "Code");
  if (code == nullptr || textOf(code).empty()) {
    return invalidArgument("reply " + std::string(answer->Name()) + " has no Code element");
  }
  return DeptReply{textOf(code), textOf(childNamed(answer, "Message")),
                   textOf(childNamed(answer, "DeptNo"))};
}

Result<DeptReply> parseReply(ReplyFormat format, std::string_view body) {
  return format == ReplyFormat::Xml ? parseXmlReply(body) : parseJsonReply(body);
}

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

std::string callbackData(std::string_view ticket_id, std::string_view host_answer, bool duplicate) {
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

Result<TaskQuery> parseTaskQuery(std::string_view query) {
  TaskQuery parsed;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    size_t equals = pair.find('=');
    std::string_view name = pair.substr(0, equals);
    std::string_view value = equals == std::string_view::npos ? "" : pair.substr(equals + 1);
    if (name == "status") {
      if (value != "new" && value != "all") {
        return invalidArgument("status: must be new or all");
      }
      parsed.only_new = value == "new";
    } else if (name == "since") {
      std::optional<uint64_t> since = parseUnsigned(value);
      if (!since) {
        return invalidArgument("since: must be a task seq (decimal digits), as given in next");
      }
      parsed.since = *since;
    } else if (name == "limit") {
      std::optional<uint64_t> limit = parseUnsigned(value);
      if (!limit || *limit == 0) {
        return invalidArgument("limit: must be a number from 1 to 500");
      }
      parsed.limit = static_cast<size_t>(std::min<uint64_t>(*limit, kMaxTaskLimit));
    }
  }
  return parsed;
}

} // namespace hotline::connectors::department
