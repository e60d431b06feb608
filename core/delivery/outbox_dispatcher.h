#pragma once
// The one dispatcher that delivers every outbox row to its target (DESIGN.md §4 Delivery).
//
// Intake: pending rows are loaded from the Store at start (in pages), then arrive through
// enqueue() right after the submit path commits them. No polling on the hot path: only a
// rare safety scan (safety_poll_ms) reads the rows committed since the previous scan and
// adopts any that enqueue() never brought. At most max_buffered_rows are held in memory;
// past that the store itself is the queue and rows are paged in, in id order, as memory
// frees.
//
// Order: per (target, ticket) a FIFO whose head alone is in flight (TicketQueues). A retry
// waits on its ticket only; a dead letter parks its ticket (later rows held) until resume()
// or release(). Heads of many tickets go out together as one batch (up to maxBatch()), with
// at most max_in_flight_per_target sends per target and a circuit breaker per target.
//
// Outcomes are written to the Store as DeliveryRecords through a DeliveryLog: the group
// committer's in the gateway, else a DeliveryRecorder of the dispatcher's own.
// A row is only ever sent under the idempotency key it was stored with, so a re-send after a
// crash is de-duplicated by the peer.
//
// Thread safety: every public member may be called from any thread. Targets' callbacks may
// arrive on any thread. After stop() returns no callback touches the dispatcher any more.

#include "core/delivery/circuit_breaker.h"
#include "core/delivery/clock.h"
#include "core/delivery/delivery_recorder.h"
#include "core/delivery/delivery_target.h"
#include "core/delivery/dispatcher_stats.h"
#include "core/delivery/recent_ids.h"
#include "core/delivery/retry_policy.h"
#include "core/delivery/ticket_queues.h"
#include "core/store/store.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace hotline::delivery {

struct DispatcherOptions {
  size_t page_size = 500;              // rows per loadPending call
  size_t max_buffered_rows = 200000;   // rows held in memory, all targets together
  int64_t safety_poll_ms = 5000;       // store poll for rows enqueue() never brought
  size_t max_in_flight_per_target = 4; // concurrent sends (batches) per target
  size_t record_batch = 1000;          // DeliveryRecords per store transaction, at most
  std::chrono::milliseconds record_retry{1000};
  size_t remembered_finished = 65536; // finished ids kept to ignore late duplicates
  // The longest real-time sleep between two looks at the clock: bounds how late a retry
  // fires when the clock is not the system clock (tests call wake() instead).
  std::chrono::milliseconds max_idle_wait{1000};
  RetryOptions retry;
  BreakerOptions breaker;
};

class OutboxDispatcher {
public:
  using Targets = std::vector<std::shared_ptr<DeliveryTarget>>;

  // `store`, `clock` and `log` must outlive the dispatcher. Target names must be unique.
  // Without a `log` the dispatcher writes its outcomes through a DeliveryRecorder of its
  // own (options.record_batch, record_retry); with one, whoever owns it writes them and
  // must keep doing so until stop() has returned.
  OutboxDispatcher(store::Store& store, Targets targets, DispatcherOptions options,
                   const Clock& clock, RetryPolicy::RandomSource random = {},
                   DeliveryLog* log = nullptr);
  ~OutboxDispatcher(); // stop() with no grace if still running
  OutboxDispatcher(const OutboxDispatcher&) = delete;
  OutboxDispatcher& operator=(const OutboxDispatcher&) = delete;

  // Parks tickets that have dead letters, loads pending rows, starts the threads. A store
  // error is returned and nothing is started.
  Status start();
  // One more target (a connector instance on the downlink), before start(): the targets
  // are fixed once delivery runs. AlreadyExists for a name in use, FailedPrecondition after
  // start().
  Status addTarget(std::shared_ptr<DeliveryTarget> target);

  // Newly committed rows, in commit order (the submit path calls it after each commit).
  // Never blocks on I/O. Rows already known, not Pending, or for an unknown target are
  // ignored; rows arriving while the backlog is paged from the store are left to paging.
  void enqueue(std::vector<store::OutboxRow> rows);

