// The JSON reader: pointers, escapes, array indexes, [key=value] filters, value types, and
// malformed input.
#include "tests/unit/mapping/mapping_test_support.h"

namespace hotline::mapping::mapping_tests {
namespace {

TEST(MappingJsonSource, ReadsPointersIntoObjectsAndArrays) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/title", "from": "/data/ticket/title"},
    {"to": "/content", "from": "/items/1/text"},
    {"to": "/accepted_by", "from": "/a~1b/c~0d"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"data": {"ticket": {"title": "路灯不亮"}},
                             "items": [{"text": "first"}, {"text": "second"}],
                             "a/b": {"c~d": "王五"}})"),
            R"({"title":"路灯不亮","content":"second","accepted_by":"王五"})");
}

TEST(MappingJsonSource, FilterSegmentSelectsTheFirstMatchingElement) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/title", "from": "/refs/[system=shangqiu-12345]/number"},
    {"to": "/content", "from": "/refs/[seq=2]/number"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"refs": [{"system": "province", "number": "P-1"},
                                      {"system": "shangqiu-12345", "number": "SQ-7", "seq": 2},
                                      {"system": "shangqiu-12345", "number": "SQ-8"}]})"),
            R"({"title":"SQ-7","content":"SQ-7"})");
}

TEST(MappingJsonSource, FilterValueMayHoldASlash) {
  auto plan = compileOk(inboundJson(R"([{"to": "/title", "from": "/refs/[system=a/b]/number"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"refs": [{"system": "a/b", "number": "7"}]})"), R"({"title":"7"})");
}

TEST(MappingJsonSource, MissingPathsNullAndBlankWriteNothing) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/title", "from": "/missing/deeper"},
    {"to": "/content", "from": "/nothing"},
    {"to": "/result", "from": "/blank"},
    {"to": "/accepted_by", "from": "/items/5"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"nothing": null, "blank": " \u3000 ", "items": []})"), "{}");
}

TEST(MappingJsonSource, FirstNonEmptyFromWins) {
  auto plan = compileOk(inboundJson(R"([{"to": "/title", "from": ["/a", "/b", "/c"]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"a": "", "b": "second", "c": "third"})"), R"({"title":"second"})");
  EXPECT_EQ(runOk(*plan, R"({"c": "third"})"), R"({"title":"third"})");
}

TEST(MappingJsonSource, NumbersAndBooleansReadAsTheirText) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/title", "from": "/n"},
    {"to": "/content", "from": "/b"},
    {"to": "/result", "from": "/f"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"n": 20240001, "b": true, "f": 1.25})"),
            R"({"title":"20240001","content":"true","result":"1.25"})");
}

TEST(MappingJsonSource, AnObjectWhereAValueIsExpectedIsARunError) {
  auto plan = compileOk(inboundJson(R"([{"to": "/title", "from": "/data"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, R"({"data": {"x": 1}})"),
            "mappings/test/ticket.json: /title from /data: is an object, not a value");
}

TEST(MappingJsonSource, MalformedInputNamesLineAndColumnButNotTheContent) {
  auto plan = compileOk(inboundJson(R"([{"to": "/title", "from": "/a"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, "{\"a\": \"13812345678\",\n  \"b\" 1}"),
            "mappings/test/ticket.json: input is not valid JSON: line 2, column 7: Missing a "
            "colon after a name of object member");
  EXPECT_NE(runError(*plan, "{\"a\": \"\xff\"}").find("input is not valid JSON"),
            std::string::npos);
}

TEST(MappingJsonSource, DeeplyNestedInputIsRefusedOrReadWithoutCrashing) {
  auto plan = compileOk(inboundJson(R"([{"to": "/title", "from": "/a"}])"));
  ASSERT_NE(plan, nullptr);
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  Result<RunOutput> output = plan->run(deep);
  // The iterative parser needs no stack depth: the document parses and has no /a.
  ASSERT_TRUE(output.isOk()) << output.status().message();
  EXPECT_EQ(output->document, "{}");
}

} // namespace
} // namespace hotline::mapping::mapping_tests
