#pragma once
// Member lists of the secondary records for the JSON codecs (see field_rules.h); the schema
// (schema/records.schema.json) states the same.

#include "core/model/field_rules.h"
#include "core/model/records.h"
#include "core/model/ticket_ref_fields.h"

namespace hotline::model {

template <typename S, typename V>
requires detail::Describes<S, CallRecord>
void describe(S& s, V& v) {
  using detail::Need;
  v.text("id", s.id, Need::Required);
  v.text("caller", s.caller);
  v.text("callee", s.callee);
  v.choice("direction", s.direction);
  v.time("started_at", s.started_at);
  v.time("ended_at", s.ended_at);
  v.integer("duration_s", s.duration_s, 0);
  v.text("agent", s.agent);
  v.text("recording_uri", s.recording_uri);
  v.object("ticket", s.ticket);
}

template <typename S, typename V>
requires detail::Describes<S, KnowledgeArticle>
void describe(S& s, V& v) {
  using detail::Need;
  v.text("id", s.id, Need::Required);
  v.text("title", s.title, Need::Required);
  v.text("content", s.content, Need::Required);
  v.text("category", s.category);
  v.textList("tags", s.tags);
  v.text("region_code", s.region_code, Need::Optional, &detail::kRegionCodeRule);
  v.choice("status", s.status);
  v.time("published_at", s.published_at);
  v.time("updated_at", s.updated_at);
  v.text("source", s.source);
}

template <typename S, typename V>
requires detail::Describes<S, Contact>
void describe(S& s, V& v) {
  v.text("name", s.name, detail::Need::Required);
  v.text("unit", s.unit);
  v.text("address", s.address);
  v.text("phone", s.phone);
  v.text("website", s.website);
}

template <typename S, typename V>
requires detail::Describes<S, ListEntry>
void describe(S& s, V& v) {
  v.choice("list", s.list);
  v.text("phone", s.phone, detail::Need::Required);
  v.text("reason", s.reason);
  v.time("added_at", s.added_at);
  v.time("expires_at", s.expires_at);
  v.text("operator", s.operator_info);
}

template <typename S, typename V>
requires detail::Describes<S, Announcement>
void describe(S& s, V& v) {
  using detail::Need;
  v.text("id", s.id, Need::Required);
  v.text("title", s.title, Need::Required);
  v.text("content", s.content, Need::Required);
  v.time("published_at", s.published_at);
  v.time("expires_at", s.expires_at);
}

template <typename S, typename V>
requires detail::Describes<S, ChatMessage>
void describe(S& s, V& v) {
  v.time("at", s.at);
  v.text("from", s.from, detail::Need::Required);
  v.text("text", s.text, detail::Need::Required);
}

template <typename S, typename V>
requires detail::Describes<S, ChatTranscript>
void describe(S& s, V& v) {
  using detail::Need;
  v.text("id", s.id, Need::Required);
  v.choice("channel", s.channel);
  v.text("user", s.user);
  v.time("started_at", s.started_at);
  v.list("messages", s.messages, Need::Required);
}

} // namespace hotline::model
