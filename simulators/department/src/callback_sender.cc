#include "simulators/department/src/callback_sender.h"

#include "hotline/support/request_signing.h"

#include <chrono>
#include <thread>

namespace hotline::sim::department {

CallbackSender::CallbackSender(const DepartmentOptions& options,
                               std::optional<GatewayClient> gateway, TaskRecorder& recorder)
    : options_(options), gateway_(std::move(gateway)), recorder_(recorder),
      started_ms_(support::systemMillis()) {}

std::string CallbackSender::nextMsgId() {
  return "CB-" + std::to_string(started_ms_) + "-" + std::to_string(next_msg_++);
}

SentCallback CallbackSender::send(const CallbackRequest& request) {
  CallbackMessage message;
  message.action = request.action;
  message.msg_id = request.msg_id.empty() ? nextMsgId() : request.msg_id;
  message.ticket_no = request.ticket_no;
  message.dept_case_no = request.dept_case_no.empty()
                             ? recorder_.caseNumberOfHotlineNumber(request.ticket_no)
                             : request.dept_case_no;
  message.at_ms = support::systemMillis();
  message.handler = options_.handler;
  message.unit_code = options_.unit_code;
  message.content = request.content;
  message.days = request.days;

  SentCallback sent;
  sent.action = std::string(actionName(request.action));
  sent.msg_id = message.msg_id;
  sent.ticket_no = request.ticket_no;
  if (!gateway_) {
    sent.error = "no --gateway: nowhere to send the callback";
  } else {
    deliver(message, sent);
  }
  recorder_.addCallback(sent);
  return sent;
}

namespace {

// What a department system would send again: the gateway did not answer, or asked for a later
// try. A 4xx is the gateway refusing this callback, and it will refuse it again.
bool worthResending(int status) {
  return status == 0 || status == 408 || status == 429 || status >= 500;
}

} // namespace

void CallbackSender::deliver(const CallbackMessage& message, SentCallback& sent) {
  // The SOAP header's appId names the sending system; the app key is that name here.
  const std::string body = callbackBody(options_.format, message, options_.key.app_key);
  int64_t wait_ms = options_.callback_retry_ms;
  for (sent.attempts = 1;; ++sent.attempts) {
    // Signed afresh on every attempt (a new timestamp and nonce); the msgId stays, so the
    // gateway answers a resend of a callback it did take as a duplicate.
    GatewayReply reply =
        gateway_->call("POST", "/dept/v1/callbacks", body, callbackContentType(options_.format));
    sent.status = reply.status;
    sent.reply = std::move(reply.body);
    sent.reply_verified = reply.verified;
    sent.error = std::move(reply.error);
    if (!worthResending(sent.status) || sent.attempts > options_.callback_retries) {
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
    wait_ms *= 2;
  }
}

} // namespace hotline::sim::department
