#pragma once
// `hotline-gateway audit verify` (DESIGN.md §9): walks the whole audit log of a store in seq
// order and reports every record that was edited, removed or reordered, and a log whose end
// no longer matches the head anchor (records removed from the end).
//
// What it cannot see: someone able to rewrite the log AND recompute every later hash AND
// the anchor. Catching that needs the head copied somewhere the attacker cannot reach (a
// log line, the city platform); the anchor value is what to copy.
//
// Thread safety: reads only, through the Store's thread-safe interface; records appended
// while it runs are verified if they land before the walk reaches the end.

#include "core/store/store.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hotline::audit {

struct AuditVerification {
  bool ok = true;
  int64_t checked = 0;       // records read
  int64_t problem_count = 0; // every problem found, listed or not
  // One line per problem, naming the seq and what is wrong; at most kMaxListedProblems.
  std::vector<std::string> problems;
};

inline constexpr size_t kMaxListedProblems = 100;

// Reads the log `page` records at a time (page 0 is treated as 1). A store that fails to
// answer ends the walk with a problem saying where.
AuditVerification verifyAuditChain(store::Store& store, size_t page = 1000);

} // namespace hotline::audit
