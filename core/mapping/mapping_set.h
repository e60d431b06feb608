#pragma once
// Every mapping of a mappings/ directory, compiled, looked up by (connector, kind,
// direction), and reloadable without a restart (DESIGN.md §10):
//
//   mappings/<connector>/<kind>.json      inbound  (peer -> canonical)
//   mappings/<connector>/<kind>.out.json  outbound (canonical -> peer)
//   mappings/codes/*.json                 code tables
//   mappings/<connector>/samples/         sample payloads (not mappings; skipped)
//
// <kind> is the message kind the connector hands the host (InboundMessage::kind); it is
// usually the canonical kind ("ticket", "event") but may be more specific ("sign_callback"),
// the file's own `kind` key saying which canonical kind it produces (Plan::kind()).

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/mapping/mapping.h"
#include "hotline/status.h"

namespace hotline::mapping {

class MappingSet {
public:
  // Compiles the code tables and every mapping under `mappings_dir`. InvalidArgument lists
  // every error of every file.
  static Result<std::unique_ptr<MappingSet>> load(const std::string& mappings_dir);

  // The plan for a message, or nullptr when there is none. Thread-safe and cheap (no lock
  // held while the caller runs the plan; a reload never invalidates a plan in use).
  std::shared_ptr<const Plan> find(std::string_view connector, std::string_view kind,
                                   Direction direction) const;

  // Recompiles everything off to the side and swaps it in atomically. When any file is
  // broken, or `accept` (given) refuses the new mappings, the error says why and the current
  // mappings keep serving unchanged. Concurrent reloads are serialised.
  Status reload(const std::function<Status(const MappingSet& candidate)>& accept = {});

  // Every plan of one folder (mappings/<folder>/), in (kind, direction) order.
  std::vector<std::shared_ptr<const Plan>> plansIn(std::string_view folder) const;

  // Number of plans currently served.
  size_t size() const;

  // Additions beyond the first contract:
  const std::string& directory() const { return directory_; }
  // The code tables of the current snapshot (for `hotline-gateway mapping test`).
  CodeTables codeTables() const;

  struct Snapshot; // the compiled contents of the directory at one moment (mapping_set.cc)

  // Use load(); public only so that load() can make_unique it.
  MappingSet(std::string directory, std::shared_ptr<const Snapshot> snapshot);
  ~MappingSet();

private:
  std::string directory_;
  std::atomic<std::shared_ptr<const Snapshot>> current_;
  std::mutex reload_mutex_;
};

} // namespace hotline::mapping
