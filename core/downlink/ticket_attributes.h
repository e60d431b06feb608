#pragma once
// What a connector learns about the ticket of a row it delivers, besides the mapped body
// (plugin::Outbound::attrs): the peer needs the ticket's numbers in other systems (the
// exchange addresses an action to the city's number; a department's callbacks name the
// hotline's number) and the kind of action, which a mapped body in a peer's format no longer
// says in a form the connector can read.
//
//   event_type     the canonical event's type (rows of kind "event")
//   ticket_status  the ticket's last known lifecycle status
//   ref:<system>   that system's number for the ticket, for every link the gateway knows
//
// Thread safety: attributesOf() is called concurrently from delivery workers.

#include "core/store/store.h"
#include "hotline/plugin/messages.h"

namespace hotline::downlink {

class TicketAttributes {
public:
  virtual ~TicketAttributes() = default;
  // Best effort: a fact that cannot be read is left out (delivery goes on without it).
  virtual plugin::Attributes attributesOf(const store::OutboxRow& row) = 0;
};

// Reads links and ticket states from the store.
class StoreTicketAttributes : public TicketAttributes {
public:
  explicit StoreTicketAttributes(store::Store& store) : store_(store) {}
  plugin::Attributes attributesOf(const store::OutboxRow& row) override;

private:
  store::Store& store_;
};

// The text of a top-level member of a canonical JSON object (an event's "type", a ticket's
// "status"); empty when the body is not an object or the member is not a string.
std::string canonicalMember(const std::string& body, const char* member);
// The "type" of a canonical event's JSON; empty when the body is not one.
inline std::string canonicalEventType(const std::string& body) {
  return canonicalMember(body, "type");
}

} // namespace hotline::downlink
