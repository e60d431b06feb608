#pragma once
// Realistic canonical documents for the model tests: a Yucheng County (411425) ticket with
// every field and every history section filled, a minimal ticket, events naming their ticket
// both ways, and one of each secondary record with every field set.

#include <string_view>

#include "core/model/records.h"
#include "core/model/ticket.h"
#include "core/model/ticket_event.h"
#include "core/model/timestamp.h"

namespace hotline::model::samples {

// Parses a time the test knows to be valid (fails the test otherwise).
Timestamp at(std::string_view text);

Ticket fullTicket();
Ticket minimalTicket();
TicketEvent eventById();
TicketEvent eventByNumber();
CallRecord fullCallRecord();        // names its ticket by number
CallRecord callRecordForTicketId(); // the same call, naming its ticket by gateway id
KnowledgeArticle fullKnowledgeArticle();
Contact fullContact();
ListEntry fullListEntry();
Announcement fullAnnouncement();
ChatTranscript fullChatTranscript();

} // namespace hotline::model::samples
