#pragma once
// Payload retention (store.keep_payloads_days): every `interval`, empties the stored payloads
// older than `keep` through Store::purgePayloads, one bounded transaction at a time with a
// pause between them, so that the committer's batches never wait long behind a sweep (the
// store has one writer). Raw payloads carry citizens' names, phone numbers and addresses;
// keeping them no longer than needed is what personal-data rules ask, and it bounds the
// store's growth to rows and keys.
//
// Thread safety: start()/stop() from one thread; stats() from any.

#include "core/store/store.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

namespace hotline::pipeline {

class PayloadRetention {
public:
  struct Options {
    std::chrono::milliseconds keep{0}; // payloads younger than this stay
    std::chrono::milliseconds interval = std::chrono::hours(1);
    std::chrono::milliseconds pause = std::chrono::milliseconds(50); // between transactions
    size_t rows_per_call = 100;      // ~10 ms of the writer a call (RESULTS.md, "Store")
    std::function<int64_t()> now_ms; // Unix milliseconds
  };
  struct Stats {
    uint64_t messages = 0;      // raw payloads emptied since start
    uint64_t outbox_rows = 0;   // delivery bodies emptied since start
    uint64_t failures = 0;      // passes a store error ended
    int64_t outbox_held_by = 0; // the row the outbox sweep waited at in the last pass, 0 none
  };

  PayloadRetention(store::Store& store, Options options);
  ~PayloadRetention();
  PayloadRetention(const PayloadRetention&) = delete;
  PayloadRetention& operator=(const PayloadRetention&) = delete;

  // A pass at once, then one every interval, on a thread of its own.
  void start();
  void stop();

  // One pass on the calling thread: calls until both sweeps are done, stop() is called or the
  // store fails (that error is returned and logged; the next pass retries).
  Status runOnce();

  Stats stats() const;

private:
  void run();
  bool stopping() const;

  store::Store& store_;
  Options options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  Stats stats_;
  std::thread thread_;
};

} // namespace hotline::pipeline
