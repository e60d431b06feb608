// Inbound output is canonical JSON: members in the schema's order whatever the mapping's
// order, so the model decodes it and re-encodes it byte for byte.
#include "tests/unit/mapping/mapping_test_support.h"

#include "core/model/event_codec.h"
#include "core/model/schemas.h"
#include "core/model/ticket_codec.h"

namespace hotline::mapping::mapping_tests {
namespace {

constexpr std::string_view kDeptTicket = R"({
  "mapping": 1, "direction": "inbound", "kind": "ticket",
  "description": "A department's ticket, fields deliberately out of canonical order",
  "source": {"format": "json"},
  "fields": [
    {"to": "/closed_at", "from": "/data/closeTime", "transforms": [{"date": {"formats": ["yyyy-MM-dd HH:mm:ss"]}}]},
    {"to": "/status", "from": "/data/state", "transforms": [{"enum": {"map": {"0": "submitted", "9": "closed"}, "fallback": "submitted"}}]},
    {"to": "/content", "from": "/data/content", "transforms": ["trim", "required"]},
    {"to": "/requester/phone", "from": ["/data/mobile", "/data/tel"], "transforms": ["phone"]},
    {"to": "/requester/name", "from": "/data/name", "transforms": ["trim"]},
    {"to": "/channel", "value": "department"},
    {"to": "/refs/0/system", "value": "yucheng-dept"},
    {"to": "/refs/0/number", "from": "/data/ticketNo"},
    {"to": "/region/county", "value": "411425"},
    {"to": "/category/type", "from": "/data/type", "transforms": [{"code": {"table": "category_types", "fallback": "other"}}]},
    {"to": "/title", "from": "/data/title"},
    {"to": "/address/lat", "from": "/data/lat", "transforms": ["number"]},
    {"to": "/address/text", "from": "/data/address"},
    {"to": "/assignments", "each": "/data/flows", "fields": [
      {"to": "instructions", "from": "/opinion"},
      {"to": "lead_unit/name", "from": "/unit"},
      {"to": "seq", "from": "/no", "transforms": ["number"]}]}
  ]})";

constexpr std::string_view kPayload = R"({"data": {
  "ticketNo": "D-77", "name": " 张三 ", "mobile": "", "tel": "0370-1234567", "title": "路灯不亮",
  "content": " 文化路路灯不亮 ", "type": "求助", "state": 9, "closeTime": "2024-04-12 18:00:00",
  "address": "虞城县文化路", "lat": "34.40",
  "flows": [{"no": "1", "unit": "城管局", "opinion": "请尽快处理"}]}})";

TEST(MappingCanonicalOutput, MembersComeInTheSchemasOrderAndTheModelAcceptsThem) {
  auto plan = compileOk(kDeptTicket);
  ASSERT_NE(plan, nullptr);
  const std::string document = runOk(*plan, kPayload);
  EXPECT_EQ(
      document,
      R"({"refs":[{"system":"yucheng-dept","number":"D-77"}],"region":{"county":"411425"},)"
      R"("requester":{"name":"张三","phone":"03701234567"},"channel":"department",)"
      R"("title":"路灯不亮","content":"文化路路灯不亮",)"
      R"("address":{"text":"虞城县文化路","lat":34.4},"category":{"type":"help"},)"
      R"("status":"closed","closed_at":"2024-04-12T18:00:00+08:00",)"
      R"("assignments":[{"seq":1,"lead_unit":{"name":"城管局"},"instructions":"请尽快处理"}]})");
  Result<model::Ticket> ticket = model::decodeTicket(document);
  ASSERT_TRUE(ticket.isOk()) << ticket.status().message();
  EXPECT_EQ(model::encodeTicket(*ticket), document);
  EXPECT_TRUE(model::validateWithSchema(model::SchemaKind::Ticket, document).isOk());
}

TEST(MappingCanonicalOutput, EventsAndTheirFreeFormData) {
  auto plan = compileOk(R"({"mapping": 1, "direction": "inbound", "kind": "event", "fields": [
    {"to": "/data/note", "from": "/memo"},
    {"to": "/at", "from": "/time", "transforms": [{"date": {"formats": ["epoch_s"]}}]},
    {"to": "/type", "from": "/action", "transforms": [{"enum": {"map": {"sign": "signed"}, "fallback": "error"}}]},
    {"to": "/ticket/system", "value": "yucheng-dept"},
    {"to": "/ticket/number", "from": "/no"},
    {"to": "/actor/unit_code", "from": "/unit"},
    {"to": "/data/items/0", "from": "/memo"}]})");
  ASSERT_NE(plan, nullptr);
  const std::string document = runOk(
      *plan,
      R"({"memo": "已签收", "time": 1712712600, "action": "sign", "no": "D-1", "unit": "CG"})");
  EXPECT_EQ(document, R"({"ticket":{"system":"yucheng-dept","number":"D-1"},"type":"signed",)"
                      R"("at":"2024-04-10T09:30:00+08:00","actor":{"unit_code":"CG"},)"
                      R"("data":{"note":"已签收","items":["已签收"]}})");
  Result<model::TicketEvent> event = model::decodeEvent(document);
  ASSERT_TRUE(event.isOk()) << event.status().message();
}

} // namespace
} // namespace hotline::mapping::mapping_tests
