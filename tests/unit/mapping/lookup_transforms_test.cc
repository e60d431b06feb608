// code (tables of mappings/codes/) and enum (inline maps), with their declared fallbacks.
#include "tests/unit/mapping/mapping_test_support.h"

namespace hotline::mapping::mapping_tests {
namespace {

std::shared_ptr<const Plan> categoryPlan(std::string_view fallback) {
  return compileOk(inboundJson(R"([{"to": "/category/type", "from": "/type",
      "transforms": ["trim", {"code": {"table": "category_types", "fallback": )" +
                               std::string(fallback) + "}}]}]"));
}

TEST(MappingLookupTransforms, CodeLooksTheValueUpInTheTable) {
  auto plan = categoryPlan(R"("other")");
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"type": " 投诉 "})"), R"({"category":{"type":"complaint"}})");
}

TEST(MappingLookupTransforms, CodeFallbackValueReplacesAnUnknownValue) {
  auto plan = categoryPlan(R"("other")");
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"type": "意见"})"), R"({"category":{"type":"other"}})");
}

TEST(MappingLookupTransforms, CodeFallbackErrorRefusesAnUnknownValue) {
  auto plan = categoryPlan(R"("error")");
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, R"({"type": "意见"})"),
            "mappings/test/ticket.json: /category/type from /type: \"意见\" is not in code table "
            "category_types");
}

TEST(MappingLookupTransforms, CodeFallbackKeepPassesTheValueOn) {
  auto plan = compileOk(inboundJson(R"([{"to": "/category/topic_code", "from": "/unit",
      "transforms": [{"code": {"table": "department_units", "fallback": "keep"}}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"unit": "城管局"})"), R"({"category":{"topic_code":"411425-CG"}})");
  EXPECT_EQ(runOk(*plan, R"({"unit": "教育局"})"), R"({"category":{"topic_code":"教育局"}})");
}

TEST(MappingLookupTransforms, AKeptValueOutsideTheTargetsEnumIsARunError) {
  auto plan = categoryPlan(R"("keep")");
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, R"({"type": "意见"})"),
            "mappings/test/ticket.json: /category/type from /type: \"意见\" is not a canonical "
            "category_type (consult, help, complaint, report, suggestion, praise, other)");
}

TEST(MappingLookupTransforms, EnumMapsInline) {
  auto plan = compileOk(inboundJson(R"([{"to": "/urgency", "from": "/level",
      "transforms": [{"enum": {"map": {"1": "normal", "2": "urgent", "3": "critical"},
                               "fallback": "normal"}}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"level": 2})"), R"({"urgency":"urgent"})");
  EXPECT_EQ(runOk(*plan, R"({"level": "3"})"), R"({"urgency":"critical"})");
  EXPECT_EQ(runOk(*plan, R"({"level": "9"})"), R"({"urgency":"normal"})");
}

TEST(MappingLookupTransforms, EnumFallbackError) {
  auto plan = compileOk(inboundJson(R"([{"to": "/urgency", "from": "/level",
      "transforms": [{"enum": {"map": {"1": "normal"}, "fallback": "error"}}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, R"({"level": "9"})"),
            "mappings/test/ticket.json: /urgency from /level: \"9\" is not in the enum map");
}

TEST(MappingLookupTransforms, LoadErrors) {
  EXPECT_EQ(loadError(inboundJson(R"([{"to": "/category/type", "from": "/t",
      "transforms": [{"code": {"table": "category_type", "fallback": "other"}}]}])")),
            "mappings/test/ticket.json: fields[0] (to /category/type): transforms[0]: code: code "
            "table \"category_type\" does not exist (no mappings/codes/category_type.json) (did "
            "you mean \"category_types\"?)");
  EXPECT_EQ(loadError(inboundJson(R"([{"to": "/category/type", "from": "/t",
      "transforms": [{"code": {"table": "category_types"}}]}])")),
            "mappings/test/ticket.json: fields[0] (to /category/type): transforms[0]: code: "
            "fallback is required: a value, \"keep\" (keep the input) or \"error\"");
  EXPECT_EQ(loadError(inboundJson(R"([{"to": "/urgency", "from": "/t",
      "transforms": [{"enum": {"map": {"1": "normal", "2": "urgnet"}, "fallback": "normal"}}]}])")),
            "mappings/test/ticket.json: fields[0] (to /urgency): transforms[0]: \"urgnet\" is not "
            "a canonical urgency (normal, urgent, critical)");
  EXPECT_EQ(loadError(inboundJson(R"([{"to": "/urgency", "from": "/t",
      "transforms": [{"enum": {"map": {"1": "normal"}, "fallback": "asap"}}]}])")),
            "mappings/test/ticket.json: fields[0] (to /urgency): transforms[0]: \"asap\" is not a "
            "canonical urgency (normal, urgent, critical)");
  EXPECT_EQ(loadError(inboundJson(R"([{"to": "/urgency", "from": "/t",
      "transforms": [{"enum": {"map": {}, "fallback": "normal"}}]}])")),
            "mappings/test/ticket.json: fields[0] (to /urgency): transforms[0]: enum: map is "
            "required: an object of peer value -> canonical value");
  // A code table whose values are not canonical category types cannot feed /category/type.
  EXPECT_EQ(loadError(inboundJson(R"([{"to": "/category/type", "from": "/t",
      "transforms": [{"code": {"table": "department_units", "fallback": "other"}}]}])"))
                .find("\"411425-CG\" is not a canonical category_type"),
            std::string("mappings/test/ticket.json: fields[0] (to /category/type): transforms[0]: ")
                .size());
}

TEST(MappingLookupTransforms, CodeTablesLoadFromADirectory) {
  const CodeTables& codes = fixtureCodes();
  EXPECT_EQ(codes.tableNames(), (std::vector<std::string>{"category_types", "department_units"}));
  ASSERT_NE(codes.lookup("category_types", "举报"), nullptr);
  EXPECT_EQ(*codes.lookup("category_types", "举报"), "report");
  EXPECT_EQ(codes.lookup("category_types", "nope"), nullptr);
  EXPECT_EQ(codes.lookup("nope", "举报"), nullptr);
}

} // namespace
} // namespace hotline::mapping::mapping_tests
