#include "core/plugin_host/plugin_library.h"
#include "tests/unit/plugin_host/test_plugins.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hotline::plugin_host {
namespace {

using testing::examplePluginPath;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::testPluginPath;

TEST(PluginLibrary, LoadsTheExampleConnectorAndItsConfigTable) {
  Result<std::shared_ptr<PluginLibrary>> plugin = PluginLibrary::load(examplePluginPath());
  ASSERT_TRUE(plugin.isOk()) << plugin.status().toString();
  EXPECT_EQ((*plugin)->type(), "example");
  EXPECT_EQ((*plugin)->version(), "0.1.0");
  EXPECT_EQ((*plugin)->abiMajor(), 1u);
  const config::ConfigTable& table = (*plugin)->configTable();
  ASSERT_EQ(table.keys.size(), 6u);
  EXPECT_EQ(table.keys[0].key, "path");
  EXPECT_EQ(table.keys[0].type, config::ConfigType::String);
  EXPECT_EQ(table.keys[0].default_value.value_or(""), "/tickets");
  EXPECT_FALSE(table.keys[0].doc.empty());
  EXPECT_EQ(table.keys[3].key, "hmac_secret");
  EXPECT_EQ(table.keys[3].type, config::ConfigType::Secret);
  EXPECT_FALSE(table.keys[3].required);
  EXPECT_EQ(table.keys[5].key, "deliver_url");
  EXPECT_EQ(table.keys[5].default_value.value_or("unset"), "");
}

TEST(PluginLibrary, RefusesALibraryWithoutEntryPoint) {
  std::string path = testPluginPath("no_entry");
  Result<std::shared_ptr<PluginLibrary>> plugin = PluginLibrary::load(path);
  ASSERT_FALSE(plugin.isOk());
  EXPECT_THAT(plugin.status().message(), StartsWith("plugin " + path + ": "));
  EXPECT_THAT(plugin.status().message(), HasSubstr("no entry point \"hotline_plugin_entry\""));
}

TEST(PluginLibrary, RefusesAFutureAbiMajorNamingBothVersions) {
  std::string path = testPluginPath("future_abi");
  Result<std::shared_ptr<PluginLibrary>> plugin = PluginLibrary::load(path);
  ASSERT_FALSE(plugin.isOk());
  EXPECT_EQ(plugin.status().code(), StatusCode::FailedPrecondition);
  EXPECT_THAT(plugin.status().message(), StartsWith("plugin " + path + ": "));
  EXPECT_THAT(plugin.status().message(), HasSubstr("plugin speaks ABI 2.3"));
  EXPECT_THAT(plugin.status().message(), HasSubstr("this gateway speaks ABI major 1 (1." +
                                                   std::to_string(HL_ABI_MINOR) + ")"));
}

TEST(PluginLibrary, RefusesADescriptorShorterThanTheAbiRequires) {
  std::string path = testPluginPath("short_struct");
  Result<std::shared_ptr<PluginLibrary>> plugin = PluginLibrary::load(path);
  ASSERT_FALSE(plugin.isOk());
  EXPECT_THAT(plugin.status().message(), StartsWith("plugin " + path + ": descriptor is "));
  EXPECT_THAT(plugin.status().message(), HasSubstr("ABI 1.0 requires at least"));
}

TEST(PluginLibrary, RefusesAPluginWhoseDependencyIsMissing) {
  std::string path = testPluginPath("missing_dep");
  Result<std::shared_ptr<PluginLibrary>> plugin = PluginLibrary::load(path);
  ASSERT_FALSE(plugin.isOk());
  EXPECT_THAT(plugin.status().message(), StartsWith("plugin " + path + ": cannot load"));
  EXPECT_THAT(plugin.status().message(), HasSubstr("libhl_vanishing_dep.so"));
}

TEST(PluginLibrary, RefusesAFileThatDoesNotExist) {
  Result<std::shared_ptr<PluginLibrary>> plugin = PluginLibrary::load("/nonexistent/libnothing.so");
  ASSERT_FALSE(plugin.isOk());
  EXPECT_THAT(plugin.status().message(), StartsWith("plugin /nonexistent/libnothing.so: "));
}

} // namespace
} // namespace hotline::plugin_host
