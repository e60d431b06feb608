#include "core/delivery/delivery_recorder.h"

#include "core/log/log.h"

#include <algorithm>
#include <span>
#include <vector>

namespace hotline::delivery {
namespace {
constexpr const char* kComponent = "delivery";
}

DeliveryRecorder::DeliveryRecorder(store::Store& store, size_t max_batch,
                                   std::chrono::milliseconds retry_wait)
    : store_(store), max_batch_(std::max<size_t>(max_batch, 1)), retry_wait_(retry_wait) {}

DeliveryRecorder::~DeliveryRecorder() {
  stop(std::chrono::steady_clock::now());
}

void DeliveryRecorder::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (running_ || stopping_) {
    return;
  }
  running_ = true;
  thread_ = std::thread([this] { run(); });
}

void DeliveryRecorder::add(store::DeliveryRecord record) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) {
      return;
    }
    queue_.push_back(std::move(record));
  }
  cv_.notify_all();
}

void DeliveryRecorder::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    cv_.wait(lock, [this] { return !queue_.empty() || stopping_; });
    if (queue_.empty()) {
      return; // stopping and everything written
    }
    if (writeBatch(lock)) {
      continue;
    }
    // Past the stop deadline a failed write is not retried; before it, wait and retry.
    if (stopping_ && std::chrono::steady_clock::now() >= deadline_) {
      log::error(kComponent, "delivery records not written before the stop deadline",
                 {{"records", queue_.size()},
                  {"effect", "their rows stay pending and are re-sent with the same key"}});
      return;
    }
    const auto until = std::chrono::steady_clock::now() + retry_wait_;
    cv_.wait_until(lock, stopping_ ? std::min(until, deadline_) : until,
                   [this] { return stopping_ && std::chrono::steady_clock::now() >= deadline_; });
  }
}

bool DeliveryRecorder::writeBatch(std::unique_lock<std::mutex>& lock) {
  const size_t count = std::min(queue_.size(), max_batch_);
  std::vector<store::DeliveryRecord> batch(std::make_move_iterator(queue_.begin()),
                                           std::make_move_iterator(queue_.begin() + count));
  queue_.erase(queue_.begin(), queue_.begin() + count);
  lock.unlock();
  Status written = store_.recordDeliveries(batch);
  if (!written.isOk() && store::isDeliveryRefusal(written)) {
    // One record the store will never take (its row is no longer pending, e.g. discarded
    // meanwhile) must not hold back the others: write them one by one, drop the refused.
    written = writeOneByOne(batch);
  }
  lock.lock();
  if (written.isOk()) {
    stats_.written += count;
    ++stats_.batches;
    log::debug(kComponent, "delivery records written", {{"records", count}});
    return true;
  }
  // Back at the front, in order: a later record of the same row must not overtake these.
  queue_.insert(queue_.begin(), std::make_move_iterator(batch.begin()),
                std::make_move_iterator(batch.end()));
  ++stats_.failures;
  log::error(kComponent, "writing delivery records failed; will retry",
             {{"records", count}, {"error", written.toString()}});
  return false;
}

Status DeliveryRecorder::writeOneByOne(std::vector<store::DeliveryRecord>& batch) {
  size_t done = 0;
  for (; done < batch.size(); ++done) {
    Status written = store_.recordDeliveries(std::span(&batch[done], 1));
    if (written.isOk()) {
      continue;
    }
    if (!store::isDeliveryRefusal(written)) {
      // A transient failure: keep what is left for the retry of the whole batch.
      batch.erase(batch.begin(), batch.begin() + static_cast<std::ptrdiff_t>(done));
      return written;
    }
    log::error(kComponent, "the store refused a delivery record; dropped",
               {{"outbox_id", static_cast<long long>(batch[done].outbox_id)},
                {"error", written.toString()}});
    std::lock_guard<std::mutex> lock(mutex_);
    ++stats_.refused;
  }
  return Status::ok();
}

void DeliveryRecorder::stop(std::chrono::steady_clock::time_point deadline) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!stopping_ || deadline < deadline_) {
      deadline_ = deadline;
    }
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable() && std::this_thread::get_id() != thread_.get_id()) {
    thread_.join();
  }
}

RecorderStats DeliveryRecorder::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  RecorderStats stats = stats_;
  stats.pending = queue_.size();
  return stats;
}

} // namespace hotline::delivery
