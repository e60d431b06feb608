#include "core/delivery/outbox_dispatcher_internal.h"

#include "core/log/log.h"

#include <algorithm>
#include <cassert>

namespace hotline::delivery {
namespace {

long long asLong(int64_t value) {
  return static_cast<long long>(value);
}

} // namespace

void LatencyHistogram::observe(int64_t ms) {
  size_t bucket = 0;
  while (bucket < kLatencyBoundsMs.size() && ms > kLatencyBoundsMs[bucket]) {
    ++bucket;
  }
  ++buckets[bucket];
  ++count;
  sum_ms += ms;
}

LatencyHistogram LatencyHistogram::cumulative() const {
  LatencyHistogram out = *this;
  for (size_t i = 1; i < out.buckets.size(); ++i) {
    out.buckets[i] += out.buckets[i - 1];
  }
  return out;
}

OutboxDispatcher::OutboxDispatcher(store::Store& store, Targets targets, DispatcherOptions options,
                                   const Clock& clock, RetryPolicy::RandomSource random,
                                   DeliveryLog* log)
    : store_(store), options_(options), clock_(clock), policy_(options.retry, std::move(random)),
      own_recorder_(log == nullptr ? std::make_unique<DeliveryRecorder>(store, options.record_batch,
                                                                        options.record_retry)
                                   : nullptr),
      records_(log == nullptr ? *own_recorder_ : *log), gate_(std::make_shared<CallbackGate>()),
      finished_(options.remembered_finished) {
  for (auto& target : targets) {
    assert(target != nullptr && targets_.count(target->name()) == 0);
    const std::string name = target->name();
    targets_.emplace(name,
                     std::make_unique<TargetState>(std::move(target), options_.breaker, clock_));
  }
  gate_->owner = this;
}

OutboxDispatcher::~OutboxDispatcher() {
  stop(std::chrono::steady_clock::now());
}

OutboxDispatcher::TargetState* OutboxDispatcher::findTarget(const std::string& name) const {
  auto it = targets_.find(name);
  return it == targets_.end() ? nullptr : it->second.get();
}

Status OutboxDispatcher::addTarget(std::shared_ptr<DeliveryTarget> target) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (started_ || stopping_) {
    return failedPrecondition("delivery target " + target->name() +
                              ": targets are added before the dispatcher starts");
  }
  const std::string name = target->name();
  if (targets_.count(name) != 0) {
    return Status(StatusCode::AlreadyExists, "delivery target " + name + " exists already");
  }
  targets_.emplace(name,
                   std::make_unique<TargetState>(std::move(target), options_.breaker, clock_));
  return Status::ok();
}

Status OutboxDispatcher::start() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (started_ || stopping_) {
      return failedPrecondition("the outbox dispatcher was already started");
    }
  }
  HOTLINE_RETURN_IF_ERROR(loadDeadLetters());
  // The first page synchronously: a store that cannot be read fails start-up loudly.
  HOTLINE_RETURN_IF_ERROR(loadPage());
  if (own_recorder_) {
    own_recorder_->start();
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    started_ = true;
  }
  worker_ = std::thread([this] { run(); });
  log::info(kDeliveryComponent, "outbox dispatcher started", {{"targets", targets_.size()}});
  return Status::ok();
}

Status OutboxDispatcher::loadDeadLetters() {
  int64_t after = 0;
  for (;;) {
    auto page = store_.listOutbox(store::OutboxState::Dead, after, options_.page_size);
    if (!page.isOk()) {
      return page.status().withContext("outbox dispatcher: loading dead letters");
    }
    std::lock_guard<std::mutex> lock(mutex_);
    for (const store::OutboxRow& row : *page) {
      // A ticket with a dead letter stays parked across restarts: its later rows must not
      // overtake the dead one.
      if (TargetState* target = findTarget(row.target)) {
        target->queues.park(row.ticket_id, row.id);
      }
      after = std::max(after, row.id);
    }
    if (page->size() < options_.page_size) {
      return Status::ok();
    }
  }
}

bool OutboxDispatcher::pageNeeded(int64_t now_ms) const {
  if (now_ms < next_load_ms_) {
    return false;
  }
  if (paging_) {
    return buffered_ < std::max<size_t>(options_.max_buffered_rows / 2, 1);
  }
  return scanning_ || now_ms >= next_poll_ms_;
}

