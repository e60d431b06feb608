#include "core/admin/admin_trace.h"

#include "core/admin/admin_json.h"

namespace hotline::admin {

Result<std::string> ticketTraceJson(store::Store& store, const std::string& ticket) {
  auto messages = store.messagesOfTicket(ticket);
  auto links = store.linksOfTicket(ticket);
  auto outbox = store.outboxOfTicket(ticket);
  auto records = store.queryAudit(0, 10000, ticket);
  auto state = store.ticketState(ticket);
  for (const Status* failed : {&messages.status(), &links.status(), &outbox.status(),
                               &records.status(), &state.status()}) {
    if (!failed->isOk()) {
      return *failed;
    }
  }
  if (messages->empty() && outbox->empty()) {
    return notFound("ticket " + ticket + " is not known to this gateway");
  }
  rapidjson::StringBuffer buffer;
  JsonWriter out(buffer);
  out.StartObject();
  writeString(out, "ticket_id", ticket);
  if (state->has_value()) {
    // Where the ticket stands now, and which connector instances hold it.
    writeString(out, "status", (*state)->status);
    out.Key("holders");
    out.StartArray();
    for (const std::string& holder : store::splitHolders((*state)->holders)) {
      out.String(holder.c_str(), static_cast<rapidjson::SizeType>(holder.size()));
    }
    out.EndArray();
  }
  out.Key("refs");
  out.StartArray();
  for (const auto& link : *links) {
    writeLinkRow(out, link);
  }
  out.EndArray();
  out.Key("messages");
  out.StartArray();
  for (const auto& message : *messages) {
    writeMessageRow(out, message);
  }
  out.EndArray();
  out.Key("deliveries");
  out.StartArray();
  for (const auto& row : *outbox) {
    writeOutboxRow(out, row, false);
  }
  out.EndArray();
  out.Key("audit");
  out.StartArray();
  for (const auto& record : *records) {
    writeAuditRecord(out, record);
  }
  out.EndArray();
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::admin
