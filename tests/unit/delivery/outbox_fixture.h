#pragma once
// Test helpers for the dispatcher: outbox rows put into a MemoryStore the way the submit path
// does (one commit each), a store decorator that can hold or count recordDeliveries, and a
// DeliveryTarget fake that records what it was sent and answers as the test decides.

#include "core/delivery/delivery_target.h"
#include "core/store/memory_store.h"
#include "tests/unit/delivery/manual_clock.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace hotline::delivery::testing {

// Inserts one outbox row per call through commitInbound; returns its id.
int64_t insertRow(store::Store& store, const std::string& target, const std::string& ticket,
                  const std::string& kind = "event", const std::string& body = R"({"n":1})");
// `per_ticket` rows for each of `tickets` tickets ("T0".."Tn"), interleaved round-robin so
// that ids of one ticket are not contiguous. Returns the ids per ticket in insert order.
std::map<std::string, std::vector<int64_t>>
insertInterleaved(store::Store& store, const std::string& target, int tickets, int per_ticket);
std::vector<store::OutboxRow> rowsOf(store::Store& store, const std::vector<int64_t>& ids);
store::OutboxRow rowOf(store::Store& store, int64_t id);
int64_t countInState(store::Store& store, store::OutboxState state);

// What a FakeTarget answers for one row; `call` counts this row's sends, from 1.
using Decide = std::function<ItemVerdict(const store::OutboxRow& row, int call)>;

class FakeTarget : public DeliveryTarget {
public:
  // async: answers from its own thread, in random order across sends (as a pool of HTTP
  // connections would); otherwise inside send().
  FakeTarget(std::string name, size_t max_batch, Decide decide = {}, bool async = false);
  ~FakeTarget() override;

  const std::string& name() const override { return name_; }
  size_t maxBatch() const override { return max_batch_; }
  void send(std::vector<const store::OutboxRow*> batch, Callback done) override;

  // Sends of rows for which `hold` returns true are kept unanswered until answerHeld().
  void holdWhen(std::function<bool(const store::OutboxRow&)> hold);
  size_t heldCount() const;
  void answerHeld(ItemVerdict verdict);

  // Observations.
  std::map<std::string, std::vector<int64_t>> deliveredOrder() const; // ok verdicts per ticket
  size_t deliveredCount() const;
  int sendsOf(int64_t id) const;
  size_t totalSends() const; // send() calls
  size_t maxBatchSeen() const;
  int duplicates() const;      // rows answered ok more than once
  int orderViolations() const; // a ticket sent while another of its rows was in flight
  std::vector<std::string> keysOf(int64_t id) const;
  std::vector<int64_t> sendTimes(int64_t id) const; // clock at each send, if a clock is set
  void setClock(const Clock* clock) { clock_ = clock; }
  void setObserver(std::function<void()> observer) { observer_ = std::move(observer); }

private:
  struct Pending {
    std::vector<int64_t> ids;
    std::vector<std::string> tickets;
    std::vector<ItemVerdict> verdicts;
    Callback done;
  };
  void answer(Pending pending);
  void responderLoop();

  const std::string name_;
  const size_t max_batch_;
  const Decide decide_;
  const bool async_;
  const Clock* clock_ = nullptr;
  std::function<void()> observer_;
  std::function<bool(const store::OutboxRow&)> hold_;

  mutable std::mutex mutex_;
  std::condition_variable cv_;
  bool quitting_ = false;
  std::deque<Pending> queue_; // async answers not yet given
  std::vector<Pending> held_;
  std::set<std::string> in_flight_;
  std::map<std::string, std::vector<int64_t>> delivered_;
  std::map<int64_t, int> sends_;
  std::map<int64_t, std::vector<std::string>> keys_;
  std::map<int64_t, std::vector<int64_t>> send_times_;
  std::set<int64_t> ok_ids_;
  size_t total_sends_ = 0;
  size_t max_batch_seen_ = 0;
  int duplicates_ = 0;
  int violations_ = 0;
  std::thread responder_;
};

} // namespace hotline::delivery::testing
