#pragma once
// Counts and times every submit per connector instance (the Prometheus metrics received,
// accepted, duplicates, rejected by reason, ack latency), around any Submitter.
//
// Thread safety: submit() concurrently; render() from any thread.

#include "core/metrics/histogram.h"
#include "core/metrics/prometheus_text.h"
#include "core/pipeline/submitter.h"

#include <atomic>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>

namespace hotline::pipeline {

class MeasuredSubmitter : public Submitter {
public:
  explicit MeasuredSubmitter(Submitter& inner) : inner_(inner) {}

  Result<SubmitOutcome> submit(const InboundMessage& message) override;
  // Appends this submitter's families to `out`.
  void render(metrics::PrometheusText& out) const;

private:
  struct SourceMetrics {
    std::atomic<uint64_t> received{0};
    std::atomic<uint64_t> accepted{0};
    std::atomic<uint64_t> duplicates{0};
    std::atomic<uint64_t> rejected[static_cast<int>(StatusCode::Internal) + 1] = {};
    metrics::Histogram ack_latency{metrics::Histogram::latencyBounds()};
  };

  SourceMetrics& forSource(const std::string& source);

  Submitter& inner_;
  mutable std::shared_mutex mutex_;
  std::map<std::string, std::unique_ptr<SourceMetrics>> sources_;
};

} // namespace hotline::pipeline
