#pragma once
// How the model names a ticket: by the number another system gave it (ExternalRef), or, in
// an event or record that points at a ticket, by either the gateway id or such a number
// (TicketRef).

#include <string>
#include <utility>

namespace hotline::model {

// One system's number for a ticket, e.g. {"yucheng-12345", "YC20240410000123"} or the city's
// or province's 诉求单号. A ticket keeps one per system that knows it.
struct ExternalRef {
  std::string system; // required: the system's configured name
  std::string number; // required: its number for the ticket

  bool operator==(const ExternalRef&) const = default;
};

// Exactly one form is set: `id` (a gateway ticket id), or `system` + `number` when the sender
// only knows its own number and the gateway resolves it through its links.
struct TicketRef {
  std::string id;
  std::string system;
  std::string number;

  static TicketRef byId(std::string ticket_id) { return TicketRef{std::move(ticket_id), {}, {}}; }
  static TicketRef byNumber(std::string system_name, std::string ticket_number) {
    return TicketRef{{}, std::move(system_name), std::move(ticket_number)};
  }
  bool isById() const { return !id.empty(); }

  bool operator==(const TicketRef&) const = default;
};

} // namespace hotline::model
