#include "simulators/scenario/src/world_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "simulators/scenario/src/scenario_loader.h"
#include "tests/support/child_process.h"

namespace hotline::sim::scenario {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ScenarioWorldFiles, SetsPortsAndDefaultsButKeepsWhatTheScenarioChose) {
  GatewayPlacement placement{5001, 5002, "/t/county.admin.token", "/t/county.db"};
  Result<std::string> config = completeGatewayConfig(
      R"({"http": {"port": 1, "threads": 4}, "store": {"path": "/mine.db"}})", placement);
  ASSERT_TRUE(config) << config.status().message();
  EXPECT_EQ(*config, R"({"http":{"port":5001,"threads":4},"store":{"path":"/mine.db"},)"
                     R"("admin":{"port":5002,"token_file":"/t/county.admin.token"}})");
  Result<std::string> bare = completeGatewayConfig("{}", placement);
  ASSERT_TRUE(bare);
  EXPECT_EQ(*bare, R"({"http":{"port":5001},"admin":{"port":5002,)"
                   R"("token_file":"/t/county.admin.token"},"store":{"path":"/t/county.db"}})");
  EXPECT_EQ(completeGatewayConfig(R"({"http": 8080})", placement).status().message(),
            "the gateway config's \"http\" must be an object");
}

TEST(ScenarioWorldFiles, WritesTheScenarioFilesSubstituted) {
  LoadResult loaded = loadScenarioText(R"({"scenario": 1,
      "files": {"key": "k-${port:core}\n", "plan.json": {"port": "${port:core}"}},
      "processes": [{"name": "core", "sim": ["core"]}, {"name": "gw", "gateway": {}}],
      "steps": [{"sleep_ms": 1}]})",
                                       "t.json", "/scen");
  ASSERT_TRUE(loaded.scenario) << ::testing::PrintToString(loaded.problems);
  std::string tmp = hotline::testing::makeTempDir();
  Variables variables = prepareVariables(*loaded.scenario, tmp, {{"core", 7001}});
  EXPECT_EQ(variables.files.at("key"), tmp + "/key");
  EXPECT_EQ(variables.files.at("core.log"), tmp + "/core.log");
  EXPECT_EQ(variables.files.at("gw.config"), tmp + "/gw.config.json");
  EXPECT_EQ(variables.files.at("gw.admin_token"), tmp + "/gw.admin.token");
  EXPECT_EQ(variables.scenario_dir, "/scen");
  ASSERT_TRUE(writeScenarioFiles(*loaded.scenario, variables).isOk());
  EXPECT_EQ(readFile(tmp + "/key"), "k-7001\n");
  EXPECT_EQ(readFile(tmp + "/plan.json"), R"({"port":"7001"})");
}

} // namespace
} // namespace hotline::sim::scenario
