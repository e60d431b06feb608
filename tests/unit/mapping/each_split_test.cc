// `each` over the pieces of one text ({"from": path, "split": separators}), for JSON and XML
// sources: one item per piece, `.` reads the piece.
#include "tests/unit/mapping/mapping_test_support.h"

#include <gmock/gmock.h>

namespace hotline::mapping::mapping_tests {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Assignments whose co-units come as one text per flow, looked up in the fixture table.
constexpr std::string_view kCoUnitsInFlows = R"([
  {"to": "/assignments", "each": "/flows", "fields": [
    {"to": "seq", "from": "/n", "transforms": ["number"]},
    {"to": "co_units", "each": {"from": "/co"}, "fields": [
      {"to": "code", "from": ".",
       "transforms": [{"code": {"table": "department_units", "fallback": "keep"}}]},
      {"to": "name", "from": "."}]}]}])";

TEST(MappingEachSplit, JsonPiecesOnAsciiAndChineseSeparatorsBecomeItems) {
  auto plan = compileOk(inboundJson(kCoUnitsInFlows));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(
      runOk(*plan,
            R"({"flows": [{"n": 1, "co": "住建局、交通局，城管局,水利局;供电公司；自来水公司"}]})"),
      R"({"assignments":[{"seq":1,"co_units":[)"
      R"({"code":"411425-ZJ","name":"住建局"},{"code":"411425-JT","name":"交通局"},)"
      R"({"code":"411425-CG","name":"城管局"},{"code":"水利局","name":"水利局"},)"
      R"({"code":"供电公司","name":"供电公司"},{"code":"自来水公司","name":"自来水公司"}]}]})");
}

TEST(MappingEachSplit, NestedInsideAnotherEachEachFlowSplitsItsOwnText) {
  auto plan = compileOk(inboundJson(kCoUnitsInFlows));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"flows": [{"n": 1, "co": "住建局"}, {"n": 2},
                                       {"n": 3, "co": "交通局、城管局"}]})"),
            R"({"assignments":[{"seq":1,"co_units":[{"code":"411425-ZJ","name":"住建局"}]},)"
            R"({"seq":2},{"seq":3,"co_units":[{"code":"411425-JT","name":"交通局"},)"
            R"({"code":"411425-CG","name":"城管局"}]}]})");
}

TEST(MappingEachSplit, PiecesAreTrimmedAndEmptyPiecesDropped) {
  auto plan = compileOk(inboundJson(kCoUnitsInFlows));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"flows": [{"n": 1, "co": "、 、\u3000住建局 ,,；\u3000、"}]})"),
            R"({"assignments":[{"seq":1,"co_units":[{"code":"411425-ZJ","name":"住建局"}]}]})");
  for (std::string_view nothing : {R"("、，, ；")", R"("")", R"("  ")", "null"}) {
    EXPECT_EQ(runOk(*plan, R"({"flows": [{"n": 1, "co": )" + std::string(nothing) + "}]}"),
              R"({"assignments":[{"seq":1}]})")
        << nothing;
  }
  EXPECT_EQ(runOk(*plan, R"({"flows": [{"n": 1}]})"), R"({"assignments":[{"seq":1}]})");
}

TEST(MappingEachSplit, SplitNamesTheSeparatorCharacters) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/assignments", "each": "/flows", "fields": [
      {"to": "co_units", "each": {"from": "/co", "split": "|/"}, "fields": [{"to": "name", "from": "."}]}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"flows": [{"co": "住建局、交通局|城管局 / 水利局"}]})"),
            R"({"assignments":[{"co_units":[{"name":"住建局、交通局"},{"name":"城管局"},)"
            R"({"name":"水利局"}]}]})");
}

TEST(MappingEachSplit, NumbersAndListsOfStringsSplitToo) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/refs", "each": {"from": "/others"}, "fields": [
      {"to": "system", "value": "city"}, {"to": "number", "from": "."}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"others": 20240001})"),
            R"({"refs":[{"system":"city","number":"20240001"}]})");
  EXPECT_EQ(runOk(*plan, R"({"others": ["SQ-1、SQ-2", "SQ-3"]})"),
            R"({"refs":[{"system":"city","number":"SQ-1"},{"system":"city","number":"SQ-2"},)"
            R"({"system":"city","number":"SQ-3"}]})");
}

