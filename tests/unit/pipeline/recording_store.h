#pragma once
// A MemoryStore that remembers what each commitBatch carried; a test can wait for the n-th
// call to finish and can hold calls at a gate, to make submits meet in one batch.
#include "core/store/memory_store.h"

#include <condition_variable>
#include <mutex>
#include <vector>

namespace hotline::pipeline {

class RecordingStore : public store::MemoryStore {
public:
  struct Call {
    size_t inbound = 0;
    size_t rejections = 0;
    size_t deliveries = 0;
    bool ok = false;
  };

  Result<store::WriteBatchResult> commitBatch(const store::WriteBatch& batch) override {
    std::unique_lock<std::mutex> lock(mutex_);
    ++entered_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return !gated_; });
    lock.unlock();
    Result<store::WriteBatchResult> result = store::MemoryStore::commitBatch(batch);
    lock.lock();
    calls_.push_back(
        {batch.inbound.size(), batch.rejections.size(), batch.deliveries.size(), result.isOk()});
    changed_.notify_all();
    return result;
  }

  void gate() {
    std::lock_guard<std::mutex> lock(mutex_);
    gated_ = true;
  }
  void open() {
    std::lock_guard<std::mutex> lock(mutex_);
    gated_ = false;
    changed_.notify_all();
  }
  // Calls begun so far, held ones included.
  size_t entered() {
    std::lock_guard<std::mutex> lock(mutex_);
    return entered_;
  }
  void waitEntered(size_t n) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return entered_ >= n; });
  }
  std::vector<Call> waitCalls(size_t n) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return calls_.size() >= n; });
    return calls_;
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Call> calls_;
  size_t entered_ = 0;
  bool gated_ = false;
};

} // namespace hotline::pipeline
