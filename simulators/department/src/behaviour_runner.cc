#include "simulators/department/src/behaviour_runner.h"

#include <chrono>

namespace hotline::sim::department {

void BehaviourRunner::startFor(const std::string& ticket_no) {
  BehaviourScript current = script();
  if (!current.steps.empty()) {
    scheduleStep(std::move(current), 0, ticket_no, epoch_.load());
  }
}

void BehaviourRunner::setScript(BehaviourScript script) {
  std::lock_guard<std::mutex> lock(mutex_);
  script_ = std::move(script);
}

BehaviourScript BehaviourRunner::script() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return script_;
}

void BehaviourRunner::scheduleStep(BehaviourScript script, size_t index, std::string ticket_no,
                                   uint64_t epoch) {
  const std::chrono::milliseconds delay(script.steps[index].after_ms);
  scheduler_.schedule(
      delay, [this, script = std::move(script), index, ticket_no = std::move(ticket_no),
              epoch]() mutable { runStep(std::move(script), index, std::move(ticket_no), epoch); });
}

void BehaviourRunner::runStep(BehaviourScript script, size_t index, std::string ticket_no,
                              uint64_t epoch) {
  if (epoch != epoch_.load()) {
    return; // cancelled by a reset after it was scheduled
  }
  const BehaviourStep& step = script.steps[index];
  CallbackRequest request;
  request.action = step.action;
  request.ticket_no = ticket_no;
  request.content =
      step.action == CallbackAction::Extension || step.action == CallbackAction::Return
          ? step.reason
          : step.content;
  request.days = step.days;
  sender_.send(request);
  // The script goes on after a failed callback too, as a department clerk would; the failure
  // is in GET /sim/callbacks.
  if (index + 1 < script.steps.size()) {
    scheduleStep(std::move(script), index + 1, std::move(ticket_no), epoch);
  }
}

} // namespace hotline::sim::department
