// Repeated groups (`each`, nested, over JSON arrays and XML elements) and conditions (`when`).
#include "tests/unit/mapping/mapping_test_support.h"

namespace hotline::mapping::mapping_tests {
namespace {

TEST(MappingEach, JsonArrayElementsBecomeListItems) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/assignments", "each": "/flows", "fields": [
      {"to": "seq", "from": "/no", "transforms": ["number"]},
      {"to": "/lead_unit/code", "from": "unit",
       "transforms": [{"code": {"table": "department_units", "fallback": "keep"}}]},
      {"to": "lead_unit/name", "from": "unit"},
      {"to": "co_units", "each": "/co", "fields": [{"to": "name", "from": "."}]}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"flows": [
      {"no": 1, "unit": "城管局", "co": ["住建局", "交通局"]},
      {"no": "2", "unit": "教育局"}]})"),
            R"({"assignments":[{"seq":1,"lead_unit":{"code":"411425-CG","name":"城管局"},)"
            R"("co_units":[{"name":"住建局"},{"name":"交通局"}]},)"
            R"({"seq":2,"lead_unit":{"code":"教育局","name":"教育局"}}]})");
}

TEST(MappingEach, EmptyItemsAreSkipped) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/urges", "each": "/urges", "fields": [
      {"to": "seq", "from": "/n", "transforms": ["number"]},
      {"to": "content", "from": "/text", "transforms": ["trim"]}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"urges": [{}, {"text": "  "}, {"n": 2, "text": "快点"}]})"),
            R"({"urges":[{"seq":2,"content":"快点"}]})");
  EXPECT_EQ(runOk(*plan, R"({"urges": [{}, {"text": " "}]})"), "{}");
  EXPECT_EQ(runOk(*plan, R"({"urges": []})"), "{}");
}

TEST(MappingEach, ASingleObjectWhereAListIsExpectedIsOneItem) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/urges", "each": "/urges", "fields": [{"to": "seq", "value": 1}, {"to": "content", "from": "/t"}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"urges": {"t": "催"}})"), R"({"urges":[{"seq":1,"content":"催"}]})");
}

TEST(MappingEach, NumberedItemsComeBeforeItemsOfEach) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/refs", "each": "/others", "fields": [
      {"to": "system", "from": "/sys"}, {"to": "number", "from": "/no"}]},
    {"to": "/refs/0/system", "value": "yucheng-12345"},
    {"to": "/refs/0/number", "from": "/ticketNo"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(
      runOk(*plan, R"({"ticketNo": "YC-1", "others": [{"sys": "city", "no": "SQ-9"}]})"),
      R"({"refs":[{"system":"yucheng-12345","number":"YC-1"},{"system":"city","number":"SQ-9"}]})");
}

TEST(MappingEach, XmlRepeatedElementsWithAttributesAndOwnText) {
  auto plan = compileOk(inbound(R"({"format": "xml", "namespaces": {"d": "urn:dept"}})", R"([
    {"to": "/flow", "each": "/d:Ticket/d:Flows/d:Flow", "fields": [
      {"to": "seq", "from": "@seq", "transforms": ["number"]},
      {"to": "item", "from": "."},
      {"to": "at", "from": "@d:at", "transforms": [{"date": {"formats": ["yyyyMMddHHmmss"]}}]}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(
      runOk(*plan, R"(<Ticket xmlns="urn:dept" xmlns:x="urn:dept"><Flows>
      <Flow seq="1" x:at="20240410093000">受理</Flow><Flow seq="2">交办</Flow>
      <Other seq="3">no</Other></Flows></Ticket>)"),
      R"({"flow":[{"seq":1,"item":"受理","at":"2024-04-10T09:30:00+08:00"},{"seq":2,"item":"交办"}]})");
}

TEST(MappingEach, ErrorsInsideItemsNameTheItem) {
  auto plan = compileOk(inbound(R"({"format": "xml"})", R"([
    {"to": "/flow", "each": "/r/f", "fields": [{"to": "seq", "from": "@n", "transforms": ["number"]}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, R"(<r><f n="1"/><f n="x"/></r>)"),
            "mappings/test/ticket.json: /flow/1/seq from /r/f[2]/@n: \"x\" is not a number");
}

TEST(MappingWhen, EqualsInExistsMatches) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/status", "value": "submitted"},
    {"to": "/status", "value": "closed", "when": {"path": "/state", "equals": 3}},
    {"to": "/urgency", "value": "urgent", "when": {"path": "/level", "in": ["2", "急"]}},
    {"to": "/confidentiality", "value": "confidential", "when": {"path": "/secret", "exists": true}},
    {"to": "/handling_mode", "value": "dispatch", "when": {"path": "/unit", "exists": false}},
    {"to": "/channel", "value": "wechat", "when": {"path": "/from", "matches": "^wx_"}}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"state": "3", "level": "急", "secret": false, "from": "wx_abc"})"),
            R"({"channel":"wechat","urgency":"urgent","confidentiality":"confidential",)"
            R"("status":"closed","handling_mode":"dispatch"})");
  EXPECT_EQ(
      runOk(*plan, R"({"state": 4, "level": 1, "secret": null, "unit": "x", "from": "a_wx_"})"),
      R"({"status":"submitted"})");
}

TEST(MappingWhen, WorksInsideEachOnRelativePaths) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/handlings", "each": "/steps", "fields": [
      {"to": "content", "from": "/text"},
      {"to": "type", "value": "回复", "when": {"path": "/kind", "equals": "reply"}}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"steps": [{"text": "a", "kind": "reply"}, {"text": "b"}]})"),
            R"({"handlings":[{"type":"回复","content":"a"},{"content":"b"}]})");
}

TEST(MappingWhen, ASkippedEachWritesNothing) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/urges", "each": "/urges", "when": {"path": "/include", "equals": true},
     "fields": [{"to": "seq", "value": 1}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"urges": [{}], "include": false})"), "{}");
  EXPECT_EQ(runOk(*plan, R"({"urges": [{}], "include": true})"), R"({"urges":[{"seq":1}]})");
}

TEST(MappingFields, LaterFieldsOverwriteEarlierOnesButEmptyOnesDoNot) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/title", "from": "/a"}, {"to": "/title", "from": "/b"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"a": "first", "b": "second"})"), R"({"title":"second"})");
  EXPECT_EQ(runOk(*plan, R"({"a": "first"})"), R"({"title":"first"})");
}

} // namespace
} // namespace hotline::mapping::mapping_tests
