// OutboxDispatcher, second half: building batches, handing them to targets and applying the
// verdicts that come back (records, retries, dead letters, breaker, metrics).

#include "core/delivery/outbox_dispatcher_internal.h"

#include "core/log/log.h"

#include <algorithm>

namespace hotline::delivery {
namespace {

long long asLong(int64_t value) {
  return static_cast<long long>(value);
}

std::string idList(const std::vector<RowPtr>& rows) {
  std::string out;
  for (const RowPtr& row : rows) {
    out += out.empty() ? "" : ",";
    out += std::to_string(row->id);
  }
  return out;
}

} // namespace

std::vector<std::shared_ptr<OutboxDispatcher::SendBatch>>
OutboxDispatcher::schedule(int64_t now_ms) {
  std::vector<std::shared_ptr<SendBatch>> out;
  for (auto& [name, target] : targets_) {
    TargetState& state = *target;
    while (state.sends_in_flight < options_.max_in_flight_per_target &&
           state.queues.hasReady(now_ms)) {
      if (!state.breaker.allowRequest()) {
        break; // open: rows wait, they are not failed
      }
      const bool probe = state.breaker.probing();
      const size_t limit = probe ? 1 : std::max<size_t>(state.target->maxBatch(), 1);
      std::vector<RowPtr> rows = state.queues.takeReady(limit, now_ms);
      if (rows.empty()) {
        if (probe) {
          state.breaker.abandonProbe();
        }
        break;
      }
      auto batch = std::make_shared<SendBatch>();
      batch->target = &state;
      batch->rows = std::move(rows);
      batch->started = std::chrono::steady_clock::now();
      batch->probe = probe;
      ++state.sends_in_flight;
      ++sends_in_flight_;
      ++state.counters.sends;
      out.push_back(std::move(batch));
    }
  }
  return out;
}

void OutboxDispatcher::dispatch(const std::shared_ptr<SendBatch>& batch) {
  std::vector<const store::OutboxRow*> rows;
  rows.reserve(batch->rows.size());
  for (const RowPtr& row : batch->rows) {
    rows.push_back(row.get());
  }
  DeliveryTarget& target = *batch->target->target;
  if (log::enabled(log::Level::Debug)) { // the id list costs; build it only when wanted
    log::debug(kDeliveryComponent, "sending",
               {{"target", target.name()},
                {"rows", rows.size()},
                {"outbox_ids", idList(batch->rows)},
                {"probe", batch->probe ? "true" : "false"}});
  }
  auto gate = gate_;
  auto deliver = [gate, batch](std::vector<ItemVerdict> verdicts) {
    std::lock_guard<std::mutex> lock(gate->mutex);
    if (gate->owner != nullptr) {
      gate->owner->complete(*batch, std::move(verdicts));
    }
  };
  try {
    target.send(std::move(rows), deliver);
  } catch (const std::exception& e) {
    // A target must not throw; if one does, its rows are retried like any failed attempt.
    deliver(std::vector<ItemVerdict>(
        batch->rows.size(), ItemVerdict::retry(target.name() + ": send threw: " + e.what())));
  }
}

void OutboxDispatcher::complete(SendBatch& batch, std::vector<ItemVerdict> verdicts) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    TargetState& target = *batch.target;
    if (batch.completed) {
      log::error(kDeliveryComponent, "a target answered the same send twice; ignored",
                 {{"target", target.counters.name}, {"outbox_ids", idList(batch.rows)}});
      return;
    }
    batch.completed = true;
    const int64_t now = clock_.nowMs();
    const int64_t latency = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - batch.started)
                                .count();
    if (verdicts.size() != batch.rows.size()) {
      log::error(kDeliveryComponent, "a target returned the wrong number of verdicts",
                 {{"target", target.counters.name},
                  {"rows", batch.rows.size()},
                  {"verdicts", verdicts.size()}});
      verdicts.assign(batch.rows.size(),
                      ItemVerdict::retry(target.counters.name + ": " +
                                         std::to_string(verdicts.size()) + " verdicts for " +
                                         std::to_string(batch.rows.size()) + " rows"));
    }
    // The peer is down only when nothing at all got through; a permanent refusal of one
    // item still proves it is up.
    const bool all_failed = std::all_of(verdicts.begin(), verdicts.end(), [](const auto& v) {
      return v.kind == ItemVerdict::Kind::Retry;
    });
    if (all_failed) {
      target.breaker.onFailure();
    } else {
      target.breaker.onSuccess();
    }
    target.counters.latency.observe(latency);
    for (size_t i = 0; i < batch.rows.size(); ++i) {
      applyVerdict(target, batch.rows[i], std::move(verdicts[i]), batch.probe && all_failed, now,
                   latency);
    }
    --target.sends_in_flight;
    --sends_in_flight_;
    signalled_ = true;
  }
  work_cv_.notify_one();
  idle_cv_.notify_all();
}

