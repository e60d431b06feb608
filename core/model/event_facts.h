#pragma once
// Reads the lifecycle-relevant facts (EventFacts, lifecycle.h) from an event's data: the
// lifecycle itself stays free of JSON.

#include "core/model/lifecycle.h"
#include "core/model/ticket_event.h"
#include "hotline/status.h"

namespace hotline::model {

// data.approved must be a boolean and data.merged_into a non-empty string when present;
// other members are the business of other readers and are ignored. InvalidArgument names the
// offending path, e.g. "/data/approved: expected boolean, got string".
Result<EventFacts> readEventFacts(const TicketEvent& event);

} // namespace hotline::model
