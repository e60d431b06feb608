#pragma once
// What the simulated platform knows: the tickets exchanged with the county (escalations it
// received, tickets it sent down) under its own numbers, the actions the county sent for
// them with duplicates and order violations judged, and the counters of GET /sim/stats.
// Thread-safe: every handler thread and the delivery worker share one ledger.

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/lifecycle.h"
#include "core/model/ticket_event.h"
#include "core/model/ticket_ref.h"

namespace hotline::sim::exchange {

struct ExchangedTicket {
  std::string number;        // ours
  model::ExternalRef county; // the county's number; empty number until known (sent down)
  std::string title;
  std::string direction;   // "escalated" (received from the county) or "dispatched"
  std::string verified_by; // the app key whose signature was verified ("" for dispatched)
  model::LifecycleState state;
};

struct ReceivedAction {
  std::string event_id;
  std::string type;
  std::string at; // as sent
  bool duplicate = false;
  bool out_of_order = false; // `at` earlier than the previous action's for this ticket
};

struct Admission {
  std::string number;
  bool duplicate = false; // the first answer, again
};

struct ActionOutcome {
  std::string number; // ours
  std::string status; // the ticket's status after the action
  bool duplicate = false;
};

struct ExchangeStats {
  std::atomic<uint64_t> refused_signature{0};
  std::atomic<uint64_t> sent{0};
  std::atomic<uint64_t> send_failures{0};
  std::atomic<uint64_t> knowledge{0};
};

class ExchangeLedger {
public:
  explicit ExchangeLedger(std::string number_prefix) : prefix_(std::move(number_prefix)) {}

  // A new number PREFIX-yyyymmdd-nnnnnn (date in +08:00).
  std::string allocateNumber();

  // An escalation: the same Idempotency-Key, or the same county ref, gets the first number.
  Admission admitEscalation(const std::string& idempotency_key, const model::ExternalRef& county,
                            const std::string& title, const std::string& verified_by);
  // A ticket we send down; its county number is learnt from the county's reply.
  void addDispatched(const std::string& number, const std::string& title,
                     model::TicketStatus status);
  void setCountyRef(const std::string& number, const model::ExternalRef& county);

  // By our number first, then by the county's number (the sender may use either).
  std::optional<ExchangedTicket> find(std::string_view number) const;

  // nullopt when no ticket has that number.
  std::optional<ActionOutcome> recordAction(std::string_view number,
                                            const model::TicketEvent& event, std::string at_text);

  ExchangeStats& stats() { return stats_; }

  std::string ticketsJson() const;
  std::string actionsJson() const;
  std::string statsJson(size_t pending, size_t feed_items) const;
  void reset();

private:
  // The number first given for this escalation (same key, or same county ref), if any.
  std::optional<std::string> duplicateLocked(const std::string& idempotency_key,
                                             const model::ExternalRef& county) const;
  const ExchangedTicket* findLocked(std::string_view number) const;
  ExchangedTicket* findLocked(std::string_view number);

  const std::string prefix_;
  mutable std::mutex mutex_;
  uint64_t next_number_ = 1;
  std::map<std::string, ExchangedTicket, std::less<>> tickets_; // by our number
  std::map<std::string, std::string, std::less<>> by_county_;   // county no. -> ours
  std::map<std::string, std::string, std::less<>> by_key_;      // Idempotency-Key -> ours
  std::map<std::string, std::vector<ReceivedAction>, std::less<>> actions_; // by our number
  std::map<std::string, int64_t, std::less<>> last_at_ms_;                  // by our number
  std::set<std::string, std::less<>> event_ids_;                            // seen event ids
  uint64_t actions_total_ = 0;
  uint64_t duplicates_ = 0;
  uint64_t order_violations_ = 0;
  ExchangeStats stats_;
};

} // namespace hotline::sim::exchange
