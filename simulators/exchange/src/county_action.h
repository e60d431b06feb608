#pragma once
// The actions the simulated platform sends to the county: canonical TicketEvent JSON naming
// the county's ticket by the county's own number, with this platform as actor and source.

#include <atomic>
#include <cstdint>
#include <string>

#include "core/model/event_type.h"
#include "core/model/ticket_ref.h"
#include "hotline/status.h"

namespace hotline::sim::exchange {

struct ActorIdentity {
  std::string system;     // source, e.g. "shangqiu-12345"
  std::string unit_code;  // actor.unit_code
  std::string actor_name; // actor.name
};

// Event ids unique across restarts of the simulator (a county gateway that persisted the ids
// of a previous run would otherwise take new actions for duplicates):
// "<system>-EV-<start ms>-<n>".
class EventIds {
public:
  explicit EventIds(std::string system);
  std::string next();

private:
  std::string prefix_;
  std::atomic<uint64_t> next_{1};
};

// The canonical JSON of one action: ticket {system, number} = `county`, `at` = `at_ms` in
// +08:00, actor role "city". `data` is empty or a JSON object text (compacted here);
// InvalidArgument when it is not an object.
Result<std::string> buildCountyAction(const ActorIdentity& identity, const std::string& event_id,
                                      const model::ExternalRef& county, model::EventType type,
                                      const std::string& data, int64_t at_ms);

} // namespace hotline::sim::exchange
