#pragma once
// Runs the current behaviour script for each new task on the shared StepScheduler: step i+1
// is scheduled only once step i's callback has been answered, so a task's callbacks reach the
// gateway in script order whatever the gateway's latency.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

#include "simulators/department/src/behaviour_script.h"
#include "simulators/department/src/callback_sender.h"
#include "simulators/department/src/step_scheduler.h"

namespace hotline::sim::department {

// Thread-safe. The scheduler and sender must outlive the runner.
class BehaviourRunner {
public:
  BehaviourRunner(StepScheduler& scheduler, CallbackSender& sender, BehaviourScript initial)
      : scheduler_(scheduler), sender_(sender), script_(std::move(initial)) {}

  // Starts the script as it is now for the task with this hotline number.
  void startFor(const std::string& ticket_no);

  // Tasks already started keep the script they started with.
  void setScript(BehaviourScript script);
  BehaviourScript script() const;

  // The steps not yet run, of every task, are dropped (POST /sim/reset).
  void cancelAll() { ++epoch_; }

private:
  void runStep(BehaviourScript script, size_t index, std::string ticket_no, uint64_t epoch);
  void scheduleStep(BehaviourScript script, size_t index, std::string ticket_no, uint64_t epoch);

  StepScheduler& scheduler_;
  CallbackSender& sender_;
  mutable std::mutex mutex_;
  BehaviourScript script_;
  std::atomic<uint64_t> epoch_{0};
};

} // namespace hotline::sim::department
