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
// Thread safety: submit() and recordRejection() from any thread; start()/stop() from one.

#include "core/pipeline/batch_planner.h"
#include "core/store/store.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
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
};

class GroupCommitter {
public:
  struct Options {
    std::string core_target = "core";
    size_t max_batch = 512;
  };

  GroupCommitter(store::Store& store, Options options, OutboxSink sink);
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  void start();
  // Commits what is queued, then stops; later submits are answered Unavailable.
  void stop();

  std::future<Result<SubmitOutcome>> submit(PendingSubmit pending);
  // An audit fact for a refused message (refused before it reached the committer).
  void recordRejection(store::RejectionRecord rejection);

  CommitterStats stats() const;
  // Submits waiting for the committer thread.
  size_t queued() const;

private:
  struct Request {
    PendingSubmit pending;
    std::promise<Result<SubmitOutcome>> done;
  };

  void run();
  void commitBatch(std::vector<Request>& batch, std::vector<store::RejectionRecord>& rejections);
  void deliverRows(const std::vector<const store::InboundCommit*>& commits,
                   const std::vector<std::vector<int64_t>>& ids);

  store::Store& store_;
  Options options_;
  OutboxSink sink_;
  BatchPlanner planner_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Request> queue_;
  std::vector<store::RejectionRecord> rejections_;
  bool running_ = false;
  bool stopping_ = false;
  CommitterStats stats_;
  std::thread thread_;
};

} // namespace hotline::pipeline
