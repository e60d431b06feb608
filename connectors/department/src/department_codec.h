#pragma once
// The department link's codec (connectors/department/README.md): reading the department
// system's replies (JSON envelope or SOAP), writing the gateway's JSON envelope, reading the
// host's answer to a submit, parsing the pull-mode query and Retry-After. No I/O, no clock.

#include "hotline/status.h"
#include "hotline/support/peer_envelope.h"
#include "hotline/support/signed_call.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hotline::connectors::department {

enum class ReplyFormat { Json, Xml };

// What a department system answered to a push: its result code ("0" = accepted), its
// message, and its own case number for the ticket when it gave one.
struct DeptReply {
  std::string code;
  std::string message;
  std::string case_no;

  bool accepted() const { return code == "0"; }
};

// `{"code":0,"message":"ok","data":{"caseNo":"CGJ-2026-000123"}}`; `code` may be a number or
// a string. InvalidArgument when the body is not such an object or has no code.
Result<DeptReply> parseJsonReply(std::string_view body);
// The SOAP 1.1 reply: Envelope/Body/<any response element>/{Code, Message, DeptNo}, matched
// by local name whatever the prefixes; a soap Fault is a refusal with code "fault" and the
// faultstring as message.
Result<DeptReply> parseXmlReply(std::string_view body);
Result<DeptReply> parseReply(ReplyFormat format, std::string_view body);

// The gateway's envelope, the same on the exchange link (hotline/support/peer_envelope.h).
using support::errorEnvelope;
using support::okEnvelope;

// The callback's data `{"ticket_id":..,"status":..,"duplicate":..}` from the host's answer to
// submit; the exchange answers a peer's action with the same data.
inline std::string callbackData(std::string_view ticket_id, std::string_view host_answer,
                                bool duplicate) {
  return support::submittedEventData(ticket_id, host_answer, duplicate);
}

// The pull-mode query `status=new|all&since=<seq>&limit=<n>` (raw query string, any order;
// other parameters are ignored). limit above kMaxTaskLimit is lowered to it.
struct TaskQuery {
  bool only_new = true;
  uint64_t since = 0;
  size_t limit = 100;
};
inline constexpr size_t kMaxTaskLimit = 500;
Result<TaskQuery> parseTaskQuery(std::string_view query);

// Retry-After and path-segment encoding are shared with the exchange connector
// (hotline/support/signed_call.h).
using support::encodePathSegment;
using support::retryAfterMs;

} // namespace hotline::connectors::department
