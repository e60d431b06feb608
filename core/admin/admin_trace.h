#pragma once
// GET /admin/v1/tickets/{id}/trace: a ticket's whole path across systems — where it stands,
// its numbers in each system, every message of it, every delivery and every audit record.

#include "core/store/store.h"
#include "hotline/status.h"

#include <string>

namespace hotline::admin {

// The trace as JSON; NotFound when the gateway has never seen the ticket.
Result<std::string> ticketTraceJson(store::Store& store, const std::string& ticket);

} // namespace hotline::admin
