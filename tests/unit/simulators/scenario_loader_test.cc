#include "simulators/scenario/src/scenario_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace hotline::sim::scenario {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

LoadResult load(const std::string& text) {
  return loadScenarioText(text, "t.json", "/scen");
}

// A scenario with a core simulator and a gateway, and `steps` as its steps.
std::string withSteps(const std::string& steps) {
  return R"({"scenario": 1, "name": "t",
    "files": {"token": "secret-${port:core}"},
    "processes": [{"name": "core", "sim": ["core"]},
                  {"name": "county", "gateway": {"log": {"path": "${tmp}/x"}}}],
    "steps": )" +
         steps + "}";
}

TEST(ScenarioLoader, ReadsProcessesAndEveryKindOfStep) {
  LoadResult result = load(withSteps(R"([
    {"name": "post", "http": {"method": "POST", "url": "http://127.0.0.1:${port:county}/a",
      "headers": {"Authorization": "Bearer ${file_text:token}"}, "json": {"n": 1}},
     "expect": {"status": 201}, "save": {"ticket": "/ticket_id"}},
    {"wait": {"http": {"url": "http://127.0.0.1:${port:core}/sim/tickets/${ticket}"},
              "until": [{"path": "/items", "count": 1}], "timeout_ms": 500}},
    {"wait": {"log": "county", "contains": "ready"}},
    {"stop": "county", "exit_code": 0}, {"start": "county"}, {"kill": "core"},
    {"restart": "core"}, {"sleep_ms": 5}])"));
  ASSERT_TRUE(result.scenario) << ::testing::PrintToString(result.problems);
  const Scenario& scenario = *result.scenario;
  EXPECT_EQ(scenario.dir, "/scen");
  ASSERT_EQ(scenario.processes.size(), 2u);
  EXPECT_EQ(scenario.processes[0].kind, ProcessKind::Sim);
  EXPECT_THAT(scenario.processes[0].args, ElementsAre("core"));
  EXPECT_EQ(scenario.processes[1].kind, ProcessKind::Gateway);
  ASSERT_EQ(scenario.steps.size(), 8u);
  const Step& post = scenario.steps[0];
  EXPECT_EQ(post.kind, StepKind::Http);
  EXPECT_EQ(post.name, "post");
  EXPECT_EQ(post.request.body, R"({"n":1})");
  EXPECT_TRUE(post.request.json_body);
  ASSERT_EQ(post.conditions.size(), 1u);
  EXPECT_THAT(post.conditions[0].statuses, ElementsAre(201));
  ASSERT_EQ(post.save.size(), 1u);
  EXPECT_EQ(post.save[0].var, "ticket");
  EXPECT_EQ(scenario.steps[1].kind, StepKind::WaitHttp);
  EXPECT_EQ(scenario.steps[1].timeout_ms, 500);
  EXPECT_EQ(scenario.steps[1].name, "wait GET /sim/tickets/${ticket}");
  EXPECT_EQ(scenario.steps[2].kind, StepKind::WaitLog);
  EXPECT_EQ(scenario.steps[3].exit_code, 0);
  EXPECT_EQ(scenario.steps[3].name, "stop county");
  EXPECT_EQ(scenario.steps[7].sleep_ms, 5);
  EXPECT_THAT(portNames(scenario), ElementsAre("core", "county", "county.admin"));
}

TEST(ScenarioLoader, NamesEveryProblemWithItsJsonPath) {
  LoadResult result = load(withSteps(R"([
    {"http": {"url": "http://127.0.0.1:${port:cty}/"}, "expect": {"status": 99}},
    {"wait": {"http": {"url": "ftp://x"}, "until": {"path": "a", "equals": 1}, "timout_ms": 3}},
    {"stop": "ghost"},
    {"http": {"url": "http://x/"}, "expect": {"path": "/a", "equals": 1, "exists": true}}])"));
  ASSERT_FALSE(result.scenario);
  EXPECT_THAT(
      result.problems,
      ElementsAre("/steps/0/expect/status: an HTTP status is an integer from 100 to 599, not 99",
                  "/steps/1/wait/timout_ms: unknown member \"timout_ms\" (allowed here: http, "
                  "until, log, contains, timeout_ms, interval_ms)",
                  "/steps/1/wait/http/url: \"ftp://x\" is not an http:// or https:// URL",
                  "/steps/1/wait/until/path: \"a\" is not a JSON pointer (\"\" or \"/a/0/b\")",
                  "/steps/2/stop: no process is named \"ghost\"",
                  "/steps/3/expect: a condition needs exactly one of status, equals, exists, "
                  "contains, count (found 2)",
                  "/steps/0/http/url: unknown port ${port:cty} (ports: core, county, "
                  "county.admin)"));
}

