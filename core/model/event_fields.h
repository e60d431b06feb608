#pragma once
// Member lists of TicketEvent and Actor for the JSON codecs (see field_rules.h); the schema
// (schema/event.schema.json) states the same.

#include "core/model/field_rules.h"
#include "core/model/ticket_event.h"
#include "core/model/ticket_ref_fields.h"

namespace hotline::model {

template <typename S, typename V>
requires detail::Describes<S, Actor>
void describe(S& s, V& v) {
  v.text("name", s.name);
  v.text("unit_code", s.unit_code);
  v.text("role", s.role);
}

template <typename S, typename V>
requires detail::Describes<S, TicketEvent>
void describe(S& s, V& v) {
  v.text("event_id", s.event_id);
  v.object("ticket", s.ticket, detail::Need::Required);
  v.choice("type", s.type);
  v.time("at", s.at);
  v.object("actor", s.actor);
  v.text("source", s.source);
  v.rawObject("data", s.data);
}

} // namespace hotline::model
