#pragma once
// Shared by the store tests: a temporary directory, a controllable clock and builders for
// realistic inbound commits.

#include "core/store/store.h"
#include "core/store/store_clock.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace hotline::store::testing {

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
  std::filesystem::path path_;
};

// A clock the test moves by hand; shared so a store can hold a copy of clock().
class ManualClock {
public:
  explicit ManualClock(int64_t start_ms = 1'700'000'000'000)
      : now_(std::make_shared<std::atomic<int64_t>>(start_ms)) {}
  StoreClock clock() const {
    auto now = now_;
    return [now] { return now->load(); };
  }
  int64_t now() const { return now_->load(); }
  void advance(int64_t ms) { now_->fetch_add(ms); }

private:
  std::shared_ptr<std::atomic<int64_t>> now_;
};

// One accepted message for `ticket_id`: a ticket-state upsert, `links` links named
// "<system-n>/<ticket_id>-<n>", one outbox row to "core" and the two audit facts (received,
// stored) the pipeline writes. `tag` makes the dedupe and idempotency keys unique.
InboundCommit makeCommit(const std::string& ticket_id, const std::string& tag, int links = 1);

} // namespace hotline::store::testing
