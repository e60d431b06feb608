#pragma once
// How a submitting thread waits for the group committer's answer.
//
// The committer answers a whole batch at once. With one std::promise per submit it woke each
// waiting thread with a futex call of its own, ~16 µs of the committer's time per submit on
// this VM (tests/bench/RESULTS.md), on the pipeline's one serial thread. Here the submits
// queued between two gathers share an AnswerGroup: the committer sets every answer of its
// batch, then wakes the group's waiters with one call.
//
// Thread safety: set() from the committer, once; wait() from the submitting thread, once.

#include "core/pipeline/submitter.h"

#include <atomic>
#include <memory>
#include <optional>

namespace hotline::pipeline {

class AnswerGroup {
public:
  // Wakes every thread waiting on this group; each goes back to sleep unless its answer is set.
  void wakeAll() {
    epoch_.fetch_add(1, std::memory_order_release);
    epoch_.notify_all();
  }
  template <typename Done>
  void waitUntil(const Done& done) {
    for (;;) {
      const int seen = epoch_.load(std::memory_order_acquire);
      if (done()) {
        return;
      }
      epoch_.wait(seen, std::memory_order_acquire); // returns once wakeAll() moved the epoch
    }
  }

private:
  std::atomic<int> epoch_{0};
};

class PendingAnswer {
public:
  explicit PendingAnswer(std::shared_ptr<AnswerGroup> group) : group_(std::move(group)) {}

  // Sets the answer; the waiter sees it after the group's next wakeAll() (or at once, if it
  // has not started waiting yet).
  void set(Result<SubmitOutcome> answer) {
    answer_.emplace(std::move(answer));
    done_.store(true, std::memory_order_release);
  }
  AnswerGroup& group() const { return *group_; }
  Result<SubmitOutcome> wait() {
    group_->waitUntil([this] { return done_.load(std::memory_order_acquire); });
    return std::move(*answer_);
  }

private:
  std::shared_ptr<AnswerGroup> group_;
  std::optional<Result<SubmitOutcome>> answer_;
  std::atomic<bool> done_{false};
};

// What GroupCommitter::submit() hands the submitting thread.
class SubmitAnswer {
public:
  explicit SubmitAnswer(std::shared_ptr<PendingAnswer> answer) : answer_(std::move(answer)) {}
  // Blocks until the committer answered.
  Result<SubmitOutcome> get() { return answer_->wait(); }

private:
  std::shared_ptr<PendingAnswer> answer_;
};

} // namespace hotline::pipeline
