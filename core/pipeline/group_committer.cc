#include "core/pipeline/group_committer.h"

#include "core/log/log.h"

namespace hotline::pipeline {
namespace {

store::RejectionRecord rejectionOf(const PendingSubmit& pending, const Status& why) {
  return store::RejectionRecord{pending.received_at_ms, pending.message.source,
                                pending.message.kind, why.toString()};
}

} // namespace

GroupCommitter::GroupCommitter(store::Store& store, Options options, OutboxSink sink)
    : store_(store), options_(std::move(options)), sink_(std::move(sink)),
      planner_(store, options_.core_target) {}

GroupCommitter::~GroupCommitter() {
  stop();
}

void GroupCommitter::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (running_) {
    return;
  }
  running_ = true;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void GroupCommitter::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!running_) {
      return;
    }
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  std::lock_guard<std::mutex> lock(mutex_);
  running_ = false;
}

std::future<Result<SubmitOutcome>> GroupCommitter::submit(PendingSubmit pending) {
  Request request{std::move(pending), {}};
  std::future<Result<SubmitOutcome>> done = request.done.get_future();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!running_ || stopping_) {
      request.done.set_value(unavailable("the gateway is shutting down; retry later"));
      return done;
    }
    queue_.push_back(std::move(request));
  }
  wake_.notify_one();
  return done;
}

void GroupCommitter::recordRejection(store::RejectionRecord rejection) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    rejections_.push_back(std::move(rejection));
  }
  wake_.notify_one();
}

size_t GroupCommitter::queued() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

CommitterStats GroupCommitter::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

void GroupCommitter::run() {
  std::vector<Request> batch;
  std::vector<store::RejectionRecord> rejections;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty() || !rejections_.empty(); });
      if (queue_.empty() && rejections_.empty()) {
        return; // stopping, and everything queued has been committed
      }
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      rejections.swap(rejections_);
    }
    commitBatch(batch, rejections);
    batch.clear();
    rejections.clear();
  }
}

void GroupCommitter::commitBatch(std::vector<Request>& batch,
                                 std::vector<store::RejectionRecord>& rejections) {
  std::vector<SubmitPlan> plans;
  plans.reserve(batch.size());
  std::vector<store::InboundCommit> commits;
  for (Request& request : batch) {
    plans.push_back(planner_.plan(request.pending));
    SubmitPlan& plan = plans.back();
    if (plan.kind == SubmitPlan::Kind::Commit) {
      commits.push_back(std::move(plan.commit));
    } else if (plan.kind == SubmitPlan::Kind::Refused) {
      rejections.push_back(rejectionOf(request.pending, plan.refusal));
    }
  }
  Result<std::vector<std::vector<int64_t>>> ids =
      commits.empty()
          ? Result<std::vector<std::vector<int64_t>>>(std::vector<std::vector<int64_t>>{})
          : store_.commitInbound(commits);
  planner_.reset(); // committed or not, the overlay is no longer needed
  if (!rejections.empty()) {
    Status recorded = store_.recordRejections(rejections);
    if (!recorded.isOk()) {
      log::error("pipeline", "rejections not audited", {{"error", recorded.message()}});
    }
  }
  uint64_t committed = 0, duplicates = 0, refused = 0;
  for (size_t i = 0; i < batch.size(); ++i) {
    SubmitPlan& plan = plans[i];
    if (plan.kind == SubmitPlan::Kind::Refused) {
      ++refused;
      batch[i].done.set_value(plan.refusal);
    } else if (plan.kind == SubmitPlan::Kind::Duplicate && (ids || !plan.depends_on_batch)) {
      ++duplicates;
      batch[i].done.set_value(plan.outcome);
    } else if (!ids) {
      batch[i].done.set_value(
          unavailable("cannot store the message now: " + ids.status().message() + "; retry later"));
    } else {
      ++committed;
      batch[i].done.set_value(plan.outcome);
    }
  }
  if (!ids) {
    log::error("pipeline", "batch not committed",
               {{"messages", std::to_string(commits.size())}, {"error", ids.status().message()}});
  } else if (!commits.empty()) {
    std::vector<const store::InboundCommit*> stored;
    for (const auto& commit : commits) {
      stored.push_back(&commit);
    }
    deliverRows(stored, *ids);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  stats_.batches += 1;
  stats_.committed += committed;
  stats_.duplicates += duplicates;
  stats_.refused += refused;
  stats_.failed += ids ? 0 : commits.size();
  stats_.largest_batch = std::max<uint64_t>(stats_.largest_batch, batch.size());
}

void GroupCommitter::deliverRows(const std::vector<const store::InboundCommit*>& commits,
                                 const std::vector<std::vector<int64_t>>& ids) {
  if (!sink_) {
    return;
  }
  std::vector<store::OutboxRow> rows;
  for (size_t c = 0; c < commits.size() && c < ids.size(); ++c) {
    const store::InboundCommit& commit = *commits[c];
    for (size_t o = 0; o < commit.outbox.size() && o < ids[c].size(); ++o) {
      rows.push_back(
          store::pendingOutboxRow(commit.outbox[o], ids[c][o], commit.received_at_ms));
    }
  }
  sink_(std::move(rows));
}

} // namespace hotline::pipeline
