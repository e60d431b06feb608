// The command line of the real binary: config check, describe, version, usage errors.
#include "hotline/plugin/abi.h"
#include "tests/support/child_process.h"
#include "tests/support/http_call.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hotline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kSource = HOTLINE_SOURCE_DIR;

TEST(GatewayCli, ShippedConfigFilesAreValid) {
  for (const char* name : {"gateway.json", "county.json", "city.json"}) {
    CommandResult result =
        runCommand(HOTLINE_GATEWAY_BIN, {"config", "check", kSource + "/config/" + name});
    EXPECT_EQ(result.exit_code, 0) << name << ":\n" << result.err;
    EXPECT_THAT(result.out, HasSubstr(": ok (")) << name;
  }
}

TEST(GatewayCli, ConfigCheckReportsEveryErrorWithItsKeyPath) {
  std::string path = writeTempFile("bad.json", R"({
    "http": {"prot": 8080, "port": "80", "max_body_bytes": 10, "threads": 16},
    "log": {"level": "loud"},
    "store": {"driver": "sqlite", "driver": "sqlite"},
    "connectors": [
      {"name": "Bad Name", "type": "example", "config": {"path": 5, "colour": "red"}},
      {"name": "x", "type": "no-such-connector"}
    ]
  })");
  CommandResult result = runCommand(HOTLINE_GATEWAY_BIN, {"config", "check", path});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr(path));
  for (const char* expected :
       {"http.prot", "did you mean \"port\"", "http.port", "http.max_body_bytes", "log.level",
        "store.driver", "connectors[0].name", "connectors[0].config.path",
        "connectors[0].config.colour", "connectors[1].type", "no-such-connector"}) {
    EXPECT_THAT(result.err, HasSubstr(expected)) << result.err;
  }
}

TEST(GatewayCli, ConfigCheckPointsAtAJsonSyntaxError) {
  std::string path = writeTempFile("syntax.json", "{\n  \"http\": {\"port\": 8080,}\n}\n");
  CommandResult result = runCommand(HOTLINE_GATEWAY_BIN, {"config", "check", path});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr(path + ":2:"));
}

TEST(GatewayCli, DescribePrintsTheConnectorsDeclaredTable) {
  CommandResult result = runCommand(HOTLINE_GATEWAY_BIN, {"describe", "example"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out,
              HasSubstr("connector example 0.1.0 (ABI 1." + std::to_string(HL_ABI_MINOR)));
  for (const char* key : {"path", "kind", "id_header", "/tickets", "X-Request-Id"}) {
    EXPECT_THAT(result.out, HasSubstr(key));
  }
}

TEST(GatewayCli, DescribeCorePrintsEveryCoreSection) {
  CommandResult result = runCommand(HOTLINE_GATEWAY_BIN, {"describe", "core"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const char* key : {"max_body_bytes", "1048576", "shutdown_grace_ms", "region_code"}) {
    EXPECT_THAT(result.out, HasSubstr(key));
  }
}

TEST(GatewayCli, DescribeAnUnknownTypeListsTheKnownOnes) {
  CommandResult result = runCommand(HOTLINE_GATEWAY_BIN, {"describe", "fax"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("no connector type \"fax\""));
  EXPECT_THAT(result.err, HasSubstr("example"));
}

TEST(GatewayCli, UnknownCommandAndVersion) {
  CommandResult unknown = runCommand(HOTLINE_GATEWAY_BIN, {"frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("unknown command \"frobnicate\""));
  CommandResult version = runCommand(HOTLINE_GATEWAY_BIN, {"version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.out, HasSubstr("plugin ABI 1." + std::to_string(HL_ABI_MINOR)));
  EXPECT_THAT(version.out, Not(HasSubstr("unknown")));
}

} // namespace
} // namespace hotline::testing
