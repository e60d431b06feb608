#pragma once
// The exchange link's codec for the JSON profile (connectors/exchange/README.md): the
// canonical ticket and event as they cross between two hotline platforms. Tickets travel
// without the sender's gateway id and with the sender's own number among their refs; events
// name their ticket by the sender's ref. No I/O, no clock.

#include "hotline/status.h"

#include <string>
#include <string_view>

namespace hotline::connectors::exchange {

// Which side of the link this instance is: a county escalates 上报 to its city and receives
// dispatches 下派 from it; a city the other way round.
enum class Role { County, City };

// An escalated or dispatched ticket as the receiver submits it: `id` dropped (it is the
// sender's gateway id), `status` "submitted" (the ticket starts its life here), `channel`
// "county" at a city (escalated up to it) or "city" at a county (dispatched down to it).
struct InboundTicket {
  std::string body;        // canonical ticket JSON, ready to submit
  std::string peer_number; // the sender's number: its ref of system `peer_system`
};
// InvalidArgument naming `body` (not a JSON object) or `refs` (no ref of peer_system).
Result<InboundTicket> normaliseInboundTicket(std::string_view body, std::string_view peer_system,
                                             Role role);

// A ticket as we send it: `id` dropped, our ref {system, number} in `refs`. Our number is the
// ticket's existing ref of `system`, else `known_number` (the host's attr ref:<system>), else
// the gateway ticket id.
struct OutboundTicket {
  std::string body;
  std::string our_number;
};
Result<OutboundTicket> normaliseOutboundTicket(std::string_view body, std::string_view system,
                                               std::string_view known_number,
                                               std::string_view ticket_id);

// An event as we send it: `ticket` rewritten to {"system": system, "number": our_number}, the
// rest (event_id above all: the peer de-duplicates by it) unchanged.
Result<std::string> normaliseOutboundEvent(std::string_view body, std::string_view system,
                                           std::string_view our_number);

// What the connector reads of an event: how it names its ticket, and its id and source.
struct EventFacts {
  std::string ticket_id;  // ticket {"id": ..}
  std::string ref_system; // ticket {"system": .., "number": ..}
  std::string ref_number;
  std::string event_id;
  std::string source;
};
// InvalidArgument naming `body` or `ticket` when the event is not an object naming a ticket.
Result<EventFacts> readEvent(std::string_view body);

// What the connector reads of a knowledge article (canonical JSON, otherwise passed on as
// received): its id, and its source (where it came from).
struct ArticleFacts {
  std::string id;
  std::string source;
};
// InvalidArgument naming `body` (not a JSON object) or `id` (missing or empty).
Result<ArticleFacts> readArticle(std::string_view body);

// True for a content type of the SOAP/XML profile (the host mapped the body with a mapping).
bool isXml(std::string_view content_type);

} // namespace hotline::connectors::exchange
