#pragma once
// The in-memory FIFOs of one delivery target, one per ticket: the heart of per-ticket order.
//
// Rules (DESIGN.md §4):
//  - a ticket's rows leave strictly in id order, and only the head of a queue is ever in
//    flight, so row n+1 is sent only after row n was delivered (or dead-lettered and the
//    ticket released);
//  - a head waiting for its retry time, or a parked ticket (a dead letter not yet replayed
//    or discarded), holds only its own ticket: other tickets keep flowing;
//  - tickets whose head may go now are served first come, first served (a FIFO of ticket
//    ids), so a busy ticket cannot starve the others.
//
// Thread safety: none; the dispatcher calls it under its lock. Rows are shared_ptrs so that
// a row handed to a target stays alive and unmoved while queues change around it.

#include "core/store/store.h"

#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace hotline::delivery {

using RowPtr = std::shared_ptr<store::OutboxRow>;

class TicketQueues {
public:
  static constexpr int64_t kNever = std::numeric_limits<int64_t>::max();

  // Puts a row in its ticket's queue at its place in id order (normally the back); it never
  // goes before a head that is in flight. The head waits until its next_attempt_at_ms.
  void add(RowPtr row, int64_t now_ms);

  // Whether a head may go now (timers due by now_ms are promoted first).
  bool hasReady(int64_t now_ms);
  // Up to `max` heads that may go now, oldest-ready ticket first; each ticket is marked in
  // flight until one of the outcome calls below names its head.
  std::vector<RowPtr> takeReady(size_t max, int64_t now_ms);

  // Outcomes for an in-flight head.
  void delivered(const RowPtr& row, int64_t now_ms);              // pops it; next row may go
  void retryAt(const RowPtr& row, int64_t at_ms, int64_t now_ms); // stays; waits until at_ms
  void unsent(const RowPtr& row, int64_t now_ms);                 // stays; may go again at once
  void deadLettered(const RowPtr& row, int64_t now_ms);           // pops it and parks the ticket

  // Holds a ticket because of dead letter `dead_id` (also for dead rows found at start).
  void park(const std::string& ticket_id, int64_t dead_id);
  // Lifts the hold of one dead letter (resume) or of all (release, when dead_id is 0).
  // False when the ticket was not parked.
  bool unpark(const std::string& ticket_id, int64_t dead_id, int64_t now_ms);
  bool isParked(const std::string& ticket_id) const;

  // The earliest time a waiting head becomes due (kNever when none waits).
  int64_t nextDueMs() const;

  size_t rowCount() const { return row_count_; }
  size_t inFlightCount() const { return in_flight_count_; }
  size_t parkedCount() const;

private:
  struct Ticket {
    std::deque<RowPtr> rows; // id order; rows.front() is the head
    bool in_flight = false;
    bool in_ready = false;       // listed in ready_
    int64_t timer_at = 0;        // listed in timers_ at this time (0 = not listed)
    std::set<int64_t> parked_by; // dead letters holding the ticket
  };

  // Lists the ticket in ready_ or timers_ if its head may go (now or later); forgets a
  // ticket that has nothing left to remember.
  void refresh(const std::string& ticket_id, int64_t now_ms);
  void promoteTimers(int64_t now_ms);
  Ticket* find(const std::string& ticket_id);
  Ticket& headOwner(const RowPtr& row);

  std::unordered_map<std::string, Ticket> tickets_;
  std::deque<std::string> ready_;
  std::multimap<int64_t, std::string> timers_;
  size_t row_count_ = 0;
  size_t in_flight_count_ = 0;
};

} // namespace hotline::delivery
