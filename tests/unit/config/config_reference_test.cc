#include "core/config/config_reference.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/config/core_sections.h"
#include "tests/unit/config/test_support.h"

namespace hotline::config {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// The line of `text` that describes `key` (the first line starting with "  <key> ").
std::string lineOf(const std::string& text, const std::string& key) {
  const std::string start = "\n  " + key + " ";
  const size_t at = text.find(start);
  if (at == std::string::npos) {
    return "";
  }
  return text.substr(at + 1, text.find('\n', at + 1) - at - 1);
}

TEST(ConfigReferenceTest, DescribesEveryKeyWithTypeDefaultLimitsAndDoc) {
  const std::string text = describeTable(httpSectionTable());
  EXPECT_THAT(text, StartsWith("[http] " + httpSectionTable().doc + "\n"));
  for (const ConfigKey& key : httpSectionTable().keys) {
    const std::string line = lineOf(text, key.key);
    ASSERT_FALSE(line.empty()) << "no line for " << key.key << " in\n" << text;
    EXPECT_THAT(line, HasSubstr(configTypeName(key.type))) << line;
    EXPECT_THAT(text, HasSubstr(line + "\n      " + key.doc + "\n")) << "doc follows its key";
  }
  EXPECT_THAT(lineOf(text, "port"), HasSubstr("integer      default 8080; range 0..65535"));
  EXPECT_THAT(lineOf(text, "bind"), HasSubstr("default \"127.0.0.1\""));
  EXPECT_THAT(lineOf(text, "keep_alive"), HasSubstr("boolean      default true"));
}

TEST(ConfigReferenceTest, DescribesRequiredOptionalEnumListAndSecretKeys) {
  const std::string text = describeTable(testing::exampleConnectorTable());
  EXPECT_THAT(lineOf(text, "endpoint"), HasSubstr("string       required"));
  EXPECT_THAT(lineOf(text, "app_secret"),
              HasSubstr("secret       required; env:NAME or file:PATH"));
  EXPECT_THAT(lineOf(text, "auth.mode"),
              HasSubstr("enum         default hmac; one of: hmac, none"));
  EXPECT_THAT(lineOf(text, "auth.key"), HasSubstr("secret       optional, no default"));
  EXPECT_THAT(lineOf(text, "tags"), HasSubstr("string list  default []"));
  EXPECT_THAT(lineOf(text, "ratio"), HasSubstr("number       default 0.5; range 0..1"));
  EXPECT_THAT(describeTable(logSectionTable()), HasSubstr("default \"\""))
      << "an empty default stays visible";
}

TEST(ConfigReferenceTest, DescribesAllCoreTables) {
  const std::string text = describeTables(coreTables());
  for (const char* header :
       {"[gateway] ", "[http] ", "[store] ", "[log] ", "[plugins] ", "[connectors] "}) {
    EXPECT_THAT(text, HasSubstr(header));
  }
  EXPECT_THAT(text, HasSubstr("\n\n[http] ")) << "tables are separated by a blank line";
  EXPECT_THAT(lineOf(text, "role"), HasSubstr("one of: county, city, province"));
}

TEST(ConfigReferenceTest, RendersCoreValuesAndConnectorInstances) {
  GatewayConfig config;
  config.source_path = "config/gateway.json";
  config.core = new Poco::Util::MapConfiguration();
  config.core->setString("http.port", "9090");
  config.core->setString("log.path", "");
  config.core->setString("store.path", "${HOME}/db");
  ConnectorInstanceConfig instance;
  instance.name = "dept-1";
  instance.type = "department";
  instance.library = "/opt/libdepartment.so";
  instance.values = {{"endpoint", "http://d"}, {"token", "plain-secret-value"}};
  instance.secrets = {{"token", "file:/run/token"}};
  config.connectors.push_back(instance);

  const std::string text = renderEffectiveConfig(config);
  EXPECT_EQ(text, "# effective configuration from config/gateway.json\n"
                  "http.port = 9090\n"
                  "store.path = ${HOME}/db\n"
                  "log.path = \"\"\n"
                  "\n"
                  "connectors[0] dept-1 (type department, enabled)\n"
                  "  library = /opt/libdepartment.so\n"
                  "  config.endpoint = http://d\n"
                  "  config.token = <secret from file:/run/token>\n");
  EXPECT_THAT(text, Not(HasSubstr("plain-secret-value")));
}

} // namespace
} // namespace hotline::config
