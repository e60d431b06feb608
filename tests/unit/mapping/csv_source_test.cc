// The CSV reader: RFC 4180 quoting, BOM, CRLF, header and numbered columns, `each` split.
#include "tests/unit/mapping/mapping_test_support.h"

namespace hotline::mapping::mapping_tests {
namespace {

TEST(MappingCsvSource, ReadsColumnsByHeaderName) {
  auto plan = compileOk(inbound(R"({"format": "csv"})", R"([
    {"to": "/title", "from": "诉求标题"}, {"to": "/content", "from": "诉求内容"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, "\xEF\xBB\xBF工单编号,诉求标题,诉求内容\r\nYC-1,路灯不亮,\"文化路, "
                         "\"\"民主路\"\"\r\n口\"\r\n"),
            "{\"title\":\"路灯不亮\",\"content\":\"文化路, \\\"民主路\\\"\\r\\n口\"}");
}

TEST(MappingCsvSource, HeaderNamesAreTrimmedAndMissingColumnsAreEmpty) {
  auto plan = compileOk(inbound(R"({"format": "csv"})", R"([
    {"to": "/title", "from": "诉求标题"}, {"to": "/content", "from": ["不存在", "内容"]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, " 诉求标题 , 内容\n停水,三天没水\n"),
            R"({"title":"停水","content":"三天没水"})");
}

TEST(MappingCsvSource, ReadsNumberedColumnsWithoutAHeader) {
  auto plan = compileOk(inbound(R"({"format": "csv", "header": false, "delimiter": "\t"})", R"([
    {"to": "/title", "from": "2"}, {"to": "/content", "from": "3"}, {"to": "/result", "from": "9"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, "YC-1\t停水\t三天没水"), R"({"title":"停水","content":"三天没水"})");
}

TEST(MappingCsvSource, AcceptsAChineseDelimiter) {
  auto plan = compileOk(inbound(R"({"format": "csv", "header": false, "delimiter": "，"})",
                                R"([{"to": "/title", "from": "2"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, "a，b，c"), R"({"title":"b"})");
}

TEST(MappingCsvSource, EachSplitsCellsIntoItems) {
  auto plan = compileOk(inbound(R"({"format": "csv"})", R"([
    {"to": "/content", "from": "内容"},
    {"to": "/assignments", "each": {"split": "|"}, "fields": [
      {"to": "seq", "from": "交办次数", "transforms": ["number"]},
      {"to": "lead_unit/name", "from": "主办单位"},
      {"to": "instructions", "from": "交办意见"}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, "内容,交办次数,主办单位,交办意见\n停水,1|2,城管局|住建局,尽快|\n"),
            R"({"content":"停水","assignments":[{"seq":1,"lead_unit":{"name":"城管局"},)"
            R"("instructions":"尽快"},{"seq":2,"lead_unit":{"name":"住建局"}}]})");
}

TEST(MappingCsvSource, ErrorsNameTheLineOfTheProblem) {
  auto plan = compileOk(inbound(R"({"format": "csv"})", R"([{"to": "/title", "from": "a"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, "a,b\n\"open,1\n"),
            "mappings/test/ticket.json: input is not valid CSV: CSV quote opened on line 2 is "
            "never closed");
  EXPECT_EQ(runError(*plan, "a,b\n\"x\"y,1\n"),
            "mappings/test/ticket.json: input is not valid CSV: CSV line 2: text after a closing "
            "quote (write a quote inside quotes as \"\")");
  EXPECT_EQ(runError(*plan, "a,b\n1,2\n3,4\n"),
            "mappings/test/ticket.json: input is not one CSV record after a header line: it has 2");
  EXPECT_EQ(runError(*plan, "a,b\n"),
            "mappings/test/ticket.json: input is not one CSV record after a header line: it has 0");
}

TEST(MappingCsvSource, BadColumnsAndOptionsAreLoadErrors) {
  EXPECT_EQ(loadError(inbound(R"({"format": "csv", "header": false})",
                              R"([{"to": "/title", "from": "标题"}])")),
            "mappings/test/ticket.json: fields[0] (to /title): bad CSV column \"标题\": without a "
            "header, columns are numbers from \"1\"");
  EXPECT_EQ(loadError(inbound(R"({"format": "csv", "delimiter": ",,"})",
                              R"([{"to": "/title", "from": "a"}])")),
            "mappings/test/ticket.json: source.delimiter: must be one character (not a quote or "
            "a line break)");
  EXPECT_EQ(loadError(inbound(R"({"format": "csv"})",
                              R"([{"to": "/assignments", "each": "/x", "fields": [
                                   {"to": "seq", "from": "a"}]}])")),
            "mappings/test/ticket.json: fields[0] (to /assignments): each over a CSV record is "
            "{\"split\": \"|\"}: the separator of the cells to split");
}

} // namespace
} // namespace hotline::mapping::mapping_tests
