// GroupCommitter, after a batch is written: answering its submits (one wake-up per answer
// group, submit_answer.h) and handing its new outbox rows to delivery.
#include "core/pipeline/group_committer.h"

namespace hotline::pipeline {

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
      answers.emplace_back(unavailable(
          "cannot store the message now: " + written.status().message() + "; retry later"));
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

} // namespace hotline::pipeline
