#include "tests/unit/simulators/sim_payloads.h"

#include <gtest/gtest.h>

#include "core/model/event_codec.h"
#include "core/model/record_codec.h"
#include "core/model/ticket_codec.h"
#include "core/model/ticket_id.h"

namespace hotline::sim::testing {

std::string newTicket() {
  auto id = model::newTicketId();
  EXPECT_TRUE(id.isOk());
  return id.isOk() ? *id : std::string("01HV3K8Z5Q9W2X7Y4T6R1M0NBC");
}

std::string ticketJson(const std::string& ticket_id) {
  model::Ticket ticket;
  ticket.id = ticket_id;
  ticket.channel = model::Channel::Wechat;
  ticket.content = "建议在县人民公园增设公共厕所。";
  ticket.status = model::TicketStatus::Submitted;
  return model::encodeTicket(ticket);
}

std::string eventJson(const std::string& ticket_id, model::EventType type) {
  model::TicketEvent event;
  event.ticket = model::TicketRef::byId(ticket_id);
  event.type = type;
  event.at = model::Timestamp::fromEpochMs(1'712'713'200'000); // 2024-04-10T09:40:00+08:00
  event.source = "hotline-gateway";
  return model::encodeEvent(event);
}

std::string knowledgeJson(const std::string& article_id) {
  model::KnowledgeArticle article;
  article.id = article_id;
  article.title = "路灯报修";
  article.content = "路灯不亮请拨打12345，说明路段和灯杆编号。";
  article.tags = {"路灯", "市政"};
  article.region_code = "411425";
  return model::encodeRecord(article);
}

std::string invalidEventJson() {
  return R"({"type":"accepted","at":"2024-04-10T09:40:00+08:00"})"; // no "ticket"
}

std::string bulkLine(std::string_view key, std::string_view ticket_id, int64_t sequence,
                     std::string_view kind, std::string_view payload_json) {
  std::string line = R"({"idempotency_key":")";
  line.append(key).append(R"(","ticket_id":")").append(ticket_id);
  line.append(R"(","sequence":)").append(std::to_string(sequence));
  line.append(R"(,"kind":")").append(kind).append(R"(","payload":)").append(payload_json);
  line.push_back('}');
  return line;
}

} // namespace hotline::sim::testing
