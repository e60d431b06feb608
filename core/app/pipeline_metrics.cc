// Prometheus rendering of the pipeline's state (DESIGN.md §10): per connector (received,
// accepted, rejected, ack latency — from MeasuredSubmitter), the group committer, and per
// target (delivered, retries, dead letters, outbox depth, breaker, delivery latency).
#include "core/app/pipeline_runtime.h"

namespace hotline::app {
namespace {

metrics::HistogramSnapshot toSnapshot(const delivery::LatencyHistogram& histogram) {
  metrics::HistogramSnapshot snapshot;
  delivery::LatencyHistogram cumulative = histogram.cumulative();
  for (size_t i = 0; i < delivery::kLatencyBoundsMs.size(); ++i) {
    snapshot.bounds.push_back(static_cast<double>(delivery::kLatencyBoundsMs[i]) / 1000.0);
    snapshot.cumulative.push_back(cumulative.buckets[i]);
  }
  snapshot.cumulative.push_back(cumulative.count);
  snapshot.count = cumulative.count;
  snapshot.sum = static_cast<double>(cumulative.sum_ms) / 1000.0;
  return snapshot;
}

void renderCommitter(const pipeline::CommitterStats& stats, metrics::PrometheusText& out) {
  out.family("hotline_commit_batches_total", "counter",
             "Store transactions of the group committer.");
  out.sample({}, static_cast<double>(stats.batches));
  out.family("hotline_commit_messages_total", "counter",
             "Messages through the group committer, by outcome.");
  out.sample({{"outcome", "committed"}}, static_cast<double>(stats.committed));
  out.sample({{"outcome", "duplicate"}}, static_cast<double>(stats.duplicates));
  out.sample({{"outcome", "refused"}}, static_cast<double>(stats.refused));
  out.sample({{"outcome", "failed"}}, static_cast<double>(stats.failed));
  out.family("hotline_store_write_failures_total", "counter",
             "Store transactions that failed (a full disk, a size cap); their records are "
             "retried.");
  out.sample({}, static_cast<double>(stats.write_failures));
  out.family("hotline_store_writable", "gauge",
             "1 while the store takes writes, 0 while it refuses them (alert on it).");
  out.sample({}, stats.store_writes.failing ? 0.0 : 1.0);
}

void renderTargets(const delivery::DispatcherStats& stats, metrics::PrometheusText& out) {
  struct Counter {
    const char* name;
    const char* help;
    uint64_t delivery::TargetStats::*field;
  };
  const Counter counters[] = {
      {"hotline_delivered_total", "Outbox rows delivered, per target.",
       &delivery::TargetStats::delivered},
      {"hotline_delivery_retries_total", "Failed attempts that were scheduled again.",
       &delivery::TargetStats::retries},
      {"hotline_dead_letters_total", "Outbox rows dead-lettered, per target.",
       &delivery::TargetStats::dead_letters},
      {"hotline_breaker_opened_total", "Times the target's circuit breaker opened.",
       &delivery::TargetStats::breaker_opened},
  };
  for (const Counter& counter : counters) {
    out.family(counter.name, "counter", counter.help);
    for (const auto& target : stats.targets) {
      out.sample({{"target", target.name}}, static_cast<double>(target.*(counter.field)));
    }
  }
  out.family("hotline_outbox_depth", "gauge", "Rows waiting for delivery in memory, per target.");
  for (const auto& target : stats.targets) {
    out.sample({{"target", target.name}}, static_cast<double>(target.queued));
  }
  out.family("hotline_parked_tickets", "gauge", "Tickets held behind a dead letter, per target.");
  for (const auto& target : stats.targets) {
    out.sample({{"target", target.name}}, static_cast<double>(target.parked_tickets));
  }
  out.family("hotline_delivery_latency_seconds", "histogram",
             "Time of one delivery request to the target.");
  for (const auto& target : stats.targets) {
    out.histogram({{"target", target.name}}, toSnapshot(target.latency));
  }
}

void renderRetention(const pipeline::PayloadRetention::Stats& stats, metrics::PrometheusText& out) {
  out.family("hotline_store_payloads_purged_total", "counter",
             "Stored payloads emptied by retention (store.keep_payloads_days), per table.");
  out.sample({{"table", "messages"}}, static_cast<double>(stats.messages));
  out.sample({{"table", "outbox"}}, static_cast<double>(stats.outbox_rows));
  out.family("hotline_store_retention_failures_total", "counter",
             "Retention passes a store error ended; the next pass retries.");
  out.sample({}, static_cast<double>(stats.failures));
}

} // namespace

void PipelineRuntime::renderMetrics(metrics::PrometheusText& out) const {
  measured_->render(out);
  out.family("hotline_rejected_before_commit_total", "counter",
             "Messages refused by mapping or validation before reaching the store.");
  out.sample({}, static_cast<double>(durable_->refusedEarly()));
  renderCommitter(committer_->stats(), out);
  renderTargets(dispatcher_->stats(), out);
  Result<store::OutboxCounts> counts = store_->outboxCounts();
  if (counts) {
    out.family("hotline_outbox_rows", "gauge", "Outbox rows in the store, by state.");
    out.sample({{"state", "pending"}}, static_cast<double>(counts->pending));
    out.sample({{"state", "dead"}}, static_cast<double>(counts->dead));
    out.sample({{"state", "delivered"}}, static_cast<double>(counts->delivered));
  }
  if (retention_) {
    renderRetention(retention_->stats(), out);
  }
}

} // namespace hotline::app
