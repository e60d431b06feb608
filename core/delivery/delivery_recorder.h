#pragma once
// Writes delivery outcomes to the Store in batches from one thread, so that thousands of
// deliveries a second cost a handful of transactions (group commit: whatever accumulated
// while the previous write ran goes in the next one). Records keep their order, so a row's
// Retry is always stored before its Delivered.
//
// A failed write is retried (records are never dropped while running). stop() keeps writing
// what is queued; only a write that fails after its deadline is given up (logged): those rows
// stay Pending in the store and are re-sent after a restart under the same idempotency key,
// which the peer de-duplicates.
//
// Thread safety: add() and stats() from any thread; start()/stop() from the owner.

#include "core/delivery/delivery_log.h"
#include "core/store/store.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace hotline::delivery {

class DeliveryRecorder : public DeliveryLog {
public:
  // `store` must outlive the recorder.
  DeliveryRecorder(store::Store& store, size_t max_batch, std::chrono::milliseconds retry_wait);
  ~DeliveryRecorder() override;

  void start();
  // Ignored after stop().
  void add(store::DeliveryRecord record) override;
  // Writes what is queued (failed writes retried until `deadline`), then returns.
  void stop(std::chrono::steady_clock::time_point deadline);

  RecorderStats stats() const override;

private:
  void run();
  bool writeBatch(std::unique_lock<std::mutex>& lock);
  Status writeOneByOne(std::vector<store::DeliveryRecord>& batch);

  store::Store& store_;
  const size_t max_batch_;
  const std::chrono::milliseconds retry_wait_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<store::DeliveryRecord> queue_;
  bool running_ = false;
  bool stopping_ = false;
  std::chrono::steady_clock::time_point deadline_{};
  RecorderStats stats_;
  std::thread thread_;
};

} // namespace hotline::delivery
