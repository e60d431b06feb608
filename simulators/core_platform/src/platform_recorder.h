#pragma once
// What the core platform has received: the judge of "nothing lost, nothing duplicated, order
// kept". Every accepted idempotency key once, each ticket's items in arrival order, and every
// order violation.
//
// Thread-safe. One mutex guards the maps and is held only for hash look-ups and appends (a
// bulk request takes it once for all its lines); read-outs copy under it and format outside.

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "simulators/core_platform/src/delivered_item.h"

namespace hotline::sim::core_platform {

struct RecordResult {
  bool duplicate = false;       // the key was accepted before: answer 200, record nothing
  std::string platform_id;      // "CP…", the same for every delivery of one key
  bool order_violation = false; // accepted, but its sequence did not increase
};

// An accepted item whose sequence was not above the highest accepted before it for its ticket.
struct OrderViolation {
  std::string ticket_id;
  std::string idempotency_key;
  int64_t last_sequence = 0; // the highest sequence accepted before for the ticket
  int64_t got_sequence = 0;
};

struct AcceptedEntry {
  std::string idempotency_key;
  std::string platform_id;
  int64_t sequence = 0;
  ItemKind kind = ItemKind::Ticket;
  model::EventType event_type = model::EventType::Comment;
  std::string source; // an event's source, "" for none
};

struct RecorderStats {
  uint64_t received = 0;
  uint64_t accepted = 0;
  uint64_t duplicates = 0;
  uint64_t order_violations = 0;
  uint64_t rejected = 0;
  uint64_t tickets = 0;   // ordering keys with an accepted ticket or event
  uint64_t knowledge = 0; // accepted knowledge articles (counted in accepted too)
  uint64_t faults_injected = 0;
};

struct KeyPage {
  std::vector<std::string> keys;
  uint64_t total = 0;
  bool more = false; // keys follow the last one of this page
};

class PlatformRecorder {
public:
  // Violations kept for /sim/violations; beyond it they are still counted.
  static constexpr size_t kMaxKeptViolations = 100'000;

  RecordResult record(const DeliveredItem& item);
  // `results[i]` answers `items[i]`; one lock for the whole batch. Sizes must match.
  void recordAll(std::span<const DeliveredItem* const> items, std::span<RecordResult> results);

  // Counters kept by the handlers (see README "Counting").
  void countReceived(uint64_t n = 1) { received_.fetch_add(n, std::memory_order_relaxed); }
  void countRejected(uint64_t n = 1) { rejected_.fetch_add(n, std::memory_order_relaxed); }
  void countFault(uint64_t n = 1) { faults_.fetch_add(n, std::memory_order_relaxed); }

  RecorderStats stats() const;
  // nullopt when no item of the ticket was accepted.
  std::optional<std::vector<AcceptedEntry>> ticketItems(std::string_view ticket_id) const;
  std::vector<OrderViolation> violations() const;
  // Accepted keys in arrival order, after the key `after` (from the start when empty).
  // InvalidArgument when `after` is not an accepted key.
  Result<KeyPage> keys(std::string_view after, size_t limit) const;

  void clear();

private:
  struct TrackedItem {
    uint64_t key_index; // into keys_
    int64_t sequence;
    ItemKind kind;
    model::EventType event_type;
    std::string source;
  };
  struct TicketTrack {
    int64_t last_sequence = 0;
    bool counted_as_ticket = false; // holds a ticket or an event, not only articles
    std::vector<TrackedItem> items;
  };

  RecordResult recordLocked(const DeliveredItem& item);
  static std::string platformId(uint64_t key_index);

  mutable std::mutex mutex_;
  std::deque<std::string> keys_; // accepted keys in arrival order; stable addresses
  std::unordered_map<std::string_view, uint64_t> index_by_key_; // views into keys_
  std::unordered_map<std::string, TicketTrack> tickets_;
  std::vector<OrderViolation> violations_; // the first kMaxKeptViolations
  uint64_t duplicates_ = 0;                // guarded by mutex_
  uint64_t violation_count_ = 0;           // guarded by mutex_
  uint64_t ticket_count_ = 0;              // guarded by mutex_
  uint64_t knowledge_count_ = 0;           // guarded by mutex_

  std::atomic<uint64_t> received_{0};
  std::atomic<uint64_t> rejected_{0};
  std::atomic<uint64_t> faults_{0};
};

} // namespace hotline::sim::core_platform
