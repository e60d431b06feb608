#pragma once
// Member lists of the Ticket and its parts for the JSON codecs: the one place that says which
// JSON member holds which field, in which order, with which rule (see field_rules.h). The
// schema (schema/ticket.schema.json) states the same; tests check the two against each other.

#include "core/model/field_rules.h"
#include "core/model/ticket.h"
#include "core/model/ticket_ref_fields.h"

namespace hotline::model {

template <typename S, typename V>
requires detail::Describes<S, UnitRef>
void describe(S& s, V& v) {
  v.text("code", s.code);
  v.text("name", s.name);
}

template <typename S, typename V>
requires detail::Describes<S, Attachment>
void describe(S& s, V& v) {
  v.text("name", s.name);
  v.text("uri", s.uri);
  v.text("sha256", s.sha256, detail::Need::Optional, &detail::kSha256Rule);
  v.integer("size", s.size, 0);
  v.text("mime", s.mime);
}

template <typename S, typename V>
requires detail::Describes<S, Requester>
void describe(S& s, V& v) {
  v.text("name", s.name);
  v.text("phone", s.phone);
  v.text("contact_phone", s.contact_phone);
}

template <typename S, typename V>
requires detail::Describes<S, Address>
void describe(S& s, V& v) {
  v.text("text", s.text);
  v.text("region_code", s.region_code, detail::Need::Optional, &detail::kDivisionCodeRule);
  v.number("lng", s.lng, detail::NumberRange{-180, 180});
  v.number("lat", s.lat, detail::NumberRange{-90, 90});
}

template <typename S, typename V>
requires detail::Describes<S, Category>
void describe(S& s, V& v) {
  v.choice("type", s.type);
  v.text("topic_code", s.topic_code);
  v.text("topic_name", s.topic_name);
}

template <typename S, typename V>
requires detail::Describes<S, Region>
void describe(S& s, V& v) {
  v.text("county", s.county, detail::Need::Optional, &detail::kRegionCodeRule);
  v.text("city", s.city, detail::Need::Optional, &detail::kRegionCodeRule);
  v.text("province", s.province, detail::Need::Optional, &detail::kRegionCodeRule);
}

template <typename S, typename V>
requires detail::Describes<S, Assignment>
void describe(S& s, V& v) {
  v.integer("seq", s.seq, 1);
  v.time("at", s.at);
  v.time("deadline", s.deadline);
  v.object("lead_unit", s.lead_unit);
  v.list("co_units", s.co_units);
  v.text("instructions", s.instructions);
  v.text("operator", s.operator_info);
}

template <typename S, typename V>
requires detail::Describes<S, Inspection>
void describe(S& s, V& v) {
  v.integer("seq", s.seq, 1);
  v.text("inspector", s.inspector);
  v.text("opinion", s.opinion);
  v.time("at", s.at);
  v.list("attachments", s.attachments);
}

template <typename S, typename V>
requires detail::Describes<S, LeaderInstruction>
void describe(S& s, V& v) {
  v.text("type", s.type);
  v.text("leader", s.leader);
  v.text("content", s.content);
  v.time("at", s.at);
  v.list("attachments", s.attachments);
  v.text("operator", s.operator_info);
}

template <typename S, typename V>
requires detail::Describes<S, ReturnRecord>
void describe(S& s, V& v) {
  v.text("by", s.by);
  v.text("content", s.content);
  v.time("at", s.at);
  v.text("operator", s.operator_info);
}

template <typename S, typename V>
requires detail::Describes<S, Handling>
void describe(S& s, V& v) {
  v.text("handler", s.handler);
  v.object("unit", s.unit);
  v.text("type", s.type);
  v.text("content", s.content);
  v.time("at", s.at);
  v.list("attachments", s.attachments);
  v.text("operator", s.operator_info);
}

template <typename S, typename V>
requires detail::Describes<S, Review>
void describe(S& s, V& v) {
  v.integer("seq", s.seq, 1);
  v.choice("status", s.status);
  v.time("requested_at", s.requested_at);
  v.text("reason", s.reason);
  v.time("reviewed_at", s.reviewed_at);
  v.text("opinion", s.opinion);
  v.text("operator", s.operator_info);
}

template <typename S, typename V>
requires detail::Describes<S, Revisit>
void describe(S& s, V& v) {
  v.integer("seq", s.seq, 1);
  v.text("visitor", s.visitor);
  v.choice("method", s.method);
  v.text("info", s.info);
  v.text("result", s.result);
  v.choice("satisfaction", s.satisfaction);
  v.time("at", s.at);
  v.text("operator", s.operator_info);
}

template <typename S, typename V>
requires detail::Describes<S, Supervision>
void describe(S& s, V& v) {
  v.integer("seq", s.seq, 1);
  v.text("supervisor", s.supervisor);
  v.text("opinion", s.opinion);
  v.time("at", s.at);
  v.list("attachments", s.attachments);
}

template <typename S, typename V>
requires detail::Describes<S, Urge>
void describe(S& s, V& v) {
  v.integer("seq", s.seq, 1);
  v.text("content", s.content);
  v.time("at", s.at);
}

template <typename S, typename V>
requires detail::Describes<S, FlowStep>
void describe(S& s, V& v) {
  v.integer("seq", s.seq, 1);
  v.text("item", s.item);
  v.time("at", s.at);
}

template <typename S, typename V>
requires detail::Describes<S, Ticket>
void describe(S& s, V& v) {
  using detail::Need;
  v.text("id", s.id, Need::Optional, &detail::kTicketIdRule);
  v.list("refs", s.refs);
  v.object("region", s.region);
  v.object("requester", s.requester);
  v.choice("channel", s.channel);
  v.text("title", s.title);
  v.text("content", s.content, Need::Required);
  v.list("attachments", s.attachments);
  v.object("address", s.address);
  v.object("category", s.category);
  v.choice("urgency", s.urgency);
  v.choice("confidentiality", s.confidentiality);
  v.choice("status", s.status);
  v.choice("handling_mode", s.handling_mode);
  v.text("accepted_by", s.accepted_by);
  v.text("result", s.result);
  v.text("closing_opinion", s.closing_opinion);
  v.choice("satisfaction", s.satisfaction);
  v.text("merged_into", s.merged_into, Need::Optional, &detail::kTicketIdRule);
  v.time("created_at", s.created_at);
  v.time("submitted_at", s.submitted_at);
  v.time("accepted_at", s.accepted_at);
  v.time("deadline", s.deadline);
  v.time("handled_at", s.handled_at);
  v.time("closed_at", s.closed_at);
  v.list("assignments", s.assignments);
  v.list("inspections", s.inspections);
  v.list("leader_instructions", s.leader_instructions);
  v.list("returns", s.returns);
  v.list("handlings", s.handlings);
  v.list("extension_reviews", s.extension_reviews);
  v.list("return_reviews", s.return_reviews);
  v.list("revisits", s.revisits);
  v.list("supervisions", s.supervisions);
  v.list("urges", s.urges);
  v.list("flow", s.flow);
}

} // namespace hotline::model
