#include "simulators/core_platform/src/platform_recorder.h"

#include <algorithm>
#include <cassert>
#include <cstdio>

namespace hotline::sim::core_platform {

std::string PlatformRecorder::platformId(uint64_t key_index) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "CP%012llu",
                static_cast<unsigned long long>(key_index + 1));
  return buffer;
}

RecordResult PlatformRecorder::recordLocked(const DeliveredItem& item) {
  if (auto found = index_by_key_.find(item.idempotency_key); found != index_by_key_.end()) {
    ++duplicates_;
    return RecordResult{true, platformId(found->second), false};
  }
  const uint64_t index = keys_.size();
  keys_.push_back(item.idempotency_key);
  index_by_key_.emplace(keys_.back(), index);

  TicketTrack& track = tickets_[item.ticket_id];
  RecordResult result{false, platformId(index), false};
  if (!track.items.empty() && item.sequence <= track.last_sequence) {
    // Observed, not corrected: the platform keeps what arrived, as the real one would.
    result.order_violation = true;
    ++violation_count_;
    if (violations_.size() < kMaxKeptViolations) {
      violations_.push_back(
          OrderViolation{item.ticket_id, item.idempotency_key, track.last_sequence, item.sequence});
    }
  }
  if (item.kind == ItemKind::Knowledge) {
    ++knowledge_count_;
  } else if (!track.counted_as_ticket) {
    track.counted_as_ticket = true;
    ++ticket_count_;
  }
  track.last_sequence = std::max(track.last_sequence, item.sequence);
  track.items.push_back(TrackedItem{index, item.sequence, item.kind, item.event_type, item.source});
  return result;
}

RecordResult PlatformRecorder::record(const DeliveredItem& item) {
  std::lock_guard<std::mutex> lock(mutex_);
  return recordLocked(item);
}

void PlatformRecorder::recordAll(std::span<const DeliveredItem* const> items,
                                 std::span<RecordResult> results) {
  assert(items.size() == results.size());
  std::lock_guard<std::mutex> lock(mutex_);
  for (size_t i = 0; i < items.size(); ++i) {
    results[i] = recordLocked(*items[i]);
  }
}

RecorderStats PlatformRecorder::stats() const {
  RecorderStats stats;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stats.accepted = keys_.size();
    stats.duplicates = duplicates_;
    stats.order_violations = violation_count_;
    stats.tickets = ticket_count_;
    stats.knowledge = knowledge_count_;
  }
  stats.received = received_.load(std::memory_order_relaxed);
  stats.rejected = rejected_.load(std::memory_order_relaxed);
  stats.faults_injected = faults_.load(std::memory_order_relaxed);
  return stats;
}

std::optional<std::vector<AcceptedEntry>>
PlatformRecorder::ticketItems(std::string_view ticket_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = tickets_.find(std::string(ticket_id));
  if (found == tickets_.end()) {
    return std::nullopt;
  }
  std::vector<AcceptedEntry> entries;
  entries.reserve(found->second.items.size());
  for (const TrackedItem& item : found->second.items) {
    entries.push_back(AcceptedEntry{keys_[item.key_index], platformId(item.key_index),
                                    item.sequence, item.kind, item.event_type, item.source});
  }
  return entries;
}

std::vector<OrderViolation> PlatformRecorder::violations() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return violations_;
}

Result<KeyPage> PlatformRecorder::keys(std::string_view after, size_t limit) const {
  std::lock_guard<std::mutex> lock(mutex_);
  uint64_t begin = 0;
  if (!after.empty()) {
    auto found = index_by_key_.find(after);
    if (found == index_by_key_.end()) {
      return invalidArgument("after: not an accepted idempotency key");
    }
    begin = found->second + 1;
  }
  KeyPage page;
  page.total = keys_.size();
  const uint64_t end = std::min<uint64_t>(keys_.size(), begin + limit);
  page.keys.reserve(end - begin);
  for (uint64_t i = begin; i < end; ++i) {
    page.keys.push_back(keys_[i]);
  }
  page.more = end < keys_.size();
  return page;
}

void PlatformRecorder::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  index_by_key_.clear();
  keys_.clear();
  tickets_.clear();
  violations_.clear();
  duplicates_ = 0;
  violation_count_ = 0;
  ticket_count_ = 0;
  knowledge_count_ = 0;
  received_ = 0;
  rejected_ = 0;
  faults_ = 0;
}

} // namespace hotline::sim::core_platform
