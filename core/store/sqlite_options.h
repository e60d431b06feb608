#pragma once
// How to open the SQLite store.

#include "core/audit/audit_hasher.h"
#include "core/store/store_clock.h"

#include <cstdint>
#include <string>

namespace hotline::store {

struct SqliteOptions {
  // The database file, e.g. "var/gateway.db"; missing parent directories are created.
  // SQLite adds "<path>-wal" and "<path>-shm" beside it.
  std::string path;
  // For records appended from now on; records already written keep theirs (each record
  // names its algorithm), so switching is safe.
  audit::HashAlgorithm audit_algorithm = audit::HashAlgorithm::Sha256;
  // FULL: an acknowledged message survives power loss. false (NORMAL) is for tests and
  // CPU-side benchmarks only.
  bool synchronous_full = true;
  // Largest the database file may grow, in MiB (SQLite's max_page_count); 0: no limit. At the
  // limit writes fail as on a full disk.
  int64_t max_size_mb = 0;
  // Stamps audit records, outbox rows and state updates.
  StoreClock clock = systemClockMs;
};

} // namespace hotline::store
