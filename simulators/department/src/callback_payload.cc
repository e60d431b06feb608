#include "simulators/department/src/callback_payload.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <tinyxml2.h>

#include <cstdio>
#include <ctime>

#include "simulators/department/src/task_payload.h"

namespace hotline::sim::department {
namespace {

constexpr int64_t kMillisPerDay = 86'400'000;

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void member(JsonWriter& out, const char* name, const std::string& value) {
  out.Key(name);
  out.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void element(tinyxml2::XMLPrinter& out, const char* name, const std::string& text,
             bool cdata = false) {
  out.OpenElement(name, true);
  // CDATA cannot hold "]]>"; such a text goes escaped instead, which means the same.
  out.PushText(text.c_str(), cdata && text.find("]]>") == std::string::npos);
  out.CloseElement(true);
}

bool hasContent(const CallbackMessage& message) {
  return message.action != CallbackAction::Sign;
}

} // namespace

std::string departmentTime(int64_t epoch_ms) {
  const std::time_t local = static_cast<std::time_t>(epoch_ms / 1000) + 8 * 3600;
  std::tm parts{};
  gmtime_r(&local, &parts);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S", &parts);
  return text;
}

std::string callbackJson(const CallbackMessage& message) {
  rapidjson::StringBuffer buffer;
  JsonWriter out(buffer);
  out.StartObject();
  member(out, "msgId", message.msg_id);
  member(out, "ticketNo", message.ticket_no);
  if (!message.dept_case_no.empty()) {
    member(out, "deptCaseNo", message.dept_case_no);
  }
  member(out, "actionCode", std::string(actionCode(message.action)));
  member(out, "actionTime", departmentTime(message.at_ms));
  member(out, "handler", message.handler);
  member(out, "unitCode", message.unit_code);
  if (hasContent(message)) {
    member(out, "content", message.content);
  }
  if (message.action == CallbackAction::Extension) {
    member(out, "applyDeadline", departmentTime(message.at_ms + message.days * kMillisPerDay));
    out.Key("applyDays");
    out.Int(message.days);
  }
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string callbackXml(const CallbackMessage& message, const std::string& app_id) {
  tinyxml2::XMLPrinter out(nullptr, true); // compact: no indentation inside texts
  out.OpenElement("s:Envelope", true);
  out.PushAttribute("xmlns:s", std::string(kSoapNamespace).c_str());
  out.PushAttribute("xmlns:d", std::string(kTicketNamespace).c_str());
  out.OpenElement("s:Header", true);
  out.OpenElement("d:Auth", true);
  out.PushAttribute("d:appId", app_id.c_str());
  out.CloseElement(true);
  out.CloseElement(true);
  out.OpenElement("s:Body", true);
  out.OpenElement("d:ReportAction", true);
  out.OpenElement("d:Action", true);
  element(out, "d:MsgId", message.msg_id);
  element(out, "d:TicketNo", message.ticket_no);
  if (!message.dept_case_no.empty()) {
    element(out, "d:DeptNo", message.dept_case_no);
  }
  element(out, "d:Code", std::string(actionCode(message.action)));
  element(out, "d:Time", departmentTime(message.at_ms));
  element(out, "d:Handler", message.handler);
  element(out, "d:UnitCode", message.unit_code);
  if (hasContent(message)) {
    element(out, "d:Content", message.content, true);
  }
  if (message.action == CallbackAction::Extension) {
    element(out, "d:ApplyDeadline", departmentTime(message.at_ms + message.days * kMillisPerDay));
    element(out, "d:ApplyDays", std::to_string(message.days));
  }
  out.CloseElement(true); // d:Action
  out.CloseElement(true); // d:ReportAction
  out.CloseElement(true); // s:Body
  out.CloseElement(true); // s:Envelope
  return std::string(out.CStr(), out.CStrSize() - 1);
}

std::string callbackBody(PayloadFormat format, const CallbackMessage& message,
                         const std::string& app_id) {
  return format == PayloadFormat::Json ? callbackJson(message) : callbackXml(message, app_id);
}

std::string callbackContentType(PayloadFormat format) {
  return format == PayloadFormat::Json ? "application/json" : "text/xml; charset=utf-8";
}

} // namespace hotline::sim::department
