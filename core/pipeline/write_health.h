#pragma once
// Whether the store takes the committer's writes, for /readyz and for the log. A full disk
// fails every batch, hundreds a second: the log says so once when a streak of failures
// starts, then at most once per `repeat_every` while it lasts (how long, how many batches),
// and once when writes succeed again, instead of a line per batch on the very disk that is
// full.
//
// Thread safety: none; the committer owns it (its snapshot is copied under its mutex).

#include <chrono>
#include <cstdint>
#include <string>

namespace hotline::pipeline {

class WriteHealth {
public:
  using Clock = std::chrono::steady_clock;
  enum class Report { None, FirstFailure, StillFailing, Recovered };

  struct State {
    bool failing = false;
    uint64_t failed_batches = 0; // in the current streak (the last one once recovered)
    std::string error;           // the latest failure's
    std::chrono::milliseconds failing_for{0};
  };

  explicit WriteHealth(std::chrono::milliseconds repeat_every = std::chrono::seconds(10))
      : repeat_every_(repeat_every) {}

  // A batch was not written: what the log should say now.
  Report failed(const std::string& error, Clock::time_point now);
  // A batch was written: Recovered when it ends a streak.
  Report succeeded(Clock::time_point now);

  State state(Clock::time_point now) const;

private:
  std::chrono::milliseconds repeat_every_;
  bool failing_ = false;
  uint64_t failed_batches_ = 0;
  std::string error_;
  Clock::time_point since_{};
  Clock::time_point last_reported_{};
  Clock::time_point ended_{};
};

} // namespace hotline::pipeline
