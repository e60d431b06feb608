// The real `hotline-sim scenario` binary on scenario files of tests/unit/simulators/data.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/child_process.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kData = std::string(HOTLINE_SOURCE_DIR) + "/tests/unit/simulators/data/";

TEST(ScenarioRun, AFailingStepExitsOneAndSaysWhichConditionFailed) {
  hotline::testing::CommandResult result =
      hotline::testing::runCommand(HOTLINE_SIM_BIN, {"scenario", kData + "scenario_failing.json"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("PASS  start core"));
  EXPECT_THAT(result.out, HasSubstr("PASS  [1] the simulator answers"));
  EXPECT_THAT(result.out, HasSubstr("FAIL  [2] waits in vain for a delivery"));
  EXPECT_THAT(result.out, HasSubstr("failing condition /steps/1/wait/until/1: /accepted is 0, "
                                    "expected 1"));
  EXPECT_THAT(result.out, HasSubstr("last response: 200 {\"received\":0"));
  EXPECT_THAT(result.out, Not(HasSubstr("never reached")));
  EXPECT_THAT(result.out, HasSubstr("FAILED at step 2 \"waits in vain for a delivery\", 1/3 "
                                    "steps passed"));
}

TEST(ScenarioRun, ABadFileExitsTwoAndRunsNothing) {
  std::string file = hotline::testing::writeTempFile("bad.json", R"({"scenario": 1,
        "processes": [{"name": "core", "sim": ["core"]}],
        "steps": [{"http": {"url": "http://127.0.0.1:${port:cor}/"}}]})");
  hotline::testing::CommandResult result =
      hotline::testing::runCommand(HOTLINE_SIM_BIN, {"scenario", file});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr(file + ": /steps/0/http/url: unknown port ${port:cor} "
                                           "(ports: core)"));
  EXPECT_EQ(result.out, "");
}

TEST(ScenarioRun, KeepPrintsTheTempDirWithTheLogsAndAllPassesExitZero) {
  std::string file = hotline::testing::writeTempFile("ok.json", R"({"scenario": 1,
        "name": "keep me",
        "files": {"plan": {"latency_ms": 1}},
        "processes": [{"name": "core", "sim": ["core"]}],
        "steps": [{"name": "set faults", "http": {"method": "POST",
                     "url": "http://127.0.0.1:${port:core}/sim/faults", "body": "${file_text:plan}"},
                   "save": {"latency": "/data/latency_ms"}},
                  {"http": {"url": "http://127.0.0.1:${port:core}/sim/faults"},
                   "expect": {"path": "/data/latency_ms", "equals": ${latency}}}]})");
  // ${latency} outside a string is not JSON: the file is refused.
  hotline::testing::CommandResult refused =
      hotline::testing::runCommand(HOTLINE_SIM_BIN, {"scenario", file});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("not JSON at line"));

  std::ofstream(file) << R"({"scenario": 1, "name": "keep me",
        "files": {"plan": {"latency_ms": 1}},
        "processes": [{"name": "core", "sim": ["core"]}],
        "steps": [{"name": "set faults", "http": {"method": "POST",
                     "url": "http://127.0.0.1:${port:core}/sim/faults", "body": "${file_text:plan}"},
                   "save": {"latency": "/data/latency_ms"}},
                  {"http": {"url": "http://127.0.0.1:${port:core}/sim/faults"},
                   "expect": {"path": "/data/latency_ms", "contains": "${latency}"}}]})";
  hotline::testing::CommandResult result =
      hotline::testing::runCommand(HOTLINE_SIM_BIN, {"scenario", file, "--keep"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("PASS  [1] set faults"));
  EXPECT_THAT(result.out, HasSubstr("PASS  [2] GET /sim/faults"));
  EXPECT_THAT(result.out, HasSubstr("scenario keep me: PASSED, 2/2 steps passed"));
  size_t at = result.out.find("temp dir ");
  ASSERT_NE(at, std::string::npos) << result.out;
  std::string dir = result.out.substr(at + 9, result.out.find(' ', at + 9) - at - 9);
  std::ifstream log(dir + "/core.log");
  std::string first;
  std::getline(log, first);
  EXPECT_THAT(first, HasSubstr("=== hotline-sim scenario: start #1: "));
  std::filesystem::remove_all(dir);
}

} // namespace