Status OutboxDispatcher::loadPage() {
  int64_t from = 0;
  bool scan = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    scan = !paging_;
    if (scan && !scanning_) {
      beginScan(poll_floor_);
    }
    from = scan ? scan_pos_ : cursor_;
  }
  auto page = store_.loadPending(from, options_.page_size);
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now = clock_.nowMs();
  if (!page.isOk()) {
    ++store_errors_;
    next_load_ms_ = now + std::min<int64_t>(options_.safety_poll_ms, 1000);
    log::error(kDeliveryComponent, "loading pending outbox rows failed",
               {{"error", page.status().toString()}});
    return page.status().withContext("outbox dispatcher: loading pending rows");
  }
  const bool full = page->size() >= options_.page_size;
  const int64_t last = page->empty() ? from : page->back().id;
  bool dropped = false;
  for (store::OutboxRow& row : *page) {
    if (!adopt(std::move(row), true)) {
      dropped = true; // memory is full: the rest stays in the store, paging takes over
      break;
    }
  }
  if (!dropped) {
    afterPage(scan, full, from, last, now);
  }
  log::debug(kDeliveryComponent, "outbox page loaded",
             {{"after_id", asLong(from)},
              {"rows", page->size()},
              {"buffered", buffered_},
              {"mode", scan ? "scan" : "paging"}});
  return Status::ok();
}

void OutboxDispatcher::beginScan(int64_t from) {
  scanning_ = true;
  scan_pos_ = from;
  // Ids grow in commit order, so a row committed after this moment has an id above the
  // highest seen now: once this scan is through, the next one may start there.
  scan_floor_next_ = highest_seen_;
}

void OutboxDispatcher::afterPage(bool scan, bool full, int64_t from, int64_t last_id,
                                 int64_t now_ms) {
  if (!scan) {
    if (!full) {
      // Paging is through. Rows enqueue() left to paging meanwhile, and rows whose
      // enqueue() raced with it, are found by a scan from where paging stopped.
      paging_ = false;
      beginScan(from);
    }
    return;
  }
  if (full) {
    scan_pos_ = last_id;
    return;
  }
  scanning_ = false;
  poll_floor_ = std::max(poll_floor_, scan_floor_next_);
  next_poll_ms_ = now_ms + options_.safety_poll_ms;
}

bool OutboxDispatcher::adopt(store::OutboxRow row, bool from_store) {
  if (!accepting_) {
    return false; // stopping: the row stays pending in the store for the next start
  }
  const int64_t id = row.id;
  highest_seen_ = std::max(highest_seen_, id);
  if (known_.count(id) != 0 || finished_.contains(id) || row.state != store::OutboxState::Pending) {
    if (from_store) {
      cursor_ = std::max(cursor_, id);
    }
    return true;
  }
  TargetState* target = findTarget(row.target);
  if (target == nullptr) {
    ++unroutable_;
    finished_.remember(id); // counted once, not again on every scan
    cursor_ = std::max(cursor_, id);
    if (warned_targets_.insert(row.target).second) {
      log::warn(kDeliveryComponent, "outbox rows for a target that is not configured stay pending",
                {{"target", row.target}, {"outbox_id", asLong(id)}});
    }
    return true;
  }
  if ((paging_ && !from_store) || buffered_ >= options_.max_buffered_rows) {
    if (!paging_) {
      log::info(kDeliveryComponent, "outbox backlog exceeds memory; paging it from the store",
                {{"buffered", buffered_}});
    }
    paging_ = true;
    scanning_ = false;                   // paging reads everything from the cursor on
    cursor_ = std::min(cursor_, id - 1); // paging resumes at this row
    return false;
  }
  known_.insert(id);
  ++buffered_;
  cursor_ = std::max(cursor_, id);
  target->queues.add(std::make_shared<store::OutboxRow>(std::move(row)), clock_.nowMs());
  return true;
}

void OutboxDispatcher::enqueue(std::vector<store::OutboxRow> rows) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (store::OutboxRow& row : rows) {
      adopt(std::move(row), false);
    }
    signalled_ = true;
  }
  work_cv_.notify_one();
}

void OutboxDispatcher::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    const int64_t now = clock_.nowMs();
    if (pageNeeded(now)) {
      lock.unlock();
      (void)loadPage(); // errors are logged, counted and retried after a pause
      lock.lock();
      continue;
    }
    std::vector<std::shared_ptr<SendBatch>> batches = schedule(now);
    if (!batches.empty()) {
      lock.unlock();
      for (const auto& batch : batches) {
        dispatch(batch);
      }
      lock.lock();
      continue;
    }
    work_cv_.wait_for(lock, idleWait(now), [this] { return signalled_ || stopping_; });
    signalled_ = false;
  }
}

std::chrono::milliseconds OutboxDispatcher::idleWait(int64_t now_ms) {
  int64_t due = TicketQueues::kNever;
  auto consider = [&](int64_t at) {
    if (at > now_ms) { // a time already passed is handled by the loop or a completion
      due = std::min(due, at);
    }
  };
  for (const auto& [name, target] : targets_) {
    consider(target->queues.nextDueMs());
    consider(target->breaker.reopenAtMs());
  }
  consider(paging_ || scanning_ ? TicketQueues::kNever : next_poll_ms_);
  consider(next_load_ms_);
  const auto cap = options_.max_idle_wait;
  if (due == TicketQueues::kNever || due - now_ms > cap.count()) {
    return cap;
  }
  return std::chrono::milliseconds(due - now_ms);
}

