#include "core/admin/dead_letter_replay.h"

#include "core/admin/admin_query.h"

#include <exception>

namespace hotline::admin {
namespace {

constexpr size_t kPage = 200;

bool noLongerDead(const Status& status) {
  return status.code() == StatusCode::FailedPrecondition || status.code() == StatusCode::NotFound;
}

} // namespace

Result<std::vector<store::OutboxRow>> deadLettersOf(store::Store& store, const std::string& target,
                                                    int64_t after, size_t limit) {
  std::vector<store::OutboxRow> found;
  while (found.size() < limit) {
    Result<std::vector<store::OutboxRow>> page =
        store.listOutbox(store::OutboxState::Dead, after, kPage);
    if (!page) {
      return page.status();
    }
    if (page->empty()) {
      break;
    }
    for (store::OutboxRow& row : *page) {
      after = row.id;
      if ((target.empty() || row.target == target) && found.size() < limit) {
        found.push_back(std::move(row));
      }
    }
  }
  return found;
}

Result<BulkReplay> replayDeadLetters(store::Store& store, DeadLetterControl* control,
                                     const std::string& target, size_t limit,
                                     const std::string& actor) {
  BulkReplay result;
  int64_t after = 0;
  for (;;) {
    Result<std::vector<store::OutboxRow>> page = deadLettersOf(store, target, after, kPage);
    if (!page) {
      return page.status();
    }
    if (page->empty()) {
      return result;
    }
    for (const store::OutboxRow& row : *page) {
      if (result.replayed == limit) {
        result.more = true;
        return result;
      }
      Status replayed = store.replayDead(row.id, actor);
      if (noLongerDead(replayed)) {
        ++result.skipped;
        continue;
      }
      if (!replayed.isOk()) {
        return replayed.withContext("dead letter " + std::to_string(row.id));
      }
      ++result.replayed;
      if (control != nullptr) {
        control->replayed(row);
      }
    }
    after = page->back().id;
  }
}

Result<size_t> parseBulkReplayLimit(const std::string& raw) {
  if (raw.empty()) {
    return size_t{1000};
  }
  const std::optional<uint64_t> value = parseCount(raw);
  if (value && *value >= 1 && *value <= 10000) {
    return static_cast<size_t>(*value);
  }
  return invalidArgument("limit: expected 1..10000 dead letters, got \"" + raw + "\"");
}

std::string bulkReplayJson(const BulkReplay& result) {
  return "{\"replayed\":" + std::to_string(result.replayed) +
         ",\"skipped\":" + std::to_string(result.skipped) +
         ",\"more\":" + (result.more ? "true" : "false") + "}";
}

} // namespace hotline::admin
