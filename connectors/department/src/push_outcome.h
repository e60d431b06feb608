#pragma once
// Judging a push's HTTP answer: the shared classification of hotline/support/signed_call.h
// (transport, statuses, Retry-After, reply signatures) with the department's reply shapes
// (department_codec.h), giving the department's case number to link.

#include "department_codec.h"

#include "hotline/plugin/messages.h"
#include "hotline/support/signed_call.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace hotline::connectors::department {

using support::HttpAnswer;

// The request the answer belongs to, and how to judge it.
struct PushRequest {
  std::string where; // "dept-cgj: POST http://…/tasks", prefixed to every reason
  support::SigningKey key;
  std::string target; // path and query as sent: the reply is signed over it
  std::string nonce;  // the nonce sent: the reply must echo it
  ReplyFormat format = ReplyFormat::Json;
  bool verify_replies = true;
  std::chrono::milliseconds window = support::kDefaultSigningWindow;
};

struct PushOutcome {
  plugin::Delivery delivery;
  std::string case_no; // set on success when the department gave its number
  // True when the failure says the link itself is unwell (transport, 5xx, signatures,
  // refusals of our call); false for ok and for a department's refusal of one task.
  bool link_failure = false;
};

PushOutcome judgePush(const PushRequest& request, const HttpAnswer& answer, int64_t now_ms);

} // namespace hotline::connectors::department