Status OutboxDispatcher::resume(int64_t outbox_id) {
  auto loaded = store_.outboxRow(outbox_id);
  if (!loaded.isOk()) {
    return loaded.status();
  }
  if (!loaded->has_value()) {
    return notFound("outbox row " + std::to_string(outbox_id) + " does not exist");
  }
  store::OutboxRow row = std::move(**loaded);
  if (row.state != store::OutboxState::Pending) {
    return failedPrecondition("outbox row " + std::to_string(outbox_id) + " is " +
                              store::outboxStateName(row.state) +
                              ", not pending: replay the dead letter in the store first");
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) {
      return failedPrecondition("the outbox dispatcher is stopping; the row is resumed at the "
                                "next start");
    }
    TargetState* target = findTarget(row.target);
    if (target == nullptr) {
      return failedPrecondition("outbox row " + std::to_string(outbox_id) + " is for target '" +
                                row.target + "', which is not configured");
    }
    const int64_t now = clock_.nowMs();
    const std::string ticket_id = row.ticket_id;
    finished_.forget(outbox_id);
    if (known_.insert(outbox_id).second) {
      ++buffered_;
      row.next_attempt_at_ms = 0; // replayed: due at once
      target->queues.add(std::make_shared<store::OutboxRow>(std::move(row)), now);
    }
    target->queues.unpark(ticket_id, outbox_id, now);
    signalled_ = true;
    log::info(kDeliveryComponent, "dead letter resumed",
              {{"target", target->counters.name},
               {"ticket", ticket_id},
               {"outbox_id", asLong(outbox_id)}});
  }
  work_cv_.notify_one();
  return Status::ok();
}

Status OutboxDispatcher::release(const std::string& target_name, const std::string& ticket_id) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    TargetState* target = findTarget(target_name);
    if (target == nullptr) {
      return notFound("delivery target '" + target_name + "' is not configured");
    }
    if (!target->queues.unpark(ticket_id, 0, clock_.nowMs())) {
      return notFound("ticket " + ticket_id + " is not parked for target '" + target_name + "'");
    }
    signalled_ = true;
    log::info(kDeliveryComponent, "parked ticket released",
              {{"target", target_name}, {"ticket", ticket_id}});
  }
  work_cv_.notify_one();
  return Status::ok();
}

void OutboxDispatcher::wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    signalled_ = true;
  }
  work_cv_.notify_one();
}

void OutboxDispatcher::stop(std::chrono::steady_clock::time_point deadline) {
  std::lock_guard<std::mutex> serial(stop_mutex_);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopped_) {
      return;
    }
    accepting_ = false;
    stopping_ = true;
  }
  work_cv_.notify_all();
  if (worker_.joinable()) {
    worker_.join();
  }
  {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_cv_.wait_until(lock, deadline, [this] { return sends_in_flight_ == 0; });
    if (sends_in_flight_ > 0) {
      log::warn(kDeliveryComponent,
                "sends still in flight at the stop deadline; their rows "
                "stay pending and are re-sent with the same key",
                {{"sends", sends_in_flight_}});
    }
  }
  if (own_recorder_) {
    own_recorder_->stop(deadline);
  }
  {
    std::lock_guard<std::mutex> gate(gate_->mutex);
    gate_->owner = nullptr;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  stopped_ = true;
  log::info(kDeliveryComponent, "outbox dispatcher stopped");
}

bool OutboxDispatcher::isParked(const std::string& target, const std::string& ticket_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  TargetState* state = findTarget(target);
  return state != nullptr && state->queues.isParked(ticket_id);
}

DispatcherStats OutboxDispatcher::stats() const {
  DispatcherStats stats;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [name, target] : targets_) {
      TargetStats item = target->counters;
      item.in_flight = target->queues.inFlightCount();
      item.queued = target->queues.rowCount();
      item.parked_tickets = target->queues.parkedCount();
      item.breaker = target->breaker.state();
      item.breaker_opened = target->breaker.timesOpened();
      stats.targets.push_back(std::move(item));
    }
    stats.unroutable_rows = unroutable_;
    stats.store_errors = store_errors_;
    stats.backlog_paging = paging_;
    stats.stopping = stopping_;
    stats.highest_seen_id = highest_seen_;
  }
  const RecorderStats records = records_.stats();
  stats.records_written = records.written;
  stats.record_batches = records.batches;
  stats.record_failures = records.failures;
  stats.records_refused = records.refused;
  stats.records_pending = records.pending;
  return stats;
}

} // namespace hotline::delivery
