#include "core/pipeline/measured_submitter.h"

#include <chrono>
#include <mutex>

namespace hotline::pipeline {

MeasuredSubmitter::SourceMetrics& MeasuredSubmitter::forSource(const std::string& source) {
  {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    auto it = sources_.find(source);
    if (it != sources_.end()) {
      return *it->second;
    }
  }
  std::unique_lock<std::shared_mutex> lock(mutex_);
  auto& slot = sources_[source];
  if (!slot) {
    slot = std::make_unique<SourceMetrics>();
  }
  return *slot;
}

Result<SubmitOutcome> MeasuredSubmitter::submit(const InboundMessage& message) {
  SourceMetrics& metrics = forSource(message.source);
  metrics.received.fetch_add(1, std::memory_order_relaxed);
  auto started = std::chrono::steady_clock::now();
  Result<SubmitOutcome> outcome = inner_.submit(message);
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  metrics.ack_latency.observe(elapsed.count());
  if (!outcome) {
    metrics.rejected[static_cast<int>(outcome.status().code())].fetch_add(
        1, std::memory_order_relaxed);
  } else if (outcome->duplicate) {
    metrics.duplicates.fetch_add(1, std::memory_order_relaxed);
  } else {
    metrics.accepted.fetch_add(1, std::memory_order_relaxed);
  }
  return outcome;
}

void MeasuredSubmitter::render(metrics::PrometheusText& out) const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  out.family("hotline_received_total", "counter", "Messages received from peers, per connector.");
  for (const auto& [source, m] : sources_) {
    out.sample({{"connector", source}}, static_cast<double>(m->received.load()));
  }
  out.family("hotline_accepted_total", "counter", "Messages durably accepted, per connector.");
  for (const auto& [source, m] : sources_) {
    out.sample({{"connector", source}}, static_cast<double>(m->accepted.load()));
  }
  out.family("hotline_duplicates_total", "counter",
             "Messages answered as duplicates of an accepted one, per connector.");
  for (const auto& [source, m] : sources_) {
    out.sample({{"connector", source}}, static_cast<double>(m->duplicates.load()));
  }
  out.family("hotline_rejected_total", "counter", "Messages refused, per connector and reason.");
  for (const auto& [source, m] : sources_) {
    for (int code = 1; code <= static_cast<int>(StatusCode::Internal); ++code) {
      uint64_t count = m->rejected[code].load();
      if (count > 0) {
        out.sample({{"connector", source},
                    {"reason", std::string(statusCodeName(static_cast<StatusCode>(code)))}},
                   static_cast<double>(count));
      }
    }
  }
  out.family("hotline_ack_latency_seconds", "histogram",
             "Time from receipt to the answer to the peer (after the durable commit).");
  for (const auto& [source, m] : sources_) {
    out.histogram({{"connector", source}}, m->ack_latency.snapshot());
  }
}

} // namespace hotline::pipeline
