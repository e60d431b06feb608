// `hotline-gateway mapping test` of the real binary on the shipped department mapping and its
// samples: the printed result, --expect (match, mismatch with a diff, expected refusal),
// --explain, errors, --codes and usage errors.
#include "tests/support/child_process.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace hotline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kDepartment = std::string(HOTLINE_SOURCE_DIR) + "/mappings/department";
const std::string kMapping = kDepartment + "/ticket.json";
const std::string kSample = kDepartment + "/samples/streetlight.ticket.json";
const std::string kExpected = kDepartment + "/samples/streetlight.ticket.expected.json";
const std::string kBroken = kDepartment + "/samples/broken.ticket.json";

CommandResult mappingTest(std::vector<std::string> extra) {
  std::vector<std::string> args = {"mapping", "test"};
  args.insert(args.end(), extra.begin(), extra.end());
  return runCommand(HOTLINE_GATEWAY_BIN, args);
}

std::string readFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// The line of `text` that starts with `prefix`, or "".
std::string lineStartingWith(const std::string& text, const std::string& prefix) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with(prefix)) {
      return line;
    }
  }
  return "";
}

TEST(MappingCli, PrintsTheCanonicalResultPrettyPrinted) {
  CommandResult result = mappingTest({kMapping, kSample});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // Canonical member order (refs first), indented by two spaces.
  EXPECT_THAT(result.out,
              StartsWith("{\n  \"refs\": [\n    {\n      \"system\": \"yucheng-12345\""));
  EXPECT_THAT(result.out, HasSubstr("\n  \"status\": \"signed\",\n"));
  EXPECT_THAT(result.out, HasSubstr("\n  \"created_at\": \"2024-04-10T09:30:00+08:00\",\n"));
  EXPECT_THAT(result.out, Not(HasSubstr("explain:")));
  EXPECT_EQ(result.err, "");
}

TEST(MappingCli, ExpectWithTheGoldenFileMatches) {
  CommandResult result = mappingTest({kMapping, kSample, "--expect", kExpected});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("ok: the result matches " + kExpected));
}

TEST(MappingCli, ExpectMismatchPrintsAUnifiedDiffAndFails) {
  std::string expected = readFile(kExpected);
  const std::string from = "\"status\": \"signed\"";
  ASSERT_NE(expected.find(from), std::string::npos);
  expected.replace(expected.find(from), from.size(), "\"status\": \"assigned\"");
  const std::string changed = writeTempFile("changed.ticket.expected.json", expected);

  CommandResult result = mappingTest({kMapping, kSample, "--expect", changed});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("--- " + changed + "\n+++ actual\n@@ "));
  EXPECT_THAT(result.out,
              HasSubstr("\n-  \"status\": \"assigned\",\n+  \"status\": \"signed\",\n"));
  // Only the changed member and its context, not the whole document.
  EXPECT_THAT(result.out, Not(HasSubstr("-  \"channel\"")));
  EXPECT_THAT(result.err, HasSubstr("the result differs from " + changed));
}