  // Admin: dead letter `outbox_id` was replayed in the store (Store::replayDead, now Pending
  // again): re-load it at the head of its ticket's queue and let the ticket flow.
  Status resume(int64_t outbox_id);
  // Admin: the ticket's dead letter(s) were discarded (Store::discardDead): let the rest of
  // the ticket's rows flow. NotFound when that ticket is not parked.
  Status release(const std::string& target, const std::string& ticket_id);

  // Stops taking rows and sending; waits (until `deadline`) for in-flight sends to finish,
  // flushes the delivery records, and returns. Rows still in flight at the deadline stay
  // Pending in the store. Idempotent.
  void stop(std::chrono::steady_clock::time_point deadline);

  // Re-evaluates timers and the breaker now (after moving a test clock).
  void wake();

  DispatcherStats stats() const;
  bool isParked(const std::string& target, const std::string& ticket_id) const;

private:
  struct TargetState;
  struct SendBatch;
  struct CallbackGate;

  void run();
  bool pageNeeded(int64_t now_ms) const;
  Status loadPage();
  void beginScan(int64_t from);
  void afterPage(bool scan, bool full, int64_t from, int64_t last_id, int64_t now_ms);
  Status loadDeadLetters();
  // False when the row was left in the store for paging (memory full or backlog paging).
  bool adopt(store::OutboxRow row, bool from_store);
  std::vector<std::shared_ptr<SendBatch>> schedule(int64_t now_ms);
  void dispatch(const std::shared_ptr<SendBatch>& batch);
  void complete(SendBatch& batch, std::vector<ItemVerdict> verdicts);
  void applyVerdict(TargetState& target, const RowPtr& row, ItemVerdict verdict, bool failed_probe,
                    int64_t now_ms, int64_t latency_ms);
  void deadLetter(TargetState& target, const RowPtr& row, const std::string& reason,
                  int http_status, int64_t now_ms, int64_t latency_ms);
  void finishRow(const RowPtr& row);
  std::chrono::milliseconds idleWait(int64_t now_ms);
  TargetState* findTarget(const std::string& name) const;

  store::Store& store_;
  const DispatcherOptions options_;
  const Clock& clock_;
  const RetryPolicy policy_;
  std::unique_ptr<DeliveryRecorder> own_recorder_; // when no DeliveryLog was given
  DeliveryLog& records_;
  std::map<std::string, std::unique_ptr<TargetState>> targets_;
  std::shared_ptr<CallbackGate> gate_;

  mutable std::mutex mutex_;
  std::condition_variable work_cv_; // the worker: something to look at
  std::condition_variable idle_cv_; // stop(): a send completed
  bool signalled_ = false;
  bool started_ = false;
  bool accepting_ = true;
  bool stopping_ = false;
  bool stopped_ = false;
  bool paging_ = true; // the store holds pending rows not yet in memory
  int64_t cursor_ = 0; // paging position: pending rows up to it are in memory or done
  // The safety scan: every few seconds, pending rows after poll_floor_ are read in pages
  // (scan_pos_) and the ones not in memory adopted; the floor then moves up to the highest
  // id seen when the scan began.
  bool scanning_ = false;
  int64_t poll_floor_ = 0;
  int64_t scan_pos_ = 0;
  int64_t scan_floor_next_ = 0;
  int64_t highest_seen_ = 0;
  int64_t next_poll_ms_ = 0;
  int64_t next_load_ms_ = 0; // no store load before this (back-off after a store error)
  size_t buffered_ = 0;
  size_t sends_in_flight_ = 0;
  uint64_t unroutable_ = 0;
  uint64_t store_errors_ = 0;
  std::unordered_set<int64_t> known_; // ids queued or in flight
  RecentIds finished_;
  std::set<std::string> warned_targets_;
  std::mutex stop_mutex_; // serialises stop()
  std::thread worker_;
};

} // namespace hotline::delivery
