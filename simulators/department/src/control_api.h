#pragma once
// Observation and control of the department simulator, /sim/* (never signed, never down):
//   GET  /sim/tasks       what arrived: ticket_id, hotline_number, kind, idempotency_key, …
//   GET  /sim/callbacks   what was sent: action, msg_id, ticket_no, status, reply_verified, …
//   GET  /sim/stats       the counters (task_recorder.h DepartmentStats)
//   GET  /sim/behaviour   the script new tasks run
//   POST /sim/behaviour   replace it (behaviour_script.h format)
//   POST /sim/act         {"ticket_no":..,"action":..,…}: send one callback now
//   POST /sim/down        {"down":true|false}: answer 503 on the task API, or stop doing so
//   POST /sim/reset       forget everything, cancel pending steps, come back up

#include <httplib.h>

#include "simulators/department/src/behaviour_runner.h"
#include "simulators/department/src/callback_sender.h"
#include "simulators/department/src/task_recorder.h"

namespace hotline::sim::department {

class ControlApi {
public:
  // Everything must outlive the server the routes are registered on. `initial` is what
  // POST /sim/reset restores.
  ControlApi(TaskRecorder& recorder, BehaviourRunner& runner, CallbackSender& sender,
             BehaviourScript initial)
      : recorder_(recorder), runner_(runner), sender_(sender), initial_(std::move(initial)) {}

  void registerRoutes(httplib::Server& server);

private:
  void postBehaviour(const httplib::Request& request, httplib::Response& response);
  void postAct(const httplib::Request& request, httplib::Response& response);
  void postDown(const httplib::Request& request, httplib::Response& response);
  void postReset(httplib::Response& response);

  TaskRecorder& recorder_;
  BehaviourRunner& runner_;
  CallbackSender& sender_;
  const BehaviourScript initial_;
};

} // namespace hotline::sim::department
