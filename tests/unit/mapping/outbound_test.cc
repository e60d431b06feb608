// Outbound mappings: canonical JSON -> a peer's JSON or XML.
#include "tests/unit/mapping/mapping_test_support.h"

namespace hotline::mapping::mapping_tests {
namespace {

constexpr std::string_view kTicket = R"({"refs":[{"system":"province","number":"P-1"},
  {"system":"yucheng-12345","number":"YC-2024-0001"}],"requester":{"name":"张三","phone":"13812345678"},
  "channel":"phone","title":"路灯不亮","content":"文化路 <民主路> & 交叉口]]>东",
  "urgency":"urgent","status":"assigned","created_at":"2024-04-10T09:30:00+08:00",
  "assignments":[{"seq":1,"lead_unit":{"code":"CG","name":"城管局"},"co_units":[{"name":"住建局"}]},
                 {"seq":2,"lead_unit":{"name":"交通局"}}]})";

TEST(MappingOutboundJson, WritesThePeersShapeKeepingTypes) {
  auto plan = compileOk(outbound(R"({"format": "json"})", R"([
    {"to": "/data/ticketNo", "from": "/refs/[system=yucheng-12345]/number"},
    {"to": "/data/caller/mobile", "from": "/requester/phone"},
    {"to": "/data/level", "from": "/urgency",
     "transforms": [{"enum": {"map": {"normal": 1, "urgent": 2, "critical": 3}, "fallback": "error"}}]},
    {"to": "/data/flows", "each": "/assignments", "fields": [
      {"to": "seq", "from": "/seq"}, {"to": "unit", "from": "/lead_unit/name"}]},
    {"to": "/version", "value": 2},
    {"to": "/data/items/0", "from": "/title"},
    {"to": "/data/createTime", "from": "/created_at"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(plan->direction(), Direction::Outbound);
  EXPECT_EQ(plan->peerFormat(), "json");
  EXPECT_EQ(runOk(*plan, kTicket),
            R"({"data":{"ticketNo":"YC-2024-0001","caller":{"mobile":"13812345678"},"level":2,)"
            R"("flows":[{"seq":1,"unit":"城管局"},{"seq":2,"unit":"交通局"}],"items":["路灯不亮"],)"
            R"("createTime":"2024-04-10T09:30:00+08:00"},"version":2})");
}

TEST(MappingOutboundJson, ADocumentWhosePathsStartWithANumberIsAList) {
  auto plan = compileOk(outbound(R"({"format": "json"})", R"([
    {"to": "/0/no", "from": "/refs/0/number"}, {"to": "/1/no", "from": "/refs/1/number"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, kTicket), R"([{"no":"P-1"},{"no":"YC-2024-0001"}])");
  EXPECT_EQ(runOk(*plan, R"({"channel":"web","status":"submitted"})"), "[]");
  EXPECT_EQ(loadError(outbound(R"({"format": "json"})", R"([
      {"to": "/0/no", "from": "/title"}, {"to": "/no", "from": "/title"}])")),
            "mappings/test/ticket.json: fields[1] (to /no): the document is a list in another "
            "field, an object here");
}

TEST(MappingOutboundXml, WritesNamespacesAttributesCdataAndRepeatedElements) {
  auto plan = compileOk(outbound(R"({"format": "xml", "declaration": true, "namespaces": {
      "s": "http://schemas.xmlsoap.org/soap/envelope/", "d": "urn:yucheng:dept", "unused": "urn:u"}})",
                                 R"([
    {"to": "/s:Envelope/s:Body/d:Ticket/d:No", "from": "/refs/[system=yucheng-12345]/number"},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:Content", "from": "/content", "cdata": true},
    {"to": "/s:Envelope/s:Body/d:Ticket/@version", "value": "2"},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:Title", "from": "/title"},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:Flows/d:Flow", "each": "/assignments", "fields": [
      {"to": "@seq", "from": "/seq"}, {"to": "d:Unit", "from": "/lead_unit/name"},
      {"to": "d:Unit/@code", "from": "/lead_unit/code"},
      {"to": "d:Co", "each": "/co_units", "fields": [{"to": ".", "from": "/name"}]}]},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:Remark", "from": "/result"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(plan->peerFormat(), "xml");
  EXPECT_EQ(
      runOk(*plan, kTicket),
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:d="urn:yucheng:dept">)"
      R"(<s:Body><d:Ticket version="2"><d:No>YC-2024-0001</d:No>)"
      R"(<d:Content><![CDATA[文化路 <民主路> & 交叉口]]]]><![CDATA[>东]]></d:Content>)"
      R"(<d:Title>路灯不亮</d:Title><d:Flows>)"
      R"(<d:Flow seq="1"><d:Unit code="CG">城管局</d:Unit><d:Co>住建局</d:Co></d:Flow>)"
      R"(<d:Flow seq="2"><d:Unit>交通局</d:Unit></d:Flow>)"
      R"(</d:Flows></d:Ticket></s:Body></s:Envelope>)");
}

TEST(MappingOutboundXml, EscapesTextAndAttributes) {
  auto plan = compileOk(outbound(R"({"format": "xml"})", R"([
    {"to": "/Ticket/Content", "from": "/content"},
    {"to": "/Ticket/@title", "from": "/content"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"channel":"web","status":"submitted","content":"a<b>&\"c\"\nd"})"),
            "<Ticket title=\"a&lt;b&gt;&amp;&quot;c&quot;&#10;d\"><Content>a&lt;b&gt;&amp;\"c\"\nd"
            "</Content></Ticket>");
  EXPECT_EQ(runOk(*plan, R"({"channel":"web","status":"submitted"})"), "<Ticket></Ticket>");
}

TEST(MappingOutbound, SourcePathsAreCheckedAgainstTheCanonicalSchema) {
  EXPECT_EQ(loadError(outbound(R"({"format": "json"})", R"([{"to": "/a", "from": "/titel"}])")),
            "mappings/test/ticket.json: fields[0] (to /a): /titel is not in the canonical "
            "ticket: it has no member \"titel\" (did you mean \"title\"?)");
  EXPECT_EQ(loadError(outbound(
                R"({"format": "json"})",
                R"([{"to": "/a", "each": "/title", "fields": [{"to": "x", "from": "."}]}])")),
            "mappings/test/ticket.json: fields[0] (to /a): each /title must name a list of the "
            "canonical ticket");
  EXPECT_EQ(
      loadError(outbound(
          R"({"format": "json"})",
          R"([{"to": "/a", "each": "/assignments", "fields": [{"to": "x", "from": "/unit"}]}])")),
      "mappings/test/ticket.json: fields[0] (to /a): fields[0] (to x): /unit is not in the "
      "canonical ticket: it has no member \"unit\"");
}

TEST(MappingOutbound, TargetProblemsAreLoadErrors) {
  EXPECT_EQ(loadError(outbound(R"({"format": "xml"})", R"([
      {"to": "/A/x", "from": "/title"}, {"to": "/B/y", "from": "/content"}])")),
            "mappings/test/ticket.json: fields: every target path must start at the same root "
            "element, not A, B");
  EXPECT_EQ(loadError(outbound(R"({"format": "json"})", R"([
      {"to": "/a", "from": "/title"}, {"to": "/a/b", "from": "/content"}])")),
            "mappings/test/ticket.json: fields[1] (to /a/b): \"a\" is a value in another field, an "
            "object here");
  EXPECT_EQ(loadError(outbound(R"({"format": "json"})",
                               R"([{"to": "/a", "from": "/title", "cdata": true}])")),
            "mappings/test/ticket.json: fields[0] (to /a): cdata is only for outbound XML targets");
  EXPECT_EQ(loadError(outbound(R"({"format": "xml", "namespaces": {"d": "urn:d"}})",
                               R"([{"to": "/d:A/e:B", "from": "/title"}])")),
            "mappings/test/ticket.json: fields[0] (to /d:A/e:B): bad XML path \"/d:A/e:B\": "
            "namespace prefix \"e\" is not declared (add it to \"namespaces\")");
}

TEST(MappingOutbound, MalformedCanonicalInputIsRefused) {
  auto plan = compileOk(outbound(R"({"format": "json"})", R"([{"to": "/a", "from": "/title"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, "{\"title\": }"),
            "mappings/test/ticket.json: input is not valid JSON: line 1, column 11: Invalid value");
}

} // namespace
} // namespace hotline::mapping::mapping_tests
