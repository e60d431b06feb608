#include "tests/unit/delivery/outbox_fixture.h"

#include <atomic>
#include <cassert>
#include <random>

namespace hotline::delivery::testing {

int64_t insertRow(store::Store& store, const std::string& target, const std::string& ticket,
                  const std::string& kind, const std::string& body) {
  static std::atomic<int64_t> counter{0};
  const std::string n = std::to_string(++counter);
  store::InboundCommit commit;
  commit.received_at_ms = 1;
  commit.dedupe_key = "test:" + n;
  commit.source = "test";
  commit.kind = kind;
  commit.content_type = "application/json";
  commit.body = body;
  commit.ticket_id = ticket;
  commit.outbox.push_back(
      {target, ticket, kind, "application/json", body, "idem-" + ticket + "-" + n});
  auto ids = store.commitInbound(std::span(&commit, 1));
  assert(ids.isOk());
  return ids->front().front();
}

std::map<std::string, std::vector<int64_t>>
insertInterleaved(store::Store& store, const std::string& target, int tickets, int per_ticket) {
  std::map<std::string, std::vector<int64_t>> ids;
  for (int round = 0; round < per_ticket; ++round) {
    for (int t = 0; t < tickets; ++t) {
      const std::string ticket = "T" + std::to_string(t);
      ids[ticket].push_back(insertRow(store, target, ticket));
    }
  }
  return ids;
}

store::OutboxRow rowOf(store::Store& store, int64_t id) {
  auto row = store.outboxRow(id);
  assert(row.isOk() && row->has_value());
  return **row;
}

std::vector<store::OutboxRow> rowsOf(store::Store& store, const std::vector<int64_t>& ids) {
  std::vector<store::OutboxRow> rows;
  for (int64_t id : ids) {
    rows.push_back(rowOf(store, id));
  }
  return rows;
}

int64_t countInState(store::Store& store, store::OutboxState state) {
  auto rows = store.listOutbox(state, 0, 1'000'000);
  return rows.isOk() ? static_cast<int64_t>(rows->size()) : -1;
}

FakeTarget::FakeTarget(std::string name, size_t max_batch, Decide decide, bool async)
    : name_(std::move(name)), max_batch_(max_batch), decide_(std::move(decide)), async_(async) {
  if (async_) {
    responder_ = std::thread([this] { responderLoop(); });
  }
}

FakeTarget::~FakeTarget() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    quitting_ = true;
  }
  cv_.notify_all();
  if (responder_.joinable()) {
    responder_.join();
  }
}

void FakeTarget::send(std::vector<const store::OutboxRow*> batch, Callback done) {
  if (observer_) {
    observer_();
  }
  Pending pending;
  pending.done = std::move(done);
  bool hold = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++total_sends_;
    max_batch_seen_ = std::max(max_batch_seen_, batch.size());
    for (const store::OutboxRow* row : batch) {
      const int call = ++sends_[row->id];
      keys_[row->id].push_back(row->idempotency_key);
      if (clock_ != nullptr) {
        send_times_[row->id].push_back(clock_->nowMs());
      }
      if (!in_flight_.insert(row->ticket_id).second) {
        ++violations_;
      }
      hold = hold || (hold_ && hold_(*row));
      ItemVerdict verdict = decide_ ? decide_(*row, call) : ItemVerdict::ok();
      if (verdict.kind == ItemVerdict::Kind::Ok && !hold) {
        delivered_[row->ticket_id].push_back(row->id);
        duplicates_ += ok_ids_.insert(row->id).second ? 0 : 1;
      }
      pending.ids.push_back(row->id);
      pending.tickets.push_back(row->ticket_id);
      pending.verdicts.push_back(std::move(verdict));
    }
    if (hold) {
      held_.push_back(std::move(pending));
      return;
    }
    if (async_) {
      queue_.push_back(std::move(pending));
      cv_.notify_all();
      return;
    }
  }
  answer(std::move(pending));
}

void FakeTarget::answer(Pending pending) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const std::string& ticket : pending.tickets) {
      in_flight_.erase(ticket);
    }
  }
  pending.done(std::move(pending.verdicts));
}

void FakeTarget::responderLoop() {
  std::mt19937 random(12345);
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    cv_.wait(lock, [this] { return quitting_ || !queue_.empty(); });
    if (quitting_) {
      return;
    }
    // Answer a random one of the waiting sends: completions arrive out of order.
    std::uniform_int_distribution<size_t> pick(0, queue_.size() - 1);
    const size_t index = pick(random);
    Pending pending = std::move(queue_[index]);
    queue_.erase(queue_.begin() + static_cast<std::ptrdiff_t>(index));
    lock.unlock();
    answer(std::move(pending));
    lock.lock();
  }
}

void FakeTarget::holdWhen(std::function<bool(const store::OutboxRow&)> hold) {
  std::lock_guard<std::mutex> lock(mutex_);
  hold_ = std::move(hold);
}

size_t FakeTarget::heldCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return held_.size();
}

void FakeTarget::answerHeld(ItemVerdict verdict) {
  std::vector<Pending> held;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    held.swap(held_);
    hold_ = nullptr;
  }
  for (Pending& pending : held) {
    pending.verdicts.assign(pending.verdicts.size(), verdict);
    if (verdict.kind == ItemVerdict::Kind::Ok) {
      std::lock_guard<std::mutex> lock(mutex_);
      for (size_t i = 0; i < pending.ids.size(); ++i) {
        delivered_[pending.tickets[i]].push_back(pending.ids[i]);
        duplicates_ += ok_ids_.insert(pending.ids[i]).second ? 0 : 1;
      }
    }
    answer(std::move(pending));
  }
}

std::map<std::string, std::vector<int64_t>> FakeTarget::deliveredOrder() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return delivered_;
}

size_t FakeTarget::deliveredCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ok_ids_.size();
}

int FakeTarget::sendsOf(int64_t id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = sends_.find(id);
  return it == sends_.end() ? 0 : it->second;
}

size_t FakeTarget::totalSends() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return total_sends_;
}

size_t FakeTarget::maxBatchSeen() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return max_batch_seen_;
}

int FakeTarget::duplicates() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return duplicates_;
}

int FakeTarget::orderViolations() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return violations_;
}

std::vector<std::string> FakeTarget::keysOf(int64_t id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = keys_.find(id);
  return it == keys_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<int64_t> FakeTarget::sendTimes(int64_t id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = send_times_.find(id);
  return it == send_times_.end() ? std::vector<int64_t>{} : it->second;
}

} // namespace hotline::delivery::testing
