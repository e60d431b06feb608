#include "simulators/exchange/src/exchange_ledger.h"

#include <cstdio>

#include "core/model/enum_table.h"
#include "core/model/event_facts.h"
#include "core/model/timestamp.h"
#include "hotline/support/request_signing.h"
#include "simulators/exchange/src/json_text.h"

namespace hotline::sim::exchange {
namespace {

// "20261128" from today's date in China Standard Time.
std::string todayDigits() {
  const std::string iso =
      model::formatTimestamp(model::Timestamp::fromEpochMs(support::systemMillis()));
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

// The lifecycle moves the status when the action is legal for it; an illegal one is still
// recorded (the simulator observes the county, it does not police the city's own rules).
model::LifecycleState advance(const model::LifecycleState& state, const model::TicketEvent& event) {
  auto facts = model::readEventFacts(event);
  const model::LifecycleVerdict verdict =
      model::evaluate(state, event.type, facts ? *facts : model::EventFacts{});
  return verdict.legal ? verdict.next : state;
}

void writeTicket(JsonWriter& writer, const ExchangedTicket& ticket) {
  writer.StartObject();
  writer.Key("number");
  writeString(writer, ticket.number);
  writer.Key("county_ref");
  writer.StartObject();
  writer.Key("system");
  writeString(writer, ticket.county.system);
  writer.Key("number");
  writeString(writer, ticket.county.number);
  writer.EndObject();
  writer.Key("title");
  writeString(writer, ticket.title);
  writer.Key("direction");
  writeString(writer, ticket.direction);
  writer.Key("verified");
  writer.Bool(!ticket.verified_by.empty());
  writer.Key("app_key");
  writeString(writer, ticket.verified_by);
  writer.Key("status");
  writeString(writer, model::enumName(ticket.state.status));
  writer.EndObject();
}

} // namespace

std::string ExchangeLedger::allocateNumber() {
  std::lock_guard<std::mutex> lock(mutex_);
  char digits[16];
  std::snprintf(digits, sizeof(digits), "%06llu", static_cast<unsigned long long>(next_number_++));
  return prefix_ + "-" + todayDigits() + "-" + digits;
}

std::optional<std::string> ExchangeLedger::duplicateLocked(const std::string& idempotency_key,
                                                           const model::ExternalRef& county) const {
  if (auto known = by_key_.find(idempotency_key);
      !idempotency_key.empty() && known != by_key_.end()) {
    return known->second;
  }
  if (auto known = by_county_.find(county.number); known != by_county_.end()) {
    const ExchangedTicket& ticket = tickets_.at(known->second);
    if (ticket.county.system == county.system && ticket.direction == "escalated") {
      return ticket.number;
    }
  }
  return std::nullopt;
}

Admission ExchangeLedger::admitEscalation(const std::string& idempotency_key,
                                          const model::ExternalRef& county,
                                          const std::string& title,
                                          const std::string& verified_by) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto first = duplicateLocked(idempotency_key, county)) {
      return Admission{*first, true};
    }
  }
  // The number is allocated outside the lock above (allocateNumber() takes it); a concurrent
  // twin of this escalation is caught again below, and the spare number is never used.
  std::string number = allocateNumber();
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto first = duplicateLocked(idempotency_key, county)) {
    return Admission{*first, true};
  }
  ExchangedTicket ticket{number, county, title, "escalated", verified_by, {}};
  ticket.state.status = model::TicketStatus::Accepted;
  tickets_.emplace(number, std::move(ticket));
  by_county_.insert_or_assign(county.number, number);
  if (!idempotency_key.empty()) {
    by_key_.emplace(idempotency_key, number);
  }
  return Admission{number, false};
}

void ExchangeLedger::addDispatched(const std::string& number, const std::string& title,
                                   model::TicketStatus status) {
  std::lock_guard<std::mutex> lock(mutex_);
  ExchangedTicket ticket{number, {}, title, "dispatched", "", {}};
  ticket.state.status = status;
  tickets_.emplace(number, std::move(ticket));
}

void ExchangeLedger::setCountyRef(const std::string& number, const model::ExternalRef& county) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (ExchangedTicket* ticket = findLocked(number)) {
    ticket->county = county;
    by_county_.emplace(county.number, number);
  }
}

