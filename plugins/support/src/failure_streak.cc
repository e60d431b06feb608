#include "hotline/support/failure_streak.h"

namespace hotline::support {

void FailureStreak::failed(const std::string& reason) {
  ++in_a_row_;
  std::lock_guard<std::mutex> lock(last_mutex_);
  last_ = reason;
}

plugin::Health FailureStreak::health() const {
  int failures = in_a_row_.load();
  if (failures >= kDegradedAfter) {
    std::lock_guard<std::mutex> lock(last_mutex_);
    return plugin::Health::degraded(std::to_string(failures) + " " + calls_ +
                                    " in a row failed; last: " + last_);
  }
  return plugin::Health::healthy();
}

} // namespace hotline::support
