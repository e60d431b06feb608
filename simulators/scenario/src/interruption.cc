#include "simulators/scenario/src/interruption.h"

#include <csignal>

namespace hotline::sim::scenario {

Interruption::Interruption(StopSignals* signals) {
  if (signals == nullptr) {
    return;
  }
  watcher_ = std::thread([this, signals] {
    int received = signals->wait();
    if (!done_.load() && received != SIGUSR1) {
      interrupt(received);
    }
  });
}

Interruption::~Interruption() {
  done_.store(true);
  if (watcher_.joinable()) {
    if (!interrupted()) {
      StopSignals::notifyServerEnded(); // wakes the sigwait with SIGUSR1
    }
    watcher_.join();
  }
}

void Interruption::interrupt(int signal) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    signal_.store(signal);
  }
  wake_.notify_all();
}

bool Interruption::sleepFor(std::chrono::milliseconds duration) {
  std::unique_lock<std::mutex> lock(mutex_);
  return !wake_.wait_for(lock, duration, [this] { return interrupted(); });
}

} // namespace hotline::sim::scenario