const ExchangedTicket* ExchangeLedger::findLocked(std::string_view number) const {
  if (auto it = tickets_.find(number); it != tickets_.end()) {
    return &it->second;
  }
  if (auto it = by_county_.find(number); it != by_county_.end()) {
    return &tickets_.at(it->second);
  }
  return nullptr;
}

ExchangedTicket* ExchangeLedger::findLocked(std::string_view number) {
  return const_cast<ExchangedTicket*>(std::as_const(*this).findLocked(number));
}

std::optional<ExchangedTicket> ExchangeLedger::find(std::string_view number) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const ExchangedTicket* ticket = findLocked(number);
  return ticket ? std::optional<ExchangedTicket>(*ticket) : std::nullopt;
}

std::optional<ActionOutcome> ExchangeLedger::recordAction(std::string_view number,
                                                          const model::TicketEvent& event,
                                                          std::string at_text) {
  std::lock_guard<std::mutex> lock(mutex_);
  ExchangedTicket* ticket = findLocked(number);
  if (ticket == nullptr) {
    return std::nullopt;
  }
  ReceivedAction received{event.event_id, std::string(model::enumName(event.type)),
                          std::move(at_text)};
  ++actions_total_;
  received.duplicate = !event_ids_.insert(event.event_id).second;
  if (received.duplicate) {
    ++duplicates_;
  } else {
    auto last = last_at_ms_.find(ticket->number);
    if (last != last_at_ms_.end() && event.at.epoch_ms < last->second) {
      received.out_of_order = true;
      ++order_violations_;
    }
    last_at_ms_[ticket->number] = event.at.epoch_ms;
    ticket->state = advance(ticket->state, event);
  }
  actions_[ticket->number].push_back(std::move(received));
  return ActionOutcome{ticket->number, std::string(model::enumName(ticket->state.status)),
                       actions_[ticket->number].back().duplicate};
}

std::string ExchangeLedger::ticketsJson() const {
  std::lock_guard<std::mutex> lock(mutex_);
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("tickets");
  writer.StartArray();
  for (const auto& [number, ticket] : tickets_) {
    writeTicket(writer, ticket);
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string ExchangeLedger::actionsJson() const {
  std::lock_guard<std::mutex> lock(mutex_);
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("tickets");
  writer.StartObject();
  for (const auto& [number, actions] : actions_) {
    writer.Key(number.c_str());
    writer.StartArray();
    for (const ReceivedAction& action : actions) {
      writer.StartObject();
      writer.Key("event_id");
      writeString(writer, action.event_id);
      writer.Key("type");
      writeString(writer, action.type);
      writer.Key("at");
      writeString(writer, action.at);
      writer.Key("duplicate");
      writer.Bool(action.duplicate);
      writer.Key("out_of_order");
      writer.Bool(action.out_of_order);
      writer.EndObject();
    }
    writer.EndArray();
  }
  writer.EndObject();
  writer.Key("duplicates");
  writer.Uint64(duplicates_);
  writer.Key("order_violations");
  writer.Uint64(order_violations_);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string ExchangeLedger::statsJson(size_t pending, size_t feed_items) const {
  std::lock_guard<std::mutex> lock(mutex_);
  size_t escalated = 0;
  for (const auto& [number, ticket] : tickets_) {
    escalated += ticket.direction == "escalated" ? 1 : 0;
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  const auto field = [&writer](const char* name, uint64_t value) {
    writer.Key(name);
    writer.Uint64(value);
  };
  writer.StartObject();
  field("tickets", escalated);
  field("dispatched", tickets_.size() - escalated);
  field("actions", actions_total_);
  field("duplicates", duplicates_);
  field("refused_signature", stats_.refused_signature);
  field("sent", stats_.sent);
  field("send_failures", stats_.send_failures);
  field("order_violations", order_violations_);
  field("knowledge", stats_.knowledge);
  field("pending", pending);
  field("feed_items", feed_items);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

void ExchangeLedger::reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  tickets_.clear();
  by_county_.clear();
  by_key_.clear();
  actions_.clear();
  last_at_ms_.clear();
  event_ids_.clear();
  actions_total_ = duplicates_ = order_violations_ = 0;
  stats_.refused_signature = stats_.sent = stats_.send_failures = stats_.knowledge = 0;
}

} // namespace hotline::sim::exchange
