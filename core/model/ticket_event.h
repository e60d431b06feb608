#pragma once
// The canonical TicketEvent: one lifecycle action on one ticket (DESIGN.md §3.2). Whether the
// action is legal for the ticket's status is decided by the lifecycle table (lifecycle.h).

#include <string>

#include "core/model/event_type.h"
#include "core/model/ticket_ref.h"
#include "core/model/timestamp.h"

namespace hotline::model {

// Who did it. `name` is an official's name as the source wrote it.
struct Actor {
  std::string name;
  std::string unit_code;
  std::string role;

  bool operator==(const Actor&) const = default;
};

struct TicketEvent {
  std::string event_id; // the sender's or the gateway's id of this event; empty = none given
  TicketRef ticket;     // required
  EventType type = EventType::Comment; // required
  Timestamp at;                        // required: when it happened at the source
  Actor actor;
  std::string source; // the system / connector instance that reported it
  // Type-specific details (e.g. {"approved":true}, {"merged_into":"01H…"}) as the compact
  // serialisation of a JSON object, carried through untouched; empty = none. The codec
  // produces this form; code that builds an event should use compactJsonObject()
  // (event_codec.h) so the invariant holds.
  std::string data;

  bool operator==(const TicketEvent&) const = default;
};

} // namespace hotline::model
