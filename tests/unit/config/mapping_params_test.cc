// A connector entry's mapping_params: what the `param` fields of its mappings read.
#include "core/config/gateway_config.h"
#include "core/config/mapping_params.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/config/test_support.h"

namespace hotline::config {
namespace {

using testing::exampleConnectorTable;
using ::testing::HasSubstr;

const ConfigTable* lookupType(const std::string& type) {
  return type == "example" ? &exampleConnectorTable() : nullptr;
}

constexpr const char* kConfig =
    R"("config": {"endpoint": "http://e", "app_secret": "env:HOTLINE_TEST_APP_SECRET"})";

TEST(MappingParamsConfigTest, AreReadIntoTheInstance) {
  const testing::ScopedEnv env("HOTLINE_TEST_APP_SECRET", "s");
  const Result<GatewayConfig> config =
      parseGatewayConfig(std::string(R"({"connectors": [{"name": "city", "type": "example",
         "mapping_params": {"level": "county", "our_system": "yucheng-12345"}, )") +
                             kConfig + "}]}",
                         "g.json", lookupType);
  ASSERT_TRUE(config.isOk()) << config.status().toString();
  const auto& params = config->connectors.at(0).mapping_params;
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params.at("level"), "county");
  EXPECT_EQ(params.at("our_system"), "yucheng-12345");
}

TEST(MappingParamsConfigTest, ABadNameOrValueIsNamedWithItsPath) {
  const testing::ScopedEnv env("HOTLINE_TEST_APP_SECRET", "s");
  const Result<GatewayConfig> config =
      parseGatewayConfig(std::string(R"({"connectors": [{"name": "city", "type": "example",
         "mapping_params": {"Level": "county", "ok": "yes", "count": 3}, )") +
                             kConfig + "}]}",
                         "g.json", lookupType);
  ASSERT_FALSE(config.isOk());
  EXPECT_THAT(config.status().message(),
              HasSubstr("connectors[0].mapping_params.Level: is not a mapping parameter name"));
  EXPECT_THAT(config.status().message(),
              HasSubstr("connectors[0].mapping_params.count: expected a string, got integer 3"));
  EXPECT_THAT(config.status().message(), HasSubstr("2 configuration errors"));
}

TEST(MappingParamsConfigTest, MustBeAnObject) {
  const testing::ScopedEnv env("HOTLINE_TEST_APP_SECRET", "s");
  const Result<GatewayConfig> config =
      parseGatewayConfig(std::string(R"({"connectors": [{"name": "city", "type": "example",
         "mapping_params": ["level"], )") +
                             kConfig + "}]}",
                         "g.json", lookupType);
  ASSERT_FALSE(config.isOk());
  EXPECT_THAT(config.status().message(),
              HasSubstr("connectors[0].mapping_params: expected object"));
}

TEST(MappingParamsConfigTest, GatewayWideParamsAreReadFromMappingsParams) {
  Result<GatewayConfig> config = parseGatewayConfig(
      R"({"mappings": {"dir": "m", "params": {"hotline_system": "yucheng-12345"}}})", "g.json",
      lookupType);
  ASSERT_TRUE(config.isOk()) << config.status().toString();
  EXPECT_EQ(config->mapping_params.at("hotline_system"), "yucheng-12345");

  config = parseGatewayConfig(R"({"mappings": {"params": {"hotline-system": "x", "n": 1}}})",
                              "g.json", lookupType);
  ASSERT_FALSE(config.isOk());
  EXPECT_THAT(config.status().message(),
              HasSubstr("mappings.params.hotline-system: is not a mapping parameter name"));
  EXPECT_THAT(config.status().message(),
              HasSubstr("mappings.params.n: expected a string, got integer 1"));
}

TEST(MappingParamsConfigTest, ParameterNames) {
  EXPECT_TRUE(isMappingParamName("level"));
  EXPECT_TRUE(isMappingParamName("our_system2"));
  EXPECT_FALSE(isMappingParamName(""));
  EXPECT_FALSE(isMappingParamName("2nd"));
  EXPECT_FALSE(isMappingParamName("Level"));
  EXPECT_FALSE(isMappingParamName("our-system"));
  EXPECT_TRUE(isMappingParamName(std::string(64, 'a')));
  EXPECT_FALSE(isMappingParamName(std::string(65, 'a')));
}

} // namespace
} // namespace hotline::config
