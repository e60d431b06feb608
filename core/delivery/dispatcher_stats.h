#pragma once
// A point-in-time snapshot of the dispatcher's metrics (DESIGN.md §10). Plain data: the
// admin side renders it as Prometheus text; counters only grow for the dispatcher's life.

#include "core/delivery/circuit_breaker.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace hotline::delivery {

// Upper bounds (ms) of the delivery latency histogram buckets; +Inf is implied.
inline constexpr std::array<int64_t, 12> kLatencyBoundsMs = {5,   10,   25,   50,   100,   250,
                                                             500, 1000, 2500, 5000, 10000, 30000};

// Observations per bucket: buckets[i] counts latencies in (bound[i-1], bound[i]], the last
// bucket those above every bound. cumulative() turns it into Prometheus' "le" form
// (buckets[i] = observations <= bound[i]; the last equals count).
struct LatencyHistogram {
  std::array<uint64_t, kLatencyBoundsMs.size() + 1> buckets{};
  uint64_t count = 0;
  int64_t sum_ms = 0;

  void observe(int64_t ms);
  LatencyHistogram cumulative() const;
};

struct TargetStats {
  std::string name;
  uint64_t delivered = 0;
  uint64_t retries = 0; // Retry records written (an attempt failed, another scheduled)
  uint64_t dead_letters = 0;
  uint64_t probes_failed = 0; // half-open probes that failed (no attempt counted)
  uint64_t sends = 0;         // requests (batches) handed to the target
  size_t in_flight = 0;       // rows
  size_t queued = 0;          // rows held in memory, in flight included (outbox depth)
  size_t parked_tickets = 0;
  CircuitBreaker::State breaker = CircuitBreaker::State::Closed;
  uint64_t breaker_opened = 0;
  LatencyHistogram latency; // per send, per-bucket counts (see cumulative())
};

struct DispatcherStats {
  std::vector<TargetStats> targets; // in name order
  uint64_t records_written = 0;
  uint64_t record_batches = 0;
  uint64_t record_failures = 0;
  uint64_t records_refused = 0; // the store refused them for good (row no longer pending)
  size_t records_pending = 0;
  uint64_t unroutable_rows = 0; // rows naming a target that is not configured (left pending)
  uint64_t store_errors = 0;    // failed loads from the store
  bool backlog_paging = false;  // more pending rows in the store than fit in memory
  bool stopping = false;        // stop() has begun: no new rows are taken
  int64_t highest_seen_id = 0;
};

} // namespace hotline::delivery
