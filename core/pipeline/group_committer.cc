#include "core/pipeline/group_committer.h"

#include "core/log/log.h"

#include <iterator>
#include <limits>

namespace hotline::pipeline {
namespace {

constexpr const char* kComponent = "pipeline";

store::RejectionRecord rejectionOf(const PendingSubmit& pending, const Status& why) {
  return store::RejectionRecord{pending.received_at_ms, pending.message.source,
                                pending.message.kind, why.toString()};
}

template <typename T>
void takeFront(std::deque<T>& from, std::vector<T>& into, size_t limit) {
  while (!from.empty() && into.size() < limit) {
    into.push_back(std::move(from.front()));
    from.pop_front();
  }
}

template <typename T>
void putBackInFront(std::vector<T>& items, std::deque<T>& queue) {
  queue.insert(queue.begin(), std::make_move_iterator(items.begin()),
               std::make_move_iterator(items.end()));
  items.clear();
}

} // namespace

GroupCommitter::GroupCommitter(store::Store& store, Options options, OutboxSink sink)
    : store_(store), options_(std::move(options)), sink_(std::move(sink)),
      planner_(store, options_.core_target, options_.sync_instances) {}

GroupCommitter::~GroupCommitter() {
  stop();
}

void GroupCommitter::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (running_) {
    return;
  }
  running_ = true;
  intake_closed_ = false;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void GroupCommitter::closeIntake() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!running_) {
    return;
  }
  intake_closed_ = true;
  wake_.notify_all();
  idle_.wait(lock, [this] { return queue_.empty() && requests_in_batch_ == 0; });
}

void GroupCommitter::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!running_) {
      return;
    }
    intake_closed_ = true;
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  std::lock_guard<std::mutex> lock(mutex_);
  running_ = false;
}

SubmitAnswer GroupCommitter::submit(PendingSubmit pending) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!group_) {
    group_ = std::make_shared<AnswerGroup>();
  }
  auto answer = std::make_shared<PendingAnswer>(group_);
  if (!running_ || intake_closed_) {
    answer->set(unavailable("the gateway is shutting down; retry later"));
    return SubmitAnswer(std::move(answer));
  }
  queue_.push_back(Request{std::move(pending), answer});
  lock.unlock();
  wake_.notify_one();
  return SubmitAnswer(std::move(answer));
}

void GroupCommitter::recordRejection(store::RejectionRecord rejection) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    rejections_.push_back(std::move(rejection));
  }
  wake_.notify_one();
}

void GroupCommitter::addDelivery(store::DeliveryRecord record) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    deliveries_.push_back(std::move(record));
  }
  wake_.notify_one();
}

void GroupCommitter::recordFact(store::AuditInsert fact) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    facts_.push_back(std::move(fact));
  }
  wake_.notify_one();
}

void GroupCommitter::recordLink(LinkFact fact) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    links_.push_back(std::move(fact));
  }
  wake_.notify_one();
}

size_t GroupCommitter::queued() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

CommitterStats GroupCommitter::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  CommitterStats stats = stats_;
  stats.deliveries_pending = deliveries_.size();
  stats.store_writes = write_health_.state(WriteHealth::Clock::now());
  return stats;
}

void GroupCommitter::run() {
  Gathered batch;
  std::unique_lock<std::mutex> lock(mutex_);
  while (gather(lock, batch)) {
    lock.unlock();
    const bool written = commitBatch(batch);
    lock.lock();
    requests_in_batch_ = 0;
    idle_.notify_all();
    write_failed_ = !written;
    if (!written && stopping_) {
      giveUp(batch); // not retried while stopping (see stop())
    } else if (!written) {
      requeue(batch);
    }
    batch.requests.clear();
  }
}

