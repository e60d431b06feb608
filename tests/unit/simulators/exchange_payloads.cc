#include "tests/unit/simulators/exchange_payloads.h"

#include <gtest/gtest.h>

#include "core/model/event_codec.h"
#include "core/model/ticket_codec.h"

namespace hotline::sim::testing {

std::string escalationJson(const std::string& county_number) {
  model::Ticket ticket;
  ticket.refs.push_back(model::ExternalRef{kCountySystem, county_number});
  ticket.channel = model::Channel::Phone;
  ticket.title = "小区路灯不亮";
  ticket.content = "幸福路12号小区路灯连续一周不亮，涉及市政管网，需市级协调。";
  ticket.status = model::TicketStatus::Escalated;
  return model::encodeTicket(ticket);
}

std::string countyEventJson(const std::string& event_id, const std::string& county_number,
                            model::EventType type, int64_t at_ms) {
  model::TicketEvent event;
  event.event_id = event_id;
  event.ticket = model::TicketRef::byNumber(kCountySystem, county_number);
  event.type = type;
  event.at = model::Timestamp::fromEpochMs(at_ms);
  event.actor = model::Actor{"县热线", "YC12345", "county"};
  event.source = kCountySystem;
  return model::encodeEvent(event);
}

rapidjson::Document parseJson(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  EXPECT_FALSE(doc.HasParseError()) << "not JSON: " << body;
  return doc;
}

} // namespace hotline::sim::testing
