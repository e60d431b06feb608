// trim, halfwidth, lower, upper, default, required, concat, split.
#include "tests/unit/mapping/mapping_test_support.h"

namespace hotline::mapping::mapping_tests {
namespace {

TEST(MappingTextTransforms, TrimStripsAsciiAndIdeographicSpace) {
  EXPECT_EQ(titleFrom(R"("\u3000 \t 路灯 不亮 \r\n\u3000")", R"(["trim"])"), "路灯 不亮");
  EXPECT_EQ(titleFrom(R"("abc")", R"(["trim"])"), "abc");
}

TEST(MappingTextTransforms, HalfwidthTurnsFullwidthAsciiAndSpaceHalfwidth) {
  EXPECT_EQ(titleFrom(R"("ＡＢＣ１２３（０３７０）！～\u3000中文")", R"(["halfwidth"])"),
            "ABC123(0370)!~ 中文");
}

TEST(MappingTextTransforms, LowerAndUpperChangeAsciiOnly) {
  EXPECT_EQ(titleFrom(R"("AbC 中文 Ü")", R"(["lower"])"), "abc 中文 Ü");
  EXPECT_EQ(titleFrom(R"("AbC 中文 ü")", R"(["upper"])"), "ABC 中文 ü");
}

TEST(MappingTextTransforms, DefaultFillsOnlyAMissingValue) {
  EXPECT_EQ(titleFrom(R"("")", R"([{"default": "无标题"}])"), "无标题");
  EXPECT_EQ(titleFrom(R"(null)", R"([{"default": "无标题"}])"), "无标题");
  EXPECT_EQ(titleFrom(R"("有")", R"([{"default": "无标题"}])"), "有");
  // After trim, a blank value is missing too.
  EXPECT_EQ(titleFrom(R"("  ")", R"(["trim", {"default": "无标题"}])"), "无标题");
}

TEST(MappingTextTransforms, RequiredRefusesAMissingValue) {
  EXPECT_EQ(titleError(R"("")", R"(["trim", "required"])"),
            "mappings/test/ticket.json: /title from /v: required value missing");
  EXPECT_EQ(titleFrom(R"("x")", R"(["required"])"), "x");
}

TEST(MappingTextTransforms, TransformsOtherThanDefaultAndRequiredSkipMissingValues) {
  // A date transform on a missing value is not an error: the field just writes nothing.
  auto plan = compileOk(inboundJson(R"([{"to": "/title", "from": "/t",
      "transforms": [{"date": {"formats": ["yyyy-MM-dd"]}}, "phone", "upper"]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, "{}"), "{}");
}

TEST(MappingTextTransforms, ConcatJoinsEveryNonEmptyFrom) {
  auto plan = compileOk(inboundJson(R"([{"to": "/address/text",
      "from": ["/province", "/city", "/county", "/street"],
      "transforms": [{"concat": {"separator": ""}}, "trim"]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(
      runOk(*plan, R"({"province": "河南省", "city": "商丘市", "county": "", "street": "文化路"})"),
      R"({"address":{"text":"河南省商丘市文化路"}})");
  auto spaced = compileOk(inboundJson(R"([{"to": "/title", "from": ["/a", "/b"],
      "transforms": [{"concat": {"separator": " - "}}]}])"));
  ASSERT_NE(spaced, nullptr);
  EXPECT_EQ(runOk(*spaced, R"({"a": "停水", "b": 3})"), R"({"title":"停水 - 3"})");
  EXPECT_EQ(runOk(*spaced, R"({"b": "only"})"), R"({"title":"only"})");
}

TEST(MappingTextTransforms, SplitUsesAsciiAndChineseSeparatorsByDefault) {
  const std::string mapping = R"({"mapping": 1, "direction": "inbound", "kind": "knowledge_article",
    "fields": [{"to": "/id", "value": "K1"}, {"to": "/title", "value": "t"},
               {"to": "/content", "value": "c"},
               {"to": "/tags", "from": "/tags", "transforms": ["split"]}]})";
  auto plan = compileOk(mapping);
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(
      runOk(*plan, R"({"tags": "户籍, 身份证，社保、 医保;公积金；；  ,"})"),
      R"({"id":"K1","title":"t","content":"c","tags":["户籍","身份证","社保","医保","公积金"]})");
}

TEST(MappingTextTransforms, SplitTakesItsOwnSeparatorsAndLaterTransformsApplyPerItem) {
  const std::string mapping = R"({"mapping": 1, "direction": "inbound", "kind": "knowledge_article",
    "fields": [{"to": "/id", "value": "K1"}, {"to": "/title", "value": "t"},
               {"to": "/content", "value": "c"},
               {"to": "/tags", "from": "/tags",
                "transforms": [{"split": {"separators": "|／"}}, "halfwidth", "upper"]}]})";
  auto plan = compileOk(mapping);
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"tags": "ａｂ|cd／ef,gh"})"),
            R"({"id":"K1","title":"t","content":"c","tags":["AB","CD","EF,GH"]})");
}

TEST(MappingTextTransforms, ASplitIntoASingleValueFieldIsALoadError) {
  EXPECT_EQ(loadError(inboundJson(R"([{"to": "/title", "from": "/v", "transforms": ["split"]}])")),
            "mappings/test/ticket.json: fields[0] (to /title): type conflict: the value is a list, "
            "but the field is a string");
}

} // namespace
} // namespace hotline::mapping::mapping_tests