TEST(MappingEachSplit, WhenInsideAnItemTestsThePiece) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/assignments", "each": "/flows", "fields": [
      {"to": "co_units", "each": {"from": "/co"}, "fields": [
        {"to": "name", "from": ".", "when": {"path": ".", "matches": "局$"}}]}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"flows": [{"co": "住建局、供电公司、交通局"}]})"),
            R"({"assignments":[{"co_units":[{"name":"住建局"},{"name":"交通局"}]}]})");
}

TEST(MappingEachSplit, XmlElementTextAndAttributeSplit) {
  auto plan = compileOk(inbound(R"({"format": "xml", "namespaces": {"d": "urn:dept"}})", R"([
    {"to": "/assignments", "each": "/d:Ticket/d:Flows/d:Flow", "fields": [
      {"to": "seq", "from": "@seq", "transforms": ["number"]},
      {"to": "co_units", "each": {"from": "d:CoUnits", "split": "、，"}, "fields": [
        {"to": "code", "from": ".",
         "transforms": [{"code": {"table": "department_units", "fallback": "keep"}}]},
        {"to": "name", "from": "."}]}]},
    {"to": "/refs", "each": {"from": "/d:Ticket/@others"}, "fields": [
      {"to": "system", "value": "city"}, {"to": "number", "from": "."}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"(<Ticket xmlns="urn:dept" others="SQ-1;SQ-2"><Flows>
      <Flow seq="1"><CoUnits><![CDATA[住建局、交通局]]>，城管局</CoUnits></Flow>
      <Flow seq="2"><CoUnits> 、 </CoUnits></Flow></Flows></Ticket>)"),
            R"({"refs":[{"system":"city","number":"SQ-1"},{"system":"city","number":"SQ-2"}],)"
            R"("assignments":[{"seq":1,"co_units":[{"code":"411425-ZJ","name":"住建局"},)"
            R"({"code":"411425-JT","name":"交通局"},{"code":"411425-CG","name":"城管局"}]},)"
            R"({"seq":2}]})");
}

TEST(MappingEachSplit, RunErrorsNameThePieceFromOne) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/assignments", "each": "/flows", "fields": [
      {"to": "co_units", "each": {"from": "/co"}, "fields": [
        {"to": "code", "from": ".",
         "transforms": [{"code": {"table": "department_units", "fallback": "error"}}]}]}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, R"({"flows": [{"co": "住建局"}, {"co": "交通局、水利局"}]})"),
            "mappings/test/ticket.json: /assignments/1/co_units/1/code from /flows/1/co[2]: "
            "\"水利局\" is not in code table department_units");
}

TEST(MappingEachSplit, XmlRunErrorsNameThePieceAfterTheElement) {
  auto plan = compileOk(inbound(R"({"format": "xml"})", R"([
    {"to": "/assignments", "each": "/r/f", "fields": [
      {"to": "seq", "value": 1},
      {"to": "co_units", "each": {"from": "co"}, "fields": [
        {"to": "code", "from": ".",
         "transforms": [{"code": {"table": "department_units", "fallback": "error"}}]}]}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, R"(<r><f><co>住建局</co></f><f><co>交通局，水利局</co></f></r>)"),
            "mappings/test/ticket.json: /assignments/1/co_units/1/code from /r/f[2]/co[2]: "
            "\"水利局\" is not in code table department_units");
}

TEST(MappingEachSplit, AJsonObjectToSplitIsARunError) {
  auto plan = compileOk(inboundJson(kCoUnitsInFlows));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, R"({"flows": [{"n": 1, "co": {"name": "住建局"}}]})"),
            "mappings/test/ticket.json: /assignments/0/co_units from /flows/0/co: is an object, "
            "not a value");
}