TEST(MappingCli, ExplainShowsEachFieldsSourceTransformsAndResult) {
  CommandResult result = mappingTest({kMapping, kSample, "--explain"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ASSERT_THAT(result.out, HasSubstr("\nexplain:\n"));
  const std::string explain = result.out.substr(result.out.find("\nexplain:\n"));

  const std::string created = lineStartingWith(explain, "  /created_at <- /data/createTime ");
  EXPECT_THAT(created, HasSubstr("\"2024-04-10 09:30:00\" | "));
  EXPECT_THAT(created, HasSubstr("date"));
  EXPECT_THAT(created, HasSubstr(" -> \"2024-04-10T09:30:00+08:00\""));

  const std::string urgency = lineStartingWith(explain, "  /urgency <- /data/urgencyCode ");
  EXPECT_THAT(urgency, HasSubstr("\"2\" | "));
  EXPECT_THAT(urgency, HasSubstr("urgency"));
  EXPECT_THAT(urgency, HasSubstr(" -> \"urgent\""));

  EXPECT_THAT(lineStartingWith(explain, "  /region/city <- "), HasSubstr("\"411400\""));
  EXPECT_THAT(explain, HasSubstr("  /assignments/1/lead_unit/code <- "));

  // Personal values are masked in the trace (the document itself carries them).
  const std::string phone = lineStartingWith(explain, "  /requester/phone <- /data/ldhm ");
  ASSERT_NE(phone, "") << explain;
  EXPECT_THAT(phone, Not(HasSubstr("13800000001")));
  EXPECT_THAT(phone, Not(HasSubstr("138 0000 0001")));
  const std::string name = lineStartingWith(explain, "  /requester/name <- /data/sqrxm ");
  ASSERT_NE(name, "") << explain;
  EXPECT_THAT(name, Not(HasSubstr("张三")));
}

TEST(MappingCli, ARefusedPayloadPrintsEveryErrorMasked) {
  CommandResult result = mappingTest({kMapping, kBroken});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  for (const char* expected :
       {"/content from /data/sqnr", "required value missing", "/created_at from /data/createTime",
        "/status from /data/status", "/requester/phone from /data/ldhm"}) {
    EXPECT_THAT(result.err, HasSubstr(expected));
  }
  EXPECT_THAT(result.err, Not(HasSubstr("12ab"))) << "a personal value in an error";
}

TEST(MappingCli, ExpectAnErrorFileAcceptsTheRefusalAndRejectsASuccess) {
  const std::string errors = kDepartment + "/samples/broken.ticket.expected-error.txt";
  CommandResult refused = mappingTest({kMapping, kBroken, "--expect", errors});
  EXPECT_EQ(refused.exit_code, 0) << refused.err;
  EXPECT_THAT(refused.out, HasSubstr("ok: refused as"));

  CommandResult accepted = mappingTest({kMapping, kSample, "--expect", errors});
  EXPECT_EQ(accepted.exit_code, 1);
  EXPECT_THAT(accepted.err, HasSubstr("was accepted, but"));
}

TEST(MappingCli, ABrokenMappingIsReportedWithFileAndField) {
  const std::string mapping = writeTempFile("bad.json", R"({"mapping": 1, "direction": "inbound",
    "kind": "ticket", "source": {"format": "json"},
    "fields": [{"to": "/created_at", "from": "/t", "transforms": ["datee"]}]})");
  CommandResult result = mappingTest({mapping, kSample, "--codes", kDepartment + "/../codes"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr(mapping));
  EXPECT_THAT(result.err, HasSubstr("/created_at"));
  EXPECT_THAT(result.err, HasSubstr("did you mean \"date\""));
}

TEST(MappingCli, CodesOptionReplacesTheDefaultTables) {
  const std::string empty_codes = makeTempDir();
  CommandResult result = mappingTest({kMapping, kSample, "--codes", empty_codes});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("category_types"));
}

TEST(MappingCli, UsageErrors) {
  CommandResult missing = mappingTest({kMapping});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("usage: hotline-gateway mapping test MAPPING INPUT"));
  CommandResult unknown = mappingTest({kMapping, kSample, "--explian"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("unknown option \"--explian\""));
  CommandResult no_input = mappingTest({kMapping, kDepartment + "/samples/no-such.json"});
  EXPECT_EQ(no_input.exit_code, 2);
  EXPECT_THAT(no_input.err, HasSubstr("cannot read"));
  CommandResult help = runCommand(HOTLINE_GATEWAY_BIN, {"help"});
  EXPECT_THAT(help.out, HasSubstr("mapping test MAPPING INPUT"));
}

// An outbound mapping that reads deployment parameters: taken from the folder's
// samples/params.json (the values its samples were written with), --param over them.
TEST(MappingCli, ParamsComeFromTheSamplesParamsJsonAndParamOverridesThem) {
  const std::string soap = std::string(HOTLINE_SOURCE_DIR) + "/mappings/exchange-soap";
  const std::string mapping = soap + "/ticket.out.json";
  const std::string sample = soap + "/samples/escalation.ticket.out.json";
  CommandResult shipped = mappingTest({mapping, sample});
  EXPECT_EQ(shipped.exit_code, 0) << shipped.err;
  EXPECT_THAT(shipped.out, HasSubstr("system=\"yucheng-12345\""));
  EXPECT_THAT(shipped.out, HasSubstr("level=\"county\""));

  CommandResult given = mappingTest({mapping, sample, "--param", "system=xiayi-12345"});
  EXPECT_EQ(given.exit_code, 0) << given.err;
  EXPECT_THAT(given.out, HasSubstr("system=\"xiayi-12345\""));
  EXPECT_THAT(given.out, HasSubstr("level=\"county\""));

  // The same mapping in a folder of its own, with no samples/params.json: each missing
  // parameter is named.
  const std::string alone = makeTempDir() + "/ticket.out.json";
  std::ofstream(alone) << readFile(mapping);
  CommandResult missing = mappingTest({alone, sample, "--param", "system=xiayi-12345"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("the mapping parameter \"level\" is not set"));
  EXPECT_THAT(missing.err, Not(HasSubstr("\"system\" is not set")));

  for (const char* bad : {"level", "Level=county", "=county"}) {
    CommandResult refused = mappingTest({mapping, sample, "--param", bad});
    EXPECT_EQ(refused.exit_code, 2) << bad;
    EXPECT_THAT(refused.err, HasSubstr("--param needs NAME=VALUE")) << bad;
  }
}

} // namespace
} // namespace hotline::testing
