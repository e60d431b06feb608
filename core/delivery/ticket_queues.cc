#include "core/delivery/ticket_queues.h"

#include <cassert>

namespace hotline::delivery {

TicketQueues::Ticket* TicketQueues::find(const std::string& ticket_id) {
  auto it = tickets_.find(ticket_id);
  return it == tickets_.end() ? nullptr : &it->second;
}

TicketQueues::Ticket& TicketQueues::headOwner(const RowPtr& row) {
  Ticket* ticket = find(row->ticket_id);
  // Outcomes only ever name the in-flight head; anything else is a dispatcher bug.
  assert(ticket != nullptr && ticket->in_flight && !ticket->rows.empty() &&
         ticket->rows.front() == row);
  return *ticket;
}

void TicketQueues::add(RowPtr row, int64_t now_ms) {
  const std::string ticket_id = row->ticket_id;
  Ticket& ticket = tickets_[ticket_id];
  auto position = ticket.rows.end();
  // Walk back over younger rows; stop at the in-flight head, which must stay first.
  const auto first_movable = ticket.in_flight ? ticket.rows.begin() + 1 : ticket.rows.begin();
  while (position != first_movable && (*(position - 1))->id > row->id) {
    --position;
  }
  ticket.rows.insert(position, std::move(row));
  ++row_count_;
  refresh(ticket_id, now_ms);
}

void TicketQueues::refresh(const std::string& ticket_id, int64_t now_ms) {
  auto it = tickets_.find(ticket_id);
  if (it == tickets_.end()) {
    return;
  }
  Ticket& ticket = it->second;
  if (ticket.rows.empty() && !ticket.in_flight && ticket.parked_by.empty()) {
    tickets_.erase(it);
    return;
  }
  if (ticket.in_flight || !ticket.parked_by.empty() || ticket.rows.empty() || ticket.in_ready) {
    return;
  }
  const int64_t due = ticket.rows.front()->next_attempt_at_ms;
  if (due <= now_ms) {
    ready_.push_back(ticket_id);
    ticket.in_ready = true;
  } else if (ticket.timer_at != due) {
    timers_.emplace(due, ticket_id);
    ticket.timer_at = due;
  }
}

void TicketQueues::promoteTimers(int64_t now_ms) {
  while (!timers_.empty() && timers_.begin()->first <= now_ms) {
    const std::string ticket_id = timers_.begin()->second;
    const int64_t at = timers_.begin()->first;
    timers_.erase(timers_.begin());
    Ticket* ticket = find(ticket_id);
    if (ticket != nullptr && ticket->timer_at == at) {
      ticket->timer_at = 0;
      refresh(ticket_id, now_ms);
    }
  }
}

bool TicketQueues::hasReady(int64_t now_ms) {
  promoteTimers(now_ms);
  while (!ready_.empty()) {
    Ticket* ticket = find(ready_.front());
    if (ticket != nullptr && ticket->in_ready && !ticket->in_flight && ticket->parked_by.empty() &&
        !ticket->rows.empty()) {
      return true;
    }
    // A stale entry (the ticket was parked meanwhile): drop it.
    if (ticket != nullptr) {
      ticket->in_ready = false;
    }
    ready_.pop_front();
  }
  return false;
}

std::vector<RowPtr> TicketQueues::takeReady(size_t max, int64_t now_ms) {
  promoteTimers(now_ms);
  std::vector<RowPtr> out;
  while (out.size() < max && !ready_.empty()) {
    const std::string ticket_id = std::move(ready_.front());
    ready_.pop_front();
    Ticket* ticket = find(ticket_id);
    if (ticket == nullptr || !ticket->in_ready) {
      continue;
    }
    ticket->in_ready = false;
    if (ticket->in_flight || !ticket->parked_by.empty() || ticket->rows.empty()) {
      continue;
    }
    ticket->in_flight = true;
    ++in_flight_count_;
    out.push_back(ticket->rows.front());
  }
  return out;
}

void TicketQueues::delivered(const RowPtr& row, int64_t now_ms) {
  Ticket& ticket = headOwner(row);
  ticket.rows.pop_front();
  ticket.in_flight = false;
  --in_flight_count_;
  --row_count_;
  refresh(row->ticket_id, now_ms);
}

void TicketQueues::retryAt(const RowPtr& row, int64_t at_ms, int64_t now_ms) {
  Ticket& ticket = headOwner(row);
  row->next_attempt_at_ms = at_ms;
  ticket.in_flight = false;
  --in_flight_count_;
  refresh(row->ticket_id, now_ms);
}

void TicketQueues::unsent(const RowPtr& row, int64_t now_ms) {
  Ticket& ticket = headOwner(row);
  ticket.in_flight = false;
  --in_flight_count_;
  refresh(row->ticket_id, now_ms);
}

void TicketQueues::deadLettered(const RowPtr& row, int64_t now_ms) {
  Ticket& ticket = headOwner(row);
  ticket.rows.pop_front();
  ticket.in_flight = false;
  ticket.parked_by.insert(row->id);
  --in_flight_count_;
  --row_count_;
  refresh(row->ticket_id, now_ms);
}

void TicketQueues::park(const std::string& ticket_id, int64_t dead_id) {
  tickets_[ticket_id].parked_by.insert(dead_id);
}

bool TicketQueues::unpark(const std::string& ticket_id, int64_t dead_id, int64_t now_ms) {
  Ticket* ticket = find(ticket_id);
  if (ticket == nullptr || ticket->parked_by.empty()) {
    return false;
  }
  if (dead_id == 0) {
    ticket->parked_by.clear();
  } else if (ticket->parked_by.erase(dead_id) == 0) {
    return false;
  }
  refresh(ticket_id, now_ms);
  return true;
}

bool TicketQueues::isParked(const std::string& ticket_id) const {
  auto it = tickets_.find(ticket_id);
  return it != tickets_.end() && !it->second.parked_by.empty();
}

int64_t TicketQueues::nextDueMs() const {
  return timers_.empty() ? kNever : timers_.begin()->first;
}

size_t TicketQueues::parkedCount() const {
  size_t parked = 0;
  for (const auto& [id, ticket] : tickets_) {
    parked += ticket.parked_by.empty() ? 0 : 1;
  }
  return parked;
}

} // namespace hotline::delivery