TEST(MappingEachSplit, ExplainTracesThePiecesAndEachItem) {
  auto plan = compileOk(inboundJson(kCoUnitsInFlows));
  ASSERT_NE(plan, nullptr);
  Result<RunOutput> output = plan->run(R"({"flows": [{"n": 1, "co": "住建局、、水利局"}]})", true);
  ASSERT_TRUE(output.isOk()) << output.status().message();
  ASSERT_EQ(output->trace.size(), 7u);
  const FieldTrace& pieces = output->trace[2];
  EXPECT_EQ(pieces.to, "/assignments/0/co_units");
  EXPECT_EQ(pieces.source_path, "/flows/0/co");
  EXPECT_EQ(pieces.raw_value, "2 items");
  EXPECT_THAT(pieces.transforms, ElementsAre("each", "split"));
  EXPECT_EQ(pieces.result, "2 items");
  const FieldTrace& code = output->trace[5];
  EXPECT_EQ(code.to, "/assignments/0/co_units/1/code");
  EXPECT_EQ(code.source_path, "/flows/0/co[2]");
  EXPECT_EQ(code.raw_value, "水利局");
  EXPECT_THAT(code.transforms, ElementsAre("code department_units"));
  EXPECT_EQ(code.result, "水利局");
  EXPECT_EQ(output->trace[6].to, "/assignments/0/co_units/1/name");
  EXPECT_EQ(output->trace[6].source_path, "/flows/0/co[2]");
}

std::string splitLoadError(std::string_view each, std::string_view item_fields) {
  return loadError(inboundJson(R"([{"to": "/assignments", "each": "/flows", "fields": [
    {"to": "co_units", "each": )" +
                               std::string(each) + R"(, "fields": )" + std::string(item_fields) +
                               "}]}]"));
}

TEST(MappingEachSplit, ItemPathsOtherThanDotAreLoadErrors) {
  EXPECT_EQ(splitLoadError(R"({"from": "/co"})", R"([{"to": "name", "from": "/name"}])"),
            "mappings/test/ticket.json: fields[0] (to /assignments): fields[0] (to co_units): "
            "fields[0] (to name): an item of each with split is one piece of text: its only path "
            "is \".\" (the piece), not \"/name\"");
  EXPECT_THAT(splitLoadError(R"({"from": "/co"})", R"([{"to": "name", "from": [".", "x"]}])"),
              HasSubstr("its only path is \".\" (the piece), not \"x\""));
  EXPECT_THAT(
      splitLoadError(R"({"from": "/co"})",
                     R"([{"to": "name", "from": ".", "when": {"path": "/a", "exists": true}}])"),
      HasSubstr("(to name): when: an item of each with split is one piece of text: its "
                "only path is \".\" (the piece), not \"/a\""));
  EXPECT_THAT(
      splitLoadError(R"({"from": "/co"})",
                     R"([{"to": "name", "each": ".", "fields": [{"to": "x", "from": "."}]}])"),
      HasSubstr("(to name): an item of each with split is one piece of text: it cannot "
                "hold another each"));
}

TEST(MappingEachSplit, MalformedEachObjectsAreLoadErrors) {
  const std::string_view item = R"([{"to": "name", "from": "."}])";
  EXPECT_THAT(splitLoadError(R"({"split": "、"})", item),
              HasSubstr("(to co_units): each {\"from\": path, \"split\": separators} needs from"));
  EXPECT_THAT(splitLoadError(R"({"from": "/co", "split": ""})", item),
              HasSubstr("(to co_units): split must be a non-empty string"));
  EXPECT_THAT(splitLoadError(R"({"from": "/co", "split": 1})", item),
              HasSubstr("(to co_units): split must be a non-empty string"));
  EXPECT_THAT(splitLoadError(R"({"from": "/co", "spilt": "、"})", item),
              HasSubstr("unknown key \"spilt\" (did you mean \"split\"?)"));
  EXPECT_THAT(splitLoadError(R"(["/co"])", item),
              HasSubstr("each must be a source path (the repeated element or list), or "
                        "{\"from\": path, \"split\": separators} for the pieces of a text"));
}

TEST(MappingEachSplit, OutboundAndCsvMappingsKeepTheirOwnEach) {
  EXPECT_THAT(loadError(outbound(R"({"format": "json"})", R"([
    {"to": "/units", "each": {"from": "/title"}, "fields": [{"to": "name", "from": "."}]}])")),
              HasSubstr("each with split reads a peer's text: it is for inbound mappings"));
  EXPECT_THAT(loadError(inbound(R"({"format": "csv"})", R"([
    {"to": "/assignments", "each": {"from": "单位", "split": "、"}, "fields": [
      {"to": "lead_unit/name", "from": "单位"}]}])")),
              HasSubstr("each over a CSV record is {\"split\": \"|\"}"));
}

} // namespace
} // namespace hotline::mapping::mapping_tests
