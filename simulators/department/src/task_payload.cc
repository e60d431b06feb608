#include "simulators/department/src/task_payload.h"

#include <rapidjson/document.h>
#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <tinyxml2.h>

namespace hotline::sim::department {
namespace {

// The namespace URI a prefix stands for at `element`: the nearest xmlns:prefix (or xmlns for
// no prefix) on it or an ancestor. tinyxml2 knows no namespaces, so they are resolved here.
std::string_view namespaceOf(const tinyxml2::XMLElement* element, std::string_view prefix) {
  const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (const tinyxml2::XMLNode* node = element; node != nullptr; node = node->Parent()) {
    const tinyxml2::XMLElement* scope = node->ToElement();
    if (scope == nullptr) {
      break;
    }
    if (const char* uri = scope->Attribute(attribute.c_str()); uri != nullptr) {
      return uri;
    }
  }
  return {};
}

const tinyxml2::XMLElement* findTicketNo(const tinyxml2::XMLElement* element) {
  for (; element != nullptr; element = element->NextSiblingElement()) {
    const std::string_view name = element->Name();
    const size_t colon = name.find(':');
    const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
    const std::string_view prefix =
        colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
    if (local == "TicketNo" && namespaceOf(element, prefix) == kTicketNamespace) {
      return element;
    }
    if (const tinyxml2::XMLElement* found = findTicketNo(element->FirstChildElement())) {
      return found;
    }
  }
  return nullptr;
}

} // namespace

Result<std::string> hotlineNumberFromJson(std::string_view body) {
  rapidjson::Document doc;
  doc.Parse(body.data(), body.size());
  if (doc.HasParseError()) {
    return invalidArgument("body: not JSON (error at byte " + std::to_string(doc.GetErrorOffset()) +
                           ")");
  }
  const rapidjson::Value* number = rapidjson::Pointer("/data/gdbh").Get(doc);
  if (number == nullptr || !number->IsString() || number->GetStringLength() == 0) {
    return invalidArgument("/data/gdbh: missing or not a non-empty string (the hotline number)");
  }
  return std::string(number->GetString(), number->GetStringLength());
}

Result<std::string> hotlineNumberFromXml(std::string_view body) {
  tinyxml2::XMLDocument doc;
  if (doc.Parse(body.data(), body.size()) != tinyxml2::XML_SUCCESS) {
    return invalidArgument(std::string("body: not XML (") + doc.ErrorStr() + ")");
  }
  const tinyxml2::XMLElement* ticket_no = findTicketNo(doc.FirstChildElement());
  if (ticket_no == nullptr || ticket_no->GetText() == nullptr) {
    return invalidArgument("TicketNo: no non-empty element TicketNo in namespace " +
                           std::string(kTicketNamespace) + " (the hotline number)");
  }
  return std::string(ticket_no->GetText());
}

Result<std::string> hotlineNumberOf(std::string_view body, std::string_view content_type) {
  if (content_type.find("xml") != std::string_view::npos) {
    return hotlineNumberFromXml(body);
  }
  return hotlineNumberFromJson(body);
}

std::string_view taskKindName(TaskKind kind) {
  return kind == TaskKind::Ticket ? "ticket" : "action";
}

std::string acceptedReply(PayloadFormat format, TaskKind kind, std::string_view case_no) {
  // case_no is <prefix>-<digits> from our own options: nothing to escape in either format.
  if (format == PayloadFormat::Json) {
    return R"({"code":0,"message":"ok","data":{"caseNo":")" + std::string(case_no) + "\"}}";
  }
  const std::string element =
      kind == TaskKind::Ticket ? "d:PushTicketResponse" : "d:ActionResponse";
  return R"(<s:Envelope xmlns:s=")" + std::string(kSoapNamespace) + R"(" xmlns:d=")" +
         std::string(kTicketNamespace) + R"("><s:Body><)" + element +
         "><d:Code>0</d:Code><d:Message>ok</d:Message><d:DeptNo>" + std::string(case_no) +
         "</d:DeptNo></" + element + "></s:Body></s:Envelope>";
}

std::string_view replyContentType(PayloadFormat format) {
  return format == PayloadFormat::Json ? "application/json" : "text/xml; charset=utf-8";
}

std::string errorEnvelope(int status, std::string_view message) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> out(buffer);
  out.StartObject();
  out.Key("code");
  out.Int(status);
  out.Key("message");
  out.String(message.data(), static_cast<rapidjson::SizeType>(message.size()));
  out.Key("data");
  out.Null();
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::sim::department
