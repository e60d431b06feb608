// A load driver for the gateway's ingest path (tests/bench): N keep-alive connections, each
// sending requests back to back for a fixed time (or until --count requests were sent), then
// reports acknowledged (2xx) requests per second and the latency distribution of the answers.
//
// Modes (load_options.h, load_requests.cc):
//   pipeline    (default) signed ~1.5 KB canonical tickets as a department system would send
//               them to the example connector — unique X-Request-Id,
//               X-Signature = hex(HMAC-SHA256(key, body)); run_pipeline_bench.sh.
//   department  (--department APPKEY:SECRET --tickets N) department callbacks of ~1.5 KB,
//               signed with the five-header scheme (request_signing.h, fresh nonce each),
//               actionCode --action-code (02 progress by default) on tickets
//               <prefix>0..N-1 round-robin, unique msgId = X-Request-Id;
//               run_department_bench.sh.
//   assign      (--core-token TOKEN --tickets N) the core platform assigning those tickets to
//               --unit-code (POST /v1/outbound/tickets); the department bench's setup.
//
// Written for these benchmarks instead of using wrk because every request needs its own
// signature and id; computing HMAC in wrk's Lua would make the driver the bottleneck.
//
// The driver shares the machine's cores with the gateway it measures, so it has to be cheap:
// the connections are driven by --threads event loops (epoll, non-blocking sockets; one by
// default; load_loop.h). One blocking thread per connection slept and woke once per request,
// which cost about 30 us of CPU per request on the 2-core VM against about 20 us now.
//
//   ingest_load --port 8080 --path /connectors/bench/tickets --connections 32 --seconds 15
//               --body-bytes 1536 --secret KEY [--warmup-seconds 2] [--threads 1]

#include "load_loop.h"
#include "load_options.h"
#include "load_requests.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using hotline::bench::Clock;
using hotline::bench::LoadMode;
using hotline::bench::LoadResult;
using hotline::bench::Options;

double percentile(const std::vector<uint32_t>& sorted, double p) {
  if (sorted.empty()) {
    return 0;
  }
  size_t index = static_cast<size_t>(p * static_cast<double>(sorted.size() - 1));
  return static_cast<double>(sorted[index]) / 1000.0;
}

} // namespace

int main(int argc, char** argv) {
  Options options = hotline::bench::parseOptions(argc, argv);
  if (options.count > 0) {
    options.warmup_seconds = 0; // every request of a counted run is measured
  }
  auto start = Clock::now();
  hotline::bench::LoadWindow window;
  window.measure_from = start + std::chrono::seconds(options.warmup_seconds);
  window.end = window.measure_from + std::chrono::seconds(options.seconds);
  std::atomic<uint64_t> next{0};
  // Connections split evenly: thread t drives [t * C / T, (t + 1) * C / T).
  const int thread_count = std::min(options.threads, options.connections);
  std::vector<LoadResult> results(static_cast<size_t>(thread_count));
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t) {
    threads.emplace_back(hotline::bench::runConnections, std::cref(options),
                         t * options.connections / thread_count,
                         (t + 1) * options.connections / thread_count, std::cref(window),
                         std::ref(next), std::ref(results[static_cast<size_t>(t)]));
  }
  for (auto& thread : threads) {
    thread.join();
  }
  const double elapsed_s =
      std::chrono::duration<double>(Clock::now() - window.measure_from).count();
  std::vector<uint32_t> latencies;
  uint64_t ok = 0, failed = 0;
  std::map<int, uint64_t> statuses;
  std::map<int, std::string> examples;
  for (const auto& result : results) {
    latencies.insert(latencies.end(), result.latencies_us.begin(), result.latencies_us.end());
    ok += result.ok;
    failed += result.failed;
    for (const auto& [status, count] : result.statuses) {
      statuses[status] += count;
    }
    examples.insert(result.examples.begin(), result.examples.end());
  }
  std::sort(latencies.begin(), latencies.end());
  // The driver shares the machine with the gateway, so its own CPU use is part of the figure.
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  double driver_cpu_s = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                        static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  // A timed run divides by its measured window; a counted one by its wall time.
  const double seconds = options.count > 0 ? elapsed_s : options.seconds;
  double rate = static_cast<double>(ok) / seconds;
  std::printf("{\"connections\":%d,\"seconds\":%g,\"body_bytes\":%zu,\"acknowledged\":%llu,"
              "\"failed\":%llu,\"acknowledged_per_s\":%.0f,\"p50_ms\":%.2f,\"p90_ms\":%.2f,"
              "\"p99_ms\":%.2f,\"p999_ms\":%.2f,\"max_ms\":%.2f,\"driver_cpu_s\":%.1f}\n",
              options.connections, seconds, hotline::bench::bodySize(options),
              static_cast<unsigned long long>(ok), static_cast<unsigned long long>(failed), rate,
              percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
              percentile(latencies, 0.999), percentile(latencies, 1.0), driver_cpu_s);
  for (const auto& [status, count] : statuses) {
    std::fprintf(stderr, "status %d: %llu\n", status, static_cast<unsigned long long>(count));
  }
  if (options.mode() != LoadMode::Pipeline) {
    for (const auto& [status, example] : examples) {
      std::fprintf(stderr, "first answer with status %d: %s\n", status, example.c_str());
    }
  }
  return failed == 0 ? 0 : 1;
}
