#include "simulators/department/src/step_scheduler.h"

#include <exception>
#include <iostream>

namespace hotline::sim::department {

StepScheduler::StepScheduler() : thread_([this] { run(); }) {}

StepScheduler::~StepScheduler() {
  stop();
}

void StepScheduler::schedule(std::chrono::milliseconds delay, Job job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) {
      return;
    }
    queue_.emplace(std::make_pair(Clock::now() + delay, sequence_++), std::move(job));
  }
  wake_.notify_one();
}

void StepScheduler::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  wake_.notify_one();
  if (thread_.joinable()) {
    thread_.join();
  }
}

size_t StepScheduler::pending() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

void StepScheduler::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    if (queue_.empty()) {
      wake_.wait(lock);
      continue;
    }
    const auto due = queue_.begin()->first.first;
    if (Clock::now() < due) {
      wake_.wait_until(lock, due); // woken early by an earlier job or stop()
      continue;
    }
    Job job = std::move(queue_.begin()->second);
    queue_.erase(queue_.begin());
    lock.unlock();
    try {
      job();
    } catch (const std::exception& error) {
      // A simulator keeps going after one bad step; the callback record says what happened.
      std::cerr << "department simulator: a scheduled step failed: " << error.what() << "\n";
    }
    lock.lock();
  }
}

} // namespace hotline::sim::department
