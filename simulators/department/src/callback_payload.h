#pragma once
// The body of a department callback (issue 5 spec, "Department system -> gateway"), JSON or
// the SOAP ReportAction envelope. Pure: the time is given, not read.

#include <cstdint>
#include <string>

#include "simulators/department/src/behaviour_script.h"
#include "simulators/department/src/department_options.h"

namespace hotline::sim::department {

struct CallbackMessage {
  CallbackAction action = CallbackAction::Sign;
  std::string msg_id;
  std::string ticket_no;    // the hotline number (gdbh / TicketNo)
  std::string dept_case_no; // ours; empty when the task is unknown here
  int64_t at_ms = 0;        // when the action happened (epoch ms)
  std::string handler;
  std::string unit_code;
  std::string content; // progress / result text, extension / return reason
  int days = 0;        // extension only
};

// "yyyy-MM-dd HH:mm:ss" in +08:00 (the department's wall clock, whatever the host's TZ).
std::string departmentTime(int64_t epoch_ms);

// {"msgId":…,"ticketNo":…,"deptCaseNo":…,"actionCode":"01",…}; for an extension also
// applyDeadline (at + days) and applyDays.
std::string callbackJson(const CallbackMessage& message);
// The SOAP ReportAction envelope; `app_id` goes to s:Header/d:Auth/@d:appId.
std::string callbackXml(const CallbackMessage& message, const std::string& app_id);
std::string callbackBody(PayloadFormat format, const CallbackMessage& message,
                         const std::string& app_id);
std::string callbackContentType(PayloadFormat format);

} // namespace hotline::sim::department
