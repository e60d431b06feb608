// --explain: per target field, the source path that won, the raw value, the transforms and
// the result, personal values masked.
#include "tests/unit/mapping/mapping_test_support.h"

#include <gmock/gmock.h>

namespace hotline::mapping::mapping_tests {
namespace {

using ::testing::ElementsAre;

TEST(MappingExplain, TracesEveryFieldWithTheWinningPath) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/title", "from": ["/subject", "/title"], "transforms": ["trim"]},
    {"to": "/channel", "value": "phone"},
    {"to": "/category/type", "from": "/type",
     "transforms": [{"code": {"table": "category_types", "fallback": "other"}}]},
    {"to": "/requester/phone", "from": "/tel", "transforms": ["phone"]},
    {"to": "/address/text", "from": ["/a", "/b"], "transforms": [{"concat": {"separator": ""}}]},
    {"to": "/result", "from": "/result"},
    {"to": "/urgency", "value": "urgent", "when": {"path": "/level", "equals": "2"}}])"));
  ASSERT_NE(plan, nullptr);
  Result<RunOutput> output = plan->run(
      R"({"title": " 停水 ", "type": "投诉", "tel": "+86 138 1234 5678",
          "a": "虞城县文化路", "b": "民主路交叉口东100米", "level": "1"})",
      true);
  ASSERT_TRUE(output.isOk()) << output.status().message();
  ASSERT_EQ(output->trace.size(), 7u);
  const FieldTrace& title = output->trace[0];
  EXPECT_EQ(title.to, "/title");
  EXPECT_EQ(title.source_path, "/title");
  EXPECT_EQ(title.raw_value, " 停水 ");
  EXPECT_THAT(title.transforms, ElementsAre("trim"));
  EXPECT_EQ(title.result, "停水");
  EXPECT_EQ(output->trace[1].source_path, "(value)");
  EXPECT_EQ(output->trace[1].result, "phone");
  EXPECT_THAT(output->trace[2].transforms, ElementsAre("code category_types"));
  EXPECT_EQ(output->trace[2].result, "complaint");
  const FieldTrace& phone = output->trace[3];
  EXPECT_EQ(phone.raw_value.find("1234"), std::string::npos) << phone.raw_value;
  EXPECT_EQ(phone.result, "138****5678");
  const FieldTrace& address = output->trace[4];
  EXPECT_EQ(address.source_path, "/a + /b");
  EXPECT_EQ(address.result, "虞城县文化路***********");
  const FieldTrace& missing = output->trace[5];
  EXPECT_EQ(missing.source_path, "/result");
  EXPECT_EQ(missing.raw_value, "");
  EXPECT_EQ(missing.result, "");
  EXPECT_THAT(output->trace[6].transforms, ElementsAre("when /level equals 2: no, skipped"));
}

TEST(MappingExplain, TracesItemsOfEachWithTheirIndexes) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/assignments", "each": "/flows", "fields": [
      {"to": "seq", "from": "/n", "transforms": ["number"]}]}])"));
  ASSERT_NE(plan, nullptr);
  Result<RunOutput> output = plan->run(R"({"flows": [{"n": 1}, {}, {"n": "2"}]})", true);
  ASSERT_TRUE(output.isOk()) << output.status().message();
  ASSERT_EQ(output->trace.size(), 3u);
  EXPECT_EQ(output->trace[0].to, "/assignments");
  EXPECT_EQ(output->trace[0].raw_value, "3 items");
  EXPECT_EQ(output->trace[0].result, "2 items");
  EXPECT_EQ(output->trace[1].to, "/assignments/0/seq");
  EXPECT_EQ(output->trace[1].source_path, "/flows/0/n");
  EXPECT_EQ(output->trace[2].to, "/assignments/1/seq");
  EXPECT_EQ(output->trace[2].source_path, "/flows/2/n");
  EXPECT_EQ(output->trace[2].result, "2");
}

TEST(MappingExplain, NoTraceUnlessAsked) {
  auto plan = compileOk(inboundJson(R"([{"to": "/title", "from": "/t"}])"));
  ASSERT_NE(plan, nullptr);
  Result<RunOutput> output = plan->run(R"({"t": "x"})");
  ASSERT_TRUE(output.isOk());
  EXPECT_TRUE(output->trace.empty());
}

} // namespace
} // namespace hotline::mapping::mapping_tests
