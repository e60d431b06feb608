#pragma once
// A fixed-bucket histogram for latencies (Prometheus semantics: cumulative buckets, sum,
// count). observe() is lock-free so it can sit on the hot path of every request.
//
// Thread safety: observe() and snapshot() from any thread.

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace hotline::metrics {

struct HistogramSnapshot {
  std::vector<double> bounds;       // upper bounds, ascending (+Inf implied)
  std::vector<uint64_t> cumulative; // one per bound, then +Inf (== count)
  double sum = 0;
  uint64_t count = 0;
};

class Histogram {
public:
  explicit Histogram(std::vector<double> bounds);

  void observe(double value);
  HistogramSnapshot snapshot() const;

  // Latency buckets in seconds from 0.5 ms to 10 s.
  static std::vector<double> latencyBounds();

private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<uint64_t>[]> buckets_; // bounds_.size() + 1
  std::atomic<uint64_t> sum_micros_{0};              // sum in millionths, to stay atomic
  std::atomic<uint64_t> count_{0};
};

} // namespace hotline::metrics
