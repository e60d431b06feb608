#pragma once
// Group commit (DESIGN.md §4): submits from many server threads queue here; one committer
// thread — the store's single writer — takes everything queued, plans each message in
// arrival order (BatchPlanner), writes the whole batch in one transaction, and only then
// completes each submit's future. While one batch is being fsynced the next one gathers, so
// durability costs one fsync per batch, not one per message.
//
// After a batch commits, its new outbox rows are handed to the outbox sink (the delivery
// dispatcher) so delivery needs no polling of the store.
//
// The committer is the store's only writer on the hot path: delivery outcomes
// (addDelivery) and the audit facts of refused messages (recordRejection) ride in the same
// transactions as the inbound commits. A second writer would take turns with it for the
// write lock, add an fsync of its own, and reset the committer's page cache after each of
// its transactions (perf, tests/bench/RESULTS.md). Those records are retried after a failed
// write (in order, never dropped while running); inbound submits of a failed batch are
// answered Unavailable, which tells the peer to retry.
//
// Thread safety: submit(), recordRejection(), addDelivery() from any thread; start(),
// closeIntake() and stop() from the owner.

#include "core/pipeline/batch_planner.h"
#include "core/pipeline/submit_answer.h"
#include "core/pipeline/write_health.h"
#include "core/store/store.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace hotline::pipeline {

using OutboxSink = std::function<void(std::vector<store::OutboxRow>)>;

struct CommitterStats {
  uint64_t batches = 0;
  uint64_t committed = 0;
  uint64_t duplicates = 0;
  uint64_t refused = 0;
  uint64_t failed = 0; // messages of batches the store could not commit
  uint64_t largest_batch = 0;
  uint64_t deliveries_written = 0;
  uint64_t deliveries_refused = 0; // records the store will never take (row not pending)
  uint64_t write_failures = 0;     // failed transactions (their records are retried)
  size_t deliveries_pending = 0;
  WriteHealth::State store_writes; // is the store taking writes? (write_health.h)
};

class GroupCommitter {
public:
  struct Options {
    std::string core_target = "core";
    size_t max_batch = 512;                    // inbound submits per transaction
    size_t max_delivery_batch = 2000;          // delivery records per transaction
    std::chrono::milliseconds retry_wait{200}; // after a failed write
    // Peer hotline platforms (connector entries with "sync": true): see planner_routing.cc.
    std::set<std::string> sync_instances = {};
  };

  GroupCommitter(store::Store& store, Options options, OutboxSink sink);
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  void start();
  // Commits the submits already queued; later submits are answered Unavailable. Delivery
  // records are still written (the dispatcher finishes its in-flight sends after this).
  void closeIntake();
  // closeIntake(), then writes every queued record (a write that fails while stopping is
  // not retried: its rows stay pending and are re-sent under the same key after a
  // restart), then stops the thread.
  void stop();

  SubmitAnswer submit(PendingSubmit pending);
  // An audit fact for a refused message (refused before it reached the committer).
  void recordRejection(store::RejectionRecord rejection);
  // A delivery outcome to store, in order with the others of its row.
  void addDelivery(store::DeliveryRecord record);
  // Any other audit fact (a connector refusing a request on its own), written with the
  // next batch: a flood of forged requests costs no fsync of its own per request.
  void recordFact(store::AuditInsert fact);
  // A connector's report of a peer's number for a ticket, planned and written with the next
  // batch (BatchPlanner::planLink) and audited there.
  void recordLink(LinkFact fact);

  CommitterStats stats() const;
  // Submits waiting for the committer thread.
  size_t queued() const;

private:
  struct Request {
    PendingSubmit pending;
    std::shared_ptr<PendingAnswer> answer;
  };

  struct Gathered {
    std::vector<Request> requests;
    std::vector<store::RejectionRecord> rejections;
    std::vector<store::DeliveryRecord> deliveries;
    std::vector<store::AuditInsert> facts;
    std::vector<LinkFact> links;
    bool empty() const {
      return requests.empty() && rejections.empty() && deliveries.empty() && facts.empty() &&
             links.empty();
    }
  };

  void run();
  // Under mutex_: moves what is queued into `into`. False when stopping and nothing is left.
  bool gather(std::unique_lock<std::mutex>& lock, Gathered& into);
  // True when the transaction committed.
  bool commitBatch(Gathered& batch);
  // Counts the batch and follows the store's health; logs a failure streak, not each batch.
  void recordOutcome(const Gathered& batch, size_t messages,
                     const Result<store::WriteBatchResult>& written);
  void answer(std::vector<Request>& requests, std::vector<SubmitPlan>& plans,
              const Result<store::WriteBatchResult>& written);
  // Puts records of a failed write back at the front of their queues, in order.
  void requeue(Gathered& batch);
  void giveUp(Gathered& batch);
  void deliverRows(const std::vector<store::InboundCommit>& commits,
                   const std::vector<std::vector<int64_t>>& ids);

  store::Store& store_;
  Options options_;
  OutboxSink sink_;
  BatchPlanner planner_;

  mutable std::mutex mutex_;
  std::condition_variable wake_; // the committer: something to write, or stop
  std::condition_variable idle_; // closeIntake(): the batch in progress was answered
  size_t requests_in_batch_ = 0;
  std::deque<Request> queue_;
  // The group of the submits queued since the last gather (submit_answer.h).
  std::shared_ptr<AnswerGroup> group_;
  std::deque<store::RejectionRecord> rejections_;
  std::deque<store::DeliveryRecord> deliveries_;
  std::deque<store::AuditInsert> facts_;
  std::deque<LinkFact> links_;
  bool running_ = false;
  bool intake_closed_ = false;
  bool stopping_ = false;
  bool write_failed_ = false; // the last write failed: wait retry_wait before the next
  CommitterStats stats_;
  WriteHealth write_health_;
  std::thread thread_;
};

} // namespace hotline::pipeline
