#include "simulators/exchange/src/county_action.h"

#include "core/model/event_codec.h"
#include "core/model/ticket_event.h"
#include "hotline/support/request_signing.h"

namespace hotline::sim::exchange {

EventIds::EventIds(std::string system)
    : prefix_(std::move(system) + "-EV-" + std::to_string(support::systemMillis()) + "-") {}

std::string EventIds::next() {
  return prefix_ + std::to_string(next_++);
}

Result<std::string> buildCountyAction(const ActorIdentity& identity, const std::string& event_id,
                                      const model::ExternalRef& county, model::EventType type,
                                      const std::string& data, int64_t at_ms) {
  model::TicketEvent event;
  event.event_id = event_id;
  event.ticket = model::TicketRef::byNumber(county.system, county.number);
  event.type = type;
  event.at = model::Timestamp::fromEpochMs(at_ms);
  event.actor = model::Actor{identity.actor_name, identity.unit_code, "city"};
  event.source = identity.system;
  if (!data.empty()) {
    auto compact = model::compactJsonObject(data);
    if (!compact) {
      return invalidArgument("data: " + compact.status().message());
    }
    event.data = std::move(*compact);
  }
  return model::encodeEvent(event);
}

} // namespace hotline::sim::exchange
