#include "core/pipeline/write_health.h"

namespace hotline::pipeline {

WriteHealth::Report WriteHealth::failed(const std::string& error, Clock::time_point now) {
  error_ = error;
  if (!failing_) {
    failing_ = true;
    failed_batches_ = 1;
    since_ = now;
    last_reported_ = now;
    return Report::FirstFailure;
  }
  ++failed_batches_;
  if (now - last_reported_ >= repeat_every_) {
    last_reported_ = now;
    return Report::StillFailing;
  }
  return Report::None;
}

WriteHealth::Report WriteHealth::succeeded(Clock::time_point now) {
  if (!failing_) {
    return Report::None;
  }
  failing_ = false;
  ended_ = now;
  return Report::Recovered;
}

WriteHealth::State WriteHealth::state(Clock::time_point now) const {
  State state;
  state.failing = failing_;
  state.failed_batches = failed_batches_;
  state.error = error_;
  if (failed_batches_ > 0) {
    state.failing_for =
        std::chrono::duration_cast<std::chrono::milliseconds>((failing_ ? now : ended_) - since_);
  }
  return state;
}

} // namespace hotline::pipeline
