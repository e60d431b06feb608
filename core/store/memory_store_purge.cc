// Payload retention on the in-memory store: the same sweeps, steps and cursors as the SQLite
// store (payload_purge.h), so that the conformance suite holds both to one behaviour.
#include "core/store/memory_store.h"
#include "core/store/payload_purge.h"

#include <string>

namespace hotline::store {

bool MemoryStore::newestTicketRow(const OutboxRow& row) const {
  if (row.kind != "ticket") {
    return false;
  }
  for (auto it = outbox_.upper_bound(row.id); it != outbox_.end(); ++it) {
    if (it->second.kind == "ticket" && it->second.ticket_id == row.ticket_id) {
      return false;
    }
  }
  return true;
}

// Walks up to `limit` ids after the stored cursor; `step` decides each and `empty` empties.
template <typename Ids, typename Step, typename Empty>
size_t MemoryStore::sweepLocked(const char* cursor_key, const Ids& ids, size_t limit,
                                const Step& step, const Empty& empty, int64_t& held_by,
                                bool& more) {
  std::string& stored = state_[{kRetentionScope, cursor_key}];
  int64_t cursor = parseSweepCursor(stored);
  size_t seen = 0;
  size_t emptied = 0;
  bool stopped = false;
  for (int64_t id : ids(cursor)) {
    if (seen++ == limit) {
      break;
    }
    const SweepStep decided = step(id);
    if (decided == SweepStep::Stop || decided == SweepStep::Hold) {
      held_by = decided == SweepStep::Hold ? id : 0;
      stopped = true;
      break;
    }
    if (decided == SweepStep::Empty) {
      empty(id);
      ++emptied;
    }
    cursor = id;
  }
  more = more || (!stopped && seen > limit);
  stored = cursor == 0 ? std::string() : std::to_string(cursor);
  return emptied;
}

Result<PurgeResult> MemoryStore::purgePayloads(const PurgeRequest& request) {
  HOTLINE_RETURN_IF_ERROR(checkPurgeRequest(request));
  std::lock_guard<std::mutex> lock(mutex_);
  if (write_failure_) {
    return *write_failure_;
  }
  const int64_t now_ms = clock_();
  PurgeResult result;
  // Ids after a cursor, in order; one more than `limit` tells the sweep there is more.
  const auto messageIds = [&](int64_t after) {
    std::vector<int64_t> ids;
    for (auto id = after + 1;
         id <= static_cast<int64_t>(messages_.size()) && ids.size() <= request.limit; ++id) {
      ids.push_back(id);
    }
    return ids;
  };
  const auto outboxIds = [&](int64_t after) {
    std::vector<int64_t> ids;
    for (auto it = outbox_.upper_bound(after); it != outbox_.end() && ids.size() <= request.limit;
         ++it) {
      ids.push_back(it->first);
    }
    return ids;
  };
  int64_t no_hold = 0;
  result.messages = sweepLocked(
      kMessagesCursorKey, messageIds, request.limit,
      [&](int64_t id) {
        const MessageRow& row = messages_[static_cast<size_t>(id - 1)].row;
        return messageSweepStep(row.received_at_ms, row.purged_at_ms, request.before_ms);
      },
      [&](int64_t id) {
        StoredMessage& message = messages_[static_cast<size_t>(id - 1)];
        message.body.clear();
        message.row.purged_at_ms = now_ms;
      },
      no_hold, result.more);
  result.outbox_rows = sweepLocked(
      kOutboxCursorKey, outboxIds, request.limit,
      [&](int64_t id) {
        const OutboxRow& row = outbox_.at(id);
        return outboxSweepStep(row, newestTicketRow(row), request.before_ms);
      },
      [&](int64_t id) {
        OutboxRow& row = outbox_.at(id);
        row.body.clear();
        row.purged_at_ms = now_ms;
      },
      result.outbox_held_by, result.more);
  if (result.messages + result.outbox_rows > 0) {
    appendLocked({chain_.extend(purgeFact(request, result), now_ms)});
  }
  return result;
}

} // namespace hotline::store
