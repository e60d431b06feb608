#pragma once
// One background thread running jobs at their due time, for the behaviour steps of every task
// and the pull-mode polls: a timed queue, not a thread per task, so a thousand tasks with
// scripts cost a thousand queue entries.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

namespace hotline::sim::department {

// Thread-safe. Jobs run one at a time on the scheduler's thread, in order of due time, and
// in order of scheduling for equal due times. A job may schedule further jobs.
class StepScheduler {
public:
  using Clock = std::chrono::steady_clock;
  using Job = std::function<void()>;

  StepScheduler();
  ~StepScheduler(); // stop()
  StepScheduler(const StepScheduler&) = delete;
  StepScheduler& operator=(const StepScheduler&) = delete;

  // Runs `job` once `delay` has passed. Ignored after stop().
  void schedule(std::chrono::milliseconds delay, Job job);

  // Drops the jobs not yet started, lets the running one finish, and joins the thread.
  void stop();

  size_t pending() const;

private:
  void run();

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::pair<Clock::time_point, uint64_t>, Job> queue_; // (due, sequence) -> job
  uint64_t sequence_ = 0;
  bool stopping_ = false;
  std::thread thread_; // last: started once the members above exist
};

} // namespace hotline::sim::department