void OutboxDispatcher::applyVerdict(TargetState& target, const RowPtr& row, ItemVerdict verdict,
                                    bool failed_probe, int64_t now_ms, int64_t latency_ms) {
  if (verdict.kind == ItemVerdict::Kind::Ok) {
    target.queues.delivered(row, now_ms);
    finishRow(row);
    ++target.counters.delivered;
    records_.add({row->id,
                  store::DeliveryRecord::Kind::Delivered,
                  now_ms,
                  0,
                  {},
                  verdict.http_status,
                  latency_ms});
    if (log::enabled(log::Level::Debug)) {
      log::debug(kDeliveryComponent, "delivered",
                 {{"target", target.counters.name},
                  {"ticket", row->ticket_id},
                  {"outbox_id", asLong(row->id)}});
    }
    return;
  }
  if (verdict.kind == ItemVerdict::Kind::Permanent) {
    deadLetter(target, row, verdict.reason, verdict.http_status, now_ms, latency_ms);
    return;
  }
  if (failed_probe) {
    // The breaker's probe found the peer still down: that is the breaker's business, not
    // the row's, so no attempt is spent (an hour-long outage must not dead-letter rows).
    target.queues.unsent(row, now_ms);
    ++target.counters.probes_failed;
    log::debug(kDeliveryComponent, "breaker probe failed",
               {{"target", target.counters.name},
                {"outbox_id", asLong(row->id)},
                {"reason", verdict.reason}});
    return;
  }
  const int attempts = row->attempts + 1;
  const auto delay = policy_.nextDelay(attempts, verdict.retry_after);
  if (!delay) {
    deadLetter(target, row,
               "attempts exhausted (" + std::to_string(attempts) + "): " + verdict.reason,
               verdict.http_status, now_ms, latency_ms);
    return;
  }
  row->attempts = attempts;
  const int64_t at = now_ms + delay->count();
  row->last_error = verdict.reason;
  target.queues.retryAt(row, at, now_ms);
  ++target.counters.retries;
  records_.add({row->id, store::DeliveryRecord::Kind::Retry, now_ms, at, verdict.reason,
                verdict.http_status, latency_ms});
  if (!log::enabled(log::Level::Debug)) {
    return;
  }
  log::debug(kDeliveryComponent, "retry scheduled",
             {{"target", target.counters.name},
              {"ticket", row->ticket_id},
              {"outbox_id", asLong(row->id)},
              {"attempt", attempts},
              {"delay_ms", asLong(delay->count())},
              {"reason", verdict.reason}});
}

void OutboxDispatcher::deadLetter(TargetState& target, const RowPtr& row, const std::string& reason,
                                  int http_status, int64_t now_ms, int64_t latency_ms) {
  target.queues.deadLettered(row, now_ms);
  finishRow(row);
  ++target.counters.dead_letters;
  records_.add(
      {row->id, store::DeliveryRecord::Kind::Dead, now_ms, 0, reason, http_status, latency_ms});
  log::warn(kDeliveryComponent, "dead letter; the ticket's later rows are held",
            {{"target", target.counters.name},
             {"ticket", row->ticket_id},
             {"outbox_id", asLong(row->id)},
             {"attempts", row->attempts + 1},
             {"reason", reason}});
}

void OutboxDispatcher::finishRow(const RowPtr& row) {
  known_.erase(row->id);
  finished_.remember(row->id);
  --buffered_;
}

} // namespace hotline::delivery
