#include "core/plugin_host/plugin_registry.h"
#include "tests/unit/plugin_host/test_plugins.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace hotline::plugin_host {
namespace {

using ::testing::HasSubstr;

TEST(PluginRegistry, KeepsGoingPastBrokenPluginsAndRecordsEachError) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.loadDirectory(HOTLINE_TEST_PLUGIN_DIR).isOk());

  std::set<std::string> broken;
  for (const PluginLoadError& error : registry.loadErrors()) {
    EXPECT_THAT(error.status.message(), HasSubstr(error.path)) << "error must name its file";
    broken.insert(std::filesystem::path(error.path).filename().string());
  }
  EXPECT_EQ(broken,
            (std::set<std::string>{"libhl_test_future_abi.so", "libhl_test_missing_dep.so",
                                   "libhl_test_no_entry.so", "libhl_test_short_struct.so"}));
  // The well-formed ones (which only fail later, when an instance is created) are there.
  EXPECT_NE(registry.find("throwing"), nullptr);
  EXPECT_NE(registry.find("failing"), nullptr);
  EXPECT_EQ(registry.find("future"), nullptr);
}

TEST(PluginRegistry, FindsTheExampleConnectorInTheGatewayPluginDirectory) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.loadDirectory(HOTLINE_PLUGIN_DIR).isOk());
  ASSERT_NE(registry.find("example"), nullptr);
  ASSERT_NE(registry.configTable("example"), nullptr);
  EXPECT_EQ(registry.configTable("example")->name, "example");
  EXPECT_EQ(registry.configTable("nope"), nullptr);
}

TEST(PluginRegistry, RefusesTheSameTypeFromASecondFile) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "hl-registry-dup";
  std::filesystem::create_directories(dir);
  std::filesystem::path copy = dir / "libexample_copy.so";
  std::filesystem::copy_file(testing::examplePluginPath(), copy,
                             std::filesystem::copy_options::overwrite_existing);

  PluginRegistry registry;
  ASSERT_TRUE(registry.loadFile(testing::examplePluginPath()).isOk());
  auto second = registry.loadFile(copy.string());
  ASSERT_FALSE(second.isOk());
  EXPECT_EQ(second.status().code(), StatusCode::AlreadyExists);
  EXPECT_THAT(second.status().message(), HasSubstr(copy.string()));
  EXPECT_THAT(second.status().message(), HasSubstr(testing::examplePluginPath()));
  std::filesystem::remove_all(dir);
}

TEST(PluginRegistry, AMissingDirectoryIsAnErrorNamingIt) {
  PluginRegistry registry;
  Status status = registry.loadDirectory("/nonexistent/plugins");
  ASSERT_FALSE(status.isOk());
  EXPECT_THAT(status.message(), HasSubstr("/nonexistent/plugins"));
}

} // namespace
} // namespace hotline::plugin_host
