#pragma once
// Sends one department callback (sign, progress, result, extension, return) to the gateway's
// POST {gateway}/dept/v1/callbacks, signed, and records what came back.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "simulators/department/src/callback_payload.h"
#include "simulators/department/src/department_options.h"
#include "simulators/department/src/gateway_client.h"
#include "simulators/department/src/task_recorder.h"

namespace hotline::sim::department {

struct CallbackRequest {
  CallbackAction action = CallbackAction::Sign;
  std::string ticket_no;    // the hotline number
  std::string dept_case_no; // "" = the case number recorded for ticket_no, if any
  std::string content;      // progress / result text, extension / return reason
  int days = 0;             // extension
  std::string msg_id;       // "" = a fresh one; a repeated one plays a resent callback
};

// Thread-safe (the scheduler and /sim/act workers send at once).
class CallbackSender {
public:
  // `gateway` may be empty: every callback then fails with "no --gateway". Both references
  // must outlive the sender.
  CallbackSender(const DepartmentOptions& options, std::optional<GatewayClient> gateway,
                 TaskRecorder& recorder);

  SentCallback send(const CallbackRequest& request);

private:
  std::string nextMsgId();
  // Sends `message`, again while the gateway does not take it and retries are left; `sent`
  // gets the last reply and the number of attempts.
  void deliver(const CallbackMessage& message, SentCallback& sent);

  const DepartmentOptions& options_;
  const std::optional<GatewayClient> gateway_;
  TaskRecorder& recorder_;
  // msgIds are unique across restarts too: the start time is part of them.
  const int64_t started_ms_;
  std::atomic<uint64_t> next_msg_{1};
};

} // namespace hotline::sim::department
