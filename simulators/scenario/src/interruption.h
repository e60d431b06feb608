#pragma once
// SIGINT / SIGTERM while a scenario runs. hotline-sim blocks both in every thread
// (StopSignals); a watcher thread takes them with sigwait, and every wait of the runner is
// an interruptible sleep, so Ctrl-C ends the current step at once and the processes are
// still stopped.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "simulators/common/stop_signals.h"

namespace hotline::sim::scenario {

class Interruption {
public:
  // Null `signals`: nothing watches (unit tests); interrupt() still works.
  explicit Interruption(StopSignals* signals);
  ~Interruption();
  Interruption(const Interruption&) = delete;
  Interruption& operator=(const Interruption&) = delete;

  void interrupt(int signal);
  bool interrupted() const { return signal_.load() != 0; }
  int signal() const { return signal_.load(); }

  // Sleeps for `duration`; false (at once) when interrupted.
  bool sleepFor(std::chrono::milliseconds duration);

private:
  std::atomic<int> signal_{0};
  std::atomic<bool> done_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread watcher_;
};

} // namespace hotline::sim::scenario