bool GroupCommitter::gather(std::unique_lock<std::mutex>& lock, Gathered& into) {
  if (write_failed_ && !stopping_) {
    // Records of the failed write are retried after a pause; new submits go at once.
    wake_.wait_for(lock, options_.retry_wait, [this] { return stopping_ || !queue_.empty(); });
  }
  wake_.wait(lock, [this] {
    return stopping_ || !queue_.empty() || !rejections_.empty() || !deliveries_.empty() ||
           !facts_.empty() || !links_.empty();
  });
  takeFront(queue_, into.requests, options_.max_batch);
  if (queue_.empty()) {
    group_.reset(); // later submits wait on a group of their own
  }
  takeFront(rejections_, into.rejections, std::numeric_limits<size_t>::max());
  takeFront(deliveries_, into.deliveries, options_.max_delivery_batch);
  takeFront(facts_, into.facts, options_.max_delivery_batch);
  takeFront(links_, into.links, options_.max_delivery_batch);
  requests_in_batch_ = into.requests.size();
  return !into.empty();
}

void GroupCommitter::giveUp(Gathered& batch) {
  log::error(kComponent, "records not written before stopping",
             {{"delivery_records", batch.deliveries.size()},
              {"rejections", batch.rejections.size()},
              {"facts", batch.facts.size()},
              {"links", batch.links.size()},
              {"effect", "their rows stay pending and are re-sent with the same key"}});
  batch.deliveries.clear();
  batch.rejections.clear();
  batch.facts.clear();
  batch.links.clear();
}

void GroupCommitter::requeue(Gathered& batch) {
  putBackInFront(batch.deliveries, deliveries_);
  putBackInFront(batch.rejections, rejections_);
  putBackInFront(batch.facts, facts_);
  putBackInFront(batch.links, links_);
}

bool GroupCommitter::commitBatch(Gathered& batch) {
  std::vector<SubmitPlan> plans;
  plans.reserve(batch.requests.size());
  std::vector<store::InboundCommit> commits;
  for (Request& request : batch.requests) {
    plans.push_back(planner_.plan(request.pending));
    SubmitPlan& plan = plans.back();
    if (plan.kind == SubmitPlan::Kind::Commit) {
      commits.push_back(std::move(plan.commit));
    } else if (plan.kind == SubmitPlan::Kind::Refused) {
      batch.rejections.push_back(rejectionOf(request.pending, plan.refusal));
    }
  }
  // Links are planned after the messages, so a link to a ticket created in this batch holds.
  // The batch's own facts are copied only when links add theirs (rarely: not on the hot path).
  std::vector<store::LinkRow> links;
  std::vector<store::AuditInsert> facts_and_links;
  std::span<const store::AuditInsert> facts = batch.facts;
  if (!batch.links.empty()) {
    facts_and_links = batch.facts;
    for (const LinkFact& fact : batch.links) {
      LinkPlan plan = planner_.planLink(fact);
      if (plan.insert) {
        links.push_back(std::move(*plan.insert));
      }
      if (plan.fact) {
        facts_and_links.push_back(std::move(*plan.fact));
      }
    }
    facts = facts_and_links;
  }
  Result<store::WriteBatchResult> written = store_.commitBatch(
      store::WriteBatch{commits, batch.rejections, batch.deliveries, facts, links});
  planner_.reset(); // committed or not, the overlay is no longer needed
  // Rows go to delivery before anyone is answered, so a peer that has its 2xx can rely on
  // the message already being queued for the core platform.
  if (written) {
    deliverRows(commits, written->outbox_ids);
    for (const auto& [index, why] : written->refused_deliveries) {
      log::error(kComponent, "the store refused a delivery record; dropped",
                 {{"outbox_id", static_cast<long long>(batch.deliveries[index].outbox_id)},
                  {"error", why.toString()}});
    }
  }
  // Counted before anyone is answered, so a submitter holding its answer sees it counted.
  recordOutcome(batch, commits.size(), written);
  answer(batch.requests, plans, written);
  if (written) {
    batch.rejections.clear();
    batch.deliveries.clear();
    batch.facts.clear();
    batch.links.clear();
  } // else they are kept for the retry, this batch's own rejections included
  return written.isOk();
}

} // namespace hotline::pipeline
