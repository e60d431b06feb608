#pragma once
// Pull mode: every --pull-interval-ms, reads GET {gateway}/dept/v1/tasks?status=new&since=…
// (signed, reply verified) and treats each task as if it had been pushed: a ticket is
// recorded, given a case number and runs the behaviour script; an event is recorded.

#include <chrono>
#include <string>

#include "simulators/department/src/behaviour_runner.h"
#include "simulators/department/src/gateway_client.h"
#include "simulators/department/src/step_scheduler.h"
#include "simulators/department/src/task_recorder.h"

namespace hotline::sim::department {

// Polls on the scheduler's thread, one poll at a time, so no lock guards the cursor.
class TaskPuller {
public:
  TaskPuller(const GatewayClient& gateway, StepScheduler& scheduler, TaskRecorder& recorder,
             BehaviourRunner& runner, std::chrono::milliseconds interval)
      : gateway_(gateway), scheduler_(scheduler), recorder_(recorder), runner_(runner),
        interval_(interval) {}

  void start() { scheduleNext(std::chrono::milliseconds(0)); }

private:
  void scheduleNext(std::chrono::milliseconds delay);
  void poll();
  // False when the page was not the expected shape (counted as a failed pull).
  bool takePage(const std::string& body);

  const GatewayClient& gateway_;
  StepScheduler& scheduler_;
  TaskRecorder& recorder_;
  BehaviourRunner& runner_;
  const std::chrono::milliseconds interval_;
  std::string since_ = "0";
};

} // namespace hotline::sim::department
