#include "core/config/config_table_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/config/core_sections.h"
#include "tests/unit/config/test_support.h"

namespace hotline::config {
namespace {

using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

MATCHER_P2(ErrorIs, path, message, "") {
  return arg.path == path && arg.message == message;
}

ConfigKey key(std::string name, ConfigType type) {
  ConfigKey k;
  k.key = std::move(name);
  k.type = type;
  k.doc = "A key.";
  return k;
}

TEST(ConfigTableCheckTest, CoreTablesAreSound) {
  for (const ConfigTable& table : coreTables()) {
    EXPECT_THAT(checkTable(table), IsEmpty()) << table.name;
  }
  EXPECT_THAT(checkTable(testing::exampleConnectorTable()), IsEmpty());
}

TEST(ConfigTableCheckTest, CoreSectionsDeclareTheDocumentedDefaults) {
  EXPECT_EQ(findKey(gatewaySectionTable(), "node_id")->default_value, "yucheng-county");
  EXPECT_EQ(findKey(gatewaySectionTable(), "role")->allowed,
            (std::vector<std::string>{"county", "city", "province"}));
  EXPECT_EQ(findKey(httpSectionTable(), "port")->max, 65535);
  EXPECT_EQ(findKey(storeSectionTable(), "driver")->allowed, std::vector<std::string>{"sqlite"});
  EXPECT_EQ(findKey(logSectionTable(), "path")->default_value, "");
  EXPECT_TRUE(findKey(connectorEntryTable(), "name")->required);
  EXPECT_FALSE(findKey(connectorEntryTable(), "library")->default_value.has_value());
  EXPECT_EQ(findKey(httpSectionTable(), "nonexistent"), nullptr);
}

TEST(ConfigTableCheckTest, FindsEveryMistakeInATable) {
  ConfigKey bad_default = key("timeout", ConfigType::Integer);
  bad_default.default_value = "soon";
  ConfigKey out_of_range = key("retries", ConfigType::Integer);
  out_of_range.default_value = "50";
  out_of_range.min = 0;
  out_of_range.max = 10;
  ConfigKey empty_enum = key("mode", ConfigType::Enum);
  ConfigKey both = key("auth", ConfigType::String);
  ConfigKey inner = key("auth.key", ConfigType::Secret);
  inner.default_value = "plain-text";
  ConfigKey required_with_default = key("name", ConfigType::String);
  required_with_default.required = true;
  required_with_default.default_value = "x";
  ConfigKey undocumented = key("bad key", ConfigType::Boolean);
  undocumented.doc.clear();
  const ConfigTable table{"broken",
                          "",
                          {bad_default, out_of_range, empty_enum, both, inner,
                           required_with_default, undocumented, key("mode", ConfigType::String)}};
  EXPECT_THAT(
      checkTable(table),
      UnorderedElementsAre(
          ErrorIs("broken.timeout", "default is not a valid integer"),
          ErrorIs("broken.retries", "default does not fit: 50 is out of range 0..10"),
          ErrorIs("broken.mode", "an enum key needs at least one allowed value"),
          ErrorIs("broken.mode", "declared twice"),
          ErrorIs("broken.auth", "declared both as a value and as an object holding other keys"),
          ErrorIs("broken.auth.key", "default does not fit: secrets must be given as env:NAME "
                                     "or file:PATH, not inline"),
          ErrorIs("broken.name", "a required key cannot have a default"),
          ErrorIs("broken.bad key", "key must be dot-separated names of letters, digits, _ and -"),
          ErrorIs("broken.bad key", "every key needs a doc sentence")));
}

} // namespace
} // namespace hotline::config
