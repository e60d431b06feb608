// GroupCommitter, after a batch is written: counting it and following the store's health,
// answering its submits (one wake-up per answer group, submit_answer.h) and handing its new
// outbox rows to delivery.
#include "core/pipeline/group_committer.h"

#include "core/log/log.h"

namespace hotline::pipeline {
namespace {

constexpr const char* kComponent = "pipeline";

} // namespace

void GroupCommitter::answer(std::vector<Request>& requests, std::vector<SubmitPlan>& plans,
                            const Result<store::WriteBatchResult>& written) {
  std::vector<Result<SubmitOutcome>> answers;
  answers.reserve(requests.size());
  uint64_t committed = 0, duplicates = 0, refused = 0;
  for (SubmitPlan& plan : plans) {
    if (plan.kind == SubmitPlan::Kind::Refused) {
      ++refused;
      answers.emplace_back(plan.refusal);
    } else if (plan.kind == SubmitPlan::Kind::Duplicate && (written || !plan.depends_on_batch)) {
      ++duplicates;
      answers.emplace_back(plan.outcome);
    } else if (!written) {
      // Not the store's own error: it names files of this host. The operator has it in the
      // log and in /readyz.
      answers.emplace_back(
          unavailable("the gateway cannot store messages at the moment; retry later"));
    } else {
      ++committed;
      answers.emplace_back(plan.outcome);
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stats_.committed += committed;
    stats_.duplicates += duplicates;
    stats_.refused += refused;
  }
  // Every answer first, then one wake-up per group (usually one for the whole batch).
  for (size_t i = 0; i < requests.size(); ++i) {
    requests[i].answer->set(std::move(answers[i]));
  }
  AnswerGroup* last_woken = nullptr; // a group's submits are consecutive in the queue
  for (const Request& request : requests) {
    AnswerGroup* group = &request.answer->group();
    if (group != last_woken) {
      group->wakeAll();
      last_woken = group;
    }
  }
}

void GroupCommitter::deliverRows(const std::vector<store::InboundCommit>& commits,
                                 const std::vector<std::vector<int64_t>>& ids) {
  if (!sink_ || commits.empty()) {
    return;
  }
  std::vector<store::OutboxRow> rows;
  for (size_t c = 0; c < commits.size() && c < ids.size(); ++c) {
    const store::InboundCommit& commit = commits[c];
    for (size_t o = 0; o < commit.outbox.size() && o < ids[c].size(); ++o) {
      rows.push_back(store::pendingOutboxRow(commit.outbox[o], ids[c][o], commit.received_at_ms));
    }
  }
  sink_(std::move(rows));
}

void GroupCommitter::recordOutcome(const Gathered& batch, size_t messages,
                                   const Result<store::WriteBatchResult>& written) {
  const WriteHealth::Clock::time_point now = WriteHealth::Clock::now();
  WriteHealth::Report report = WriteHealth::Report::None;
  WriteHealth::State health;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stats_.batches += 1;
    stats_.failed += written ? 0 : messages;
    stats_.largest_batch = std::max<uint64_t>(stats_.largest_batch, batch.requests.size());
    if (written) {
      stats_.deliveries_refused += written->refused_deliveries.size();
      stats_.deliveries_written += batch.deliveries.size() - written->refused_deliveries.size();
    } else {
      stats_.write_failures += 1;
    }
    report = written ? write_health_.succeeded(now)
                     : write_health_.failed(written.status().message(), now);
    if (report != WriteHealth::Report::None) {
      health = write_health_.state(now); // only for the log: not on every batch
    }
  }
  if (report == WriteHealth::Report::None) {
    return;
  }
  const log::Fields streak{{"failed_batches", static_cast<long long>(health.failed_batches)},
                           {"for_ms", static_cast<long long>(health.failing_for.count())},
                           {"error", health.error}};
  switch (report) {
  case WriteHealth::Report::FirstFailure:
    log::error(kComponent,
               "the store refuses writes; messages are answered 503 until it takes "
               "them again",
               {{"messages", messages},
                {"delivery_records", batch.deliveries.size()},
                {"error", health.error}});
    break;
  case WriteHealth::Report::StillFailing:
    log::error(kComponent, "the store still refuses writes", streak);
    break;
  case WriteHealth::Report::Recovered:
    log::info(kComponent, "the store takes writes again", streak);
    break;
  case WriteHealth::Report::None:
    break;
  }
}

} // namespace hotline::pipeline