TEST(ScenarioLoader, ASavedValueIsKnownOnlyAfterTheStepThatSavesIt) {
  LoadResult result = load(withSteps(R"([
    {"http": {"url": "http://x/${ticket}"}},
    {"http": {"url": "http://x/"}, "save": {"ticket": "/id"}},
    {"http": {"url": "http://x/${ticket}"}}])"));
  ASSERT_FALSE(result.scenario);
  EXPECT_THAT(result.problems, ElementsAre("/steps/0/http/url: unknown variable ${ticket} (saved "
                                           "by earlier steps: none)"));
}

TEST(ScenarioLoader, ProcessesAndFilesCannotUseWhatDoesNotExistYet) {
  LoadResult result = load(R"({"scenario": 1,
    "files": {"a": "${file_text:b}", "b": "x"},
    "processes": [{"name": "core", "sim": ["core", "${seen}"]}],
    "steps": [{"sleep_ms": 1}]})");
  ASSERT_FALSE(result.scenario);
  ASSERT_EQ(result.problems.size(), 2u);
  EXPECT_THAT(result.problems[0], HasSubstr("/files/a: ${file_text:b} cannot be used here"));
  EXPECT_THAT(result.problems[1], HasSubstr("/processes/0/sim/1: ${seen} cannot be used here"));
}

TEST(ScenarioLoader, RefusesBadProcessesAndDuplicateNames) {
  LoadResult result = load(R"({"scenario": 1,
    "processes": [{"name": "Core", "sim": []}, {"name": "x", "sim": ["a"], "gateway": {}},
                  {"name": "x", "gateway": {}}],
    "steps": []})");
  ASSERT_FALSE(result.scenario);
  EXPECT_THAT(result.problems,
              ElementsAre("/processes/0/name: \"Core\" is not a process name ([a-z0-9_-], 1..63)",
                          "/processes/0/sim: must be a non-empty array of strings, e.g. [\"core\"]",
                          "/processes/1: a process is either \"sim\" (hotline-sim arguments) or "
                          "\"gateway\" (a gateway config object)",
                          "/steps: missing: a non-empty array of steps is required",
                          "/processes: two ports or processes are named \"x\"",
                          "/files: two files are named \"x.log\""));
}

TEST(ScenarioLoader, ReportsWhereTheJsonBreaksAndAllowsComments) {
  LoadResult broken = load("{\"scenario\": 1,\n  \"steps\": [}\n");
  ASSERT_FALSE(broken.scenario);
  EXPECT_THAT(broken.problems, ElementsAre(HasSubstr("not JSON at line 2, column 13")));
  LoadResult commented =
      load("// a note\n{\"scenario\": 1, /* x */ \"steps\": [{\"sleep_ms\": 1}]}");
  EXPECT_TRUE(commented.scenario) << ::testing::PrintToString(commented.problems);
}

TEST(ScenarioLoader, RequiresVersionOne) {
  LoadResult result = load(R"({"scenario": 2, "steps": [{"sleep_ms": 1}]})");
  EXPECT_THAT(result.problems, ElementsAre("/scenario: must be an integer from 1 to 1, not 2"));
}

TEST(ScenarioLoader, AnUnreadableFileIsOneProblem) {
  LoadResult result = loadScenarioFile("/nonexistent/x.json");
  EXPECT_THAT(result.problems, ElementsAre(HasSubstr("cannot read the file")));
}

} // namespace
} // namespace hotline::sim::scenario
