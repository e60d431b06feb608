#include "core/pipeline/payload_retention.h"

#include "core/log/log.h"

#include <string>

namespace hotline::pipeline {
namespace {

constexpr const char* kComponent = "retention";

} // namespace

PayloadRetention::PayloadRetention(store::Store& store, Options options)
    : store_(store), options_(std::move(options)) {}

PayloadRetention::~PayloadRetention() {
  stop();
}

void PayloadRetention::start() {
  thread_ = std::thread([this] { run(); });
}

void PayloadRetention::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

bool PayloadRetention::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

PayloadRetention::Stats PayloadRetention::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void PayloadRetention::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    (void)runOnce(); // logged there; the next pass retries
    lock.lock();
    wake_.wait_for(lock, options_.interval, [this] { return stopping_; });
  }
}

Status PayloadRetention::runOnce() {
  store::PurgeRequest request;
  request.before_ms = options_.now_ms() - options_.keep.count();
  request.limit = options_.rows_per_call;
  request.actor = "retention";
  store::PurgeResult pass;
  bool more = true;
  while (more && !stopping()) {
    Result<store::PurgeResult> purged = store_.purgePayloads(request);
    if (!purged.isOk()) {
      std::lock_guard lock(mutex_);
      ++stats_.failures;
      log::error(kComponent, "payload retention pass failed; the next pass retries",
                 {{"error", purged.status().message()}});
      return purged.status();
    }
    pass.messages += purged->messages;
    pass.outbox_rows += purged->outbox_rows;
    pass.outbox_held_by = purged->outbox_held_by;
    more = purged->more;
    {
      std::lock_guard lock(mutex_);
      stats_.messages += purged->messages;
      stats_.outbox_rows += purged->outbox_rows;
      stats_.outbox_held_by = purged->outbox_held_by;
    }
    if (more) {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, options_.pause, [this] { return stopping_; });
    }
  }
  if (pass.messages + pass.outbox_rows > 0) {
    log::info(kComponent, "stored payloads emptied",
              {{"messages", std::to_string(pass.messages)},
               {"outbox_rows", std::to_string(pass.outbox_rows)},
               {"older_than_ms", std::to_string(request.before_ms)}});
  }
  if (pass.outbox_held_by != 0) {
    log::warn(kComponent,
              "outbox payloads wait at a row still pending or dead-lettered; replay or discard "
              "the dead letter to let retention go on",
              {{"outbox_id", std::to_string(pass.outbox_held_by)}});
  }
  return Status::ok();
}

} // namespace hotline::pipeline
