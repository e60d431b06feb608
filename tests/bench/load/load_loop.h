#pragma once
// The connection loop of ingest_load: one thread drives its share of the connections through
// epoll, each closed-loop (one request in flight; the next is sent once the answer is read).

#include "load_options.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace hotline::bench {

using Clock = std::chrono::steady_clock;

struct LoadResult {
  std::vector<uint32_t> latencies_us; // measured window only
  uint64_t ok = 0;
  uint64_t failed = 0;
  std::map<int, uint64_t> statuses;
  std::map<int, std::string> examples; // the first answer's body per failure status
};

struct LoadWindow {
  Clock::time_point measure_from; // answers to requests sent before this are not counted
  Clock::time_point end;          // a timed run starts no request (nor connection) after this
};

// Runs connections [first, last) until the run is over: a timed run once `window.end` has
// passed and the requests in flight were answered, a counted one once `next` (shared by all
// threads, it numbers the requests) reaches options.count. Results are added to `result`.
void runConnections(const Options& options, int first, int last, const LoadWindow& window,
                    std::atomic<uint64_t>& next, LoadResult& result);

} // namespace hotline::bench
