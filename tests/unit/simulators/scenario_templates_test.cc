#include "simulators/scenario/src/templates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "simulators/scenario/src/json_reading.h"
#include "tests/support/child_process.h"

namespace hotline::sim::scenario {
namespace {

using ::testing::HasSubstr;

Variables sampleVariables() {
  Variables variables;
  variables.ports = {{"core", 4001}, {"county.admin", 4002}};
  variables.files = {{"key", "/tmp/x/key"}};
  variables.saved = {{"ticket", "01ABC"}};
  variables.tmp = "/tmp/x";
  variables.scenario_dir = "/src/scenarios";
  return variables;
}

Result<std::string> expand(const std::string& text, const Variables& variables) {
  return expandReferences(text,
                          [&](const Reference& ref) { return resolveReference(ref, variables); });
}

TEST(ScenarioTemplates, ExpandsEveryKindOfReference) {
  Result<std::string> text =
      expand("http://127.0.0.1:${port:core}/t/${ticket} ${port:county.admin} ${file:key} ${tmp} "
             "${scenario_dir}",
             sampleVariables());
  ASSERT_TRUE(text) << text.status().message();
  EXPECT_EQ(*text, "http://127.0.0.1:4001/t/01ABC 4002 /tmp/x/key /tmp/x /src/scenarios");
}

TEST(ScenarioTemplates, LeavesOtherDollarsAndUnescapesDoubleDollar) {
  Result<std::string> text = expand("cost $5, literal $${port:core}, end $", sampleVariables());
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "cost $5, literal ${port:core}, end $");
}

TEST(ScenarioTemplates, RefusesMalformedReferences) {
  Variables variables = sampleVariables();
  EXPECT_THAT(expand("a ${port:core", variables).status().message(),
              HasSubstr("unterminated variable \"${port:core\""));
  EXPECT_THAT(expand("${port:}", variables).status().message(),
              HasSubstr("${port:} names nothing after \"port:\""));
  EXPECT_THAT(expand("${env:HOME}", variables).status().message(),
              HasSubstr("malformed variable ${env:HOME}"));
  EXPECT_THAT(expand("${ticket2}", variables).status().message(),
              HasSubstr("unknown variable ${ticket2}"));
}

TEST(ScenarioTemplates, FileTextReadsTheFileWithoutItsLastNewline) {
  std::string path = hotline::testing::writeTempFile("token", "s3cret\n");
  Variables variables = sampleVariables();
  variables.files["token"] = path;
  Result<std::string> text = expand("Bearer ${file_text:token}", variables);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "Bearer s3cret");
  variables.files["token"] = path + ".missing";
  EXPECT_THAT(expand("${file_text:token}", variables).status().message(),
              HasSubstr("${file_text:token}: cannot read " + path + ".missing"));
}

TEST(ScenarioTemplates, SubstitutesNestedStringsAndNamesThePathOfAFailure) {
  rapidjson::Document doc;
  doc.Parse(R"({"url": "http://h:${port:core}", "list": [1, "${ticket}", {"k": "${tmp}"}]})");
  ASSERT_TRUE(substituteStrings(doc, doc.GetAllocator(), "/steps/0", sampleVariables()).isOk());
  EXPECT_EQ(jsonText(doc), R"({"url":"http://h:4001","list":[1,"01ABC",{"k":"/tmp/x"}]})");

  rapidjson::Document bad;
  bad.Parse(R"({"a": {"b": ["x", "${port:nope}"]}})");
  Status status = substituteStrings(bad, bad.GetAllocator(), "/steps/3", sampleVariables());
  EXPECT_EQ(status.message(), "/steps/3/a/b/1: unknown port ${port:nope}");
}

TEST(ScenarioTemplates, CheckReportsUnknownNamesWithWhatIsKnown) {
  rapidjson::Document doc;
  doc.Parse(R"({"h": {"a/b": "${file:k} ${port:x} ${v}"}})");
  KnownNames known;
  known.ports = {"core"};
  known.files = {"k"};
  Problems problems;
  checkReferences(doc, "/steps/1", known, problems);
  ASSERT_EQ(problems.list().size(), 1u);
  EXPECT_EQ(problems.list()[0], "/steps/1/h/a~1b: unknown port ${port:x} (ports: core)");
}

} // namespace
} // namespace hotline::sim::scenario
