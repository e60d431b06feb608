#pragma once
// Shared set-up of the dispatcher tests: a MemoryStore on the test's clock, options that
// make retries fast and keep the breaker and the safety poll out of the way unless a test
// turns them on, and a store that can hold or count its delivery-record writes.

#include "core/delivery/outbox_dispatcher.h"
#include "core/store/memory_store.h"
#include "tests/unit/delivery/manual_clock.h"
#include "tests/unit/delivery/outbox_fixture.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace hotline::delivery::testing {

inline store::MemoryStoreOptions storeOn(const Clock& clock) {
  store::MemoryStoreOptions options;
  options.clock = [&clock] { return clock.nowMs(); };
  return options;
}

inline DispatcherOptions fastOptions() {
  DispatcherOptions options;
  options.retry.base = std::chrono::milliseconds(1);
  options.retry.cap = std::chrono::milliseconds(5);
  options.retry.max_attempts = 1000;
  options.breaker.consecutive_failures = 1000;
  options.breaker.window = 0;
  options.safety_poll_ms = 3'600'000;
  options.max_idle_wait = std::chrono::milliseconds(50);
  options.record_retry = std::chrono::milliseconds(5);
  return options;
}

inline RetryPolicy::RandomSource zeroRandom() {
  return [] { return 0.0; };
}

// A MemoryStore whose recordDeliveries can be held at a gate and is counted.
class GatedStore : public store::MemoryStore {
public:
  explicit GatedStore(store::MemoryStoreOptions options = {}) : MemoryStore(std::move(options)) {}

  Status recordDeliveries(std::span<const store::DeliveryRecord> records) override {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ++waiting_;
      cv_.wait(lock, [this] { return open_; });
      --waiting_;
      batch_sizes_.push_back(records.size());
    }
    return MemoryStore::recordDeliveries(records);
  }

  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = false;
  }
  void open() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      open_ = true;
    }
    cv_.notify_all();
  }
  int waiting() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return waiting_;
  }
  std::vector<size_t> batchSizes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return batch_sizes_;
  }

private:
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  bool open_ = true;
  int waiting_ = 0;
  std::vector<size_t> batch_sizes_;
};

inline std::chrono::steady_clock::time_point inSeconds(int seconds) {
  return std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
}

} // namespace hotline::delivery::testing
