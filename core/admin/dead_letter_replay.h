#pragma once
// Replaying dead letters in bulk (POST /admin/v1/dlq/replay): after a target's fault is
// fixed (a wrong URL, a mapping, an expired credential), an operator sends its dead letters
// again without replaying them one id at a time. Each row goes through the same audited
// replay as POST /admin/v1/dlq/{id}/replay, in id order, so the rows of one ticket keep
// their order.

#include "core/admin/admin_api.h"
#include "core/store/store.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hotline::admin {

struct BulkReplay {
  size_t replayed = 0;
  size_t skipped = 0; // no longer dead when reached (replayed or discarded meanwhile)
  bool more = false;  // stopped at the limit with dead letters of the target left
};

// Replays up to `limit` dead letters of `target` ("" = of every target), each audited with
// `actor`. A store error stops the run: what was replayed before it stays replayed.
Result<BulkReplay> replayDeadLetters(store::Store& store, DeadLetterControl* control,
                                     const std::string& target, size_t limit,
                                     const std::string& actor);

// Up to `limit` dead letters of `target` ("" = of every target) with ids above `after`, in id
// order: what GET /admin/v1/dlq?target= lists, so that an operator sees what a bulk replay would
// send.
Result<std::vector<store::OutboxRow>> deadLettersOf(store::Store& store, const std::string& target,
                                                    int64_t after, size_t limit);

// The `limit` query parameter: 1000 when absent, at most 10000. Each row is a transaction of
// its own, so a large dead-letter queue is replayed by repeating the call while it answers
// "more": true.
Result<size_t> parseBulkReplayLimit(const std::string& raw);

// {"replayed":n,"skipped":n,"more":bool}
std::string bulkReplayJson(const BulkReplay& result);

} // namespace hotline::admin
