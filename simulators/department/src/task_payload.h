#pragma once
// Reading what the gateway pushes and writing what the department answers (issue 5 spec,
// department link). Pure: no I/O, no clock.

#include <string>
#include <string_view>

#include "hotline/status.h"
#include "simulators/department/src/department_options.h"

namespace hotline::sim::department {

inline constexpr std::string_view kTicketNamespace = "urn:yucheng:zjj:ticket:v1";
inline constexpr std::string_view kSoapNamespace = "http://schemas.xmlsoap.org/soap/envelope/";

// The hotline number of a pushed ticket: /data/gdbh of the JSON variant. InvalidArgument says
// what is missing ("/data/gdbh: missing or not a non-empty string").
Result<std::string> hotlineNumberFromJson(std::string_view body);
// The first element TicketNo in namespace urn:yucheng:zjj:ticket:v1 of the XML variant, by
// local name and namespace URI (whatever prefix the sender chose).
Result<std::string> hotlineNumberFromXml(std::string_view body);
// Chooses by the content type ("…xml…" = XML), not by our --format, so a body is read as what
// it says it is.
Result<std::string> hotlineNumberOf(std::string_view body, std::string_view content_type);

enum class TaskKind { Ticket, Action };
std::string_view taskKindName(TaskKind kind); // "ticket" / "action"

// The 200 answer: {"code":0,"message":"ok","data":{"caseNo":…}} or the SOAP
// PushTicketResponse / ActionResponse envelope with DeptNo.
std::string acceptedReply(PayloadFormat format, TaskKind kind, std::string_view case_no);
std::string_view replyContentType(PayloadFormat format);

// {"code":<status>,"message":<message>,"data":null}: every refusal, in both formats.
std::string errorEnvelope(int status, std::string_view message);

} // namespace hotline::sim::department
