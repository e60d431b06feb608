#include "core/config/gateway_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/config/config_reference.h"
#include "tests/unit/config/test_support.h"

namespace hotline::config {
namespace {

using testing::exampleConnectorTable;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::ScopedEnv;
using ::testing::StartsWith;
using testing::TempDir;

// The plugin host's side: only the fake "example" type exists.
const ConfigTable* lookupType(const std::string& type) {
  return type == "example" ? &exampleConnectorTable() : nullptr;
}

Result<GatewayConfig> loadText(const TempDir& dir, const std::string& json) {
  return loadGatewayConfig(dir.write("gateway.json", json), lookupType, {"example"});
}

constexpr const char* kFullFile = R"({
  "gateway": {"node_id": "yucheng", "role": "county", "region_code": "411425",
              "city_code": "411400", "province_code": "410000"},
  "http": {"bind": "127.0.0.1", "port": 8081, "max_body_bytes": 2048, "threads": 4,
           "max_queued": 32, "keep_alive": false, "shutdown_grace_ms": 500},
  "store": {"driver": "sqlite", "path": "var/test.db"},
  "log": {"level": "debug", "path": ""},
  "plugins": {"dirs": ["build/plugins", "/opt/hotline/plugins"]},
  "connectors": [
    {"name": "example-1", "type": "example", "enabled": true, "library": "libx.so",
     "config": {"endpoint": "http://127.0.0.1:9000", "app_secret": "env:HOTLINE_TEST_APP_SECRET",
                "auth": {"mode": "hmac", "key": "env:HOTLINE_TEST_APP_SECRET"}}},
    {"name": "example_2", "type": "example",
     "config": {"endpoint": "http://127.0.0.1:9001", "app_secret": "env:HOTLINE_TEST_APP_SECRET",
                "tags": ["county"]}}
  ]
})";

TEST(ConfigGatewayTest, LoadsAFullFileThroughPocoConfiguration) {
  const TempDir dir;
  const ScopedEnv env("HOTLINE_TEST_APP_SECRET", "app-secret-value");
  const Result<GatewayConfig> config = loadText(dir, kFullFile);
  ASSERT_TRUE(config.isOk()) << config.status().message();
  const Poco::Util::AbstractConfiguration& core = *config->core;
  EXPECT_EQ(core.getString("gateway.node_id"), "yucheng");
  EXPECT_EQ(core.getInt("http.port"), 8081);
  EXPECT_EQ(core.getInt("http.max_body_bytes"), 2048);
  EXPECT_FALSE(core.getBool("http.keep_alive"));
  EXPECT_EQ(core.getString("store.path"), "var/test.db");
  EXPECT_EQ(core.getString("log.level"), "debug");
  EXPECT_EQ(*parseStringList(core.getString("plugins.dirs")),
            (std::vector<std::string>{"build/plugins", "/opt/hotline/plugins"}));
  EXPECT_EQ(config->source_path, dir.path() + "/gateway.json");

  ASSERT_EQ(config->connectors.size(), 2u);
  const ConnectorInstanceConfig& first = config->connectors[0];
  EXPECT_EQ(first.name, "example-1");
  EXPECT_EQ(first.type, "example");
  EXPECT_EQ(first.library, "libx.so");
  EXPECT_TRUE(first.enabled);
  EXPECT_EQ(first.values.at("endpoint"), "http://127.0.0.1:9000");
  EXPECT_EQ(first.values.at("app_secret"), "app-secret-value");
  EXPECT_EQ(first.values.at("auth.key"), "app-secret-value");
  EXPECT_EQ(first.values.at("timeout_ms"), "5000") << "connector defaults are applied";
  const ConnectorInstanceConfig& second = config->connectors[1];
  EXPECT_TRUE(second.enabled) << "enabled defaults to true";
  EXPECT_EQ(second.library, "");
  EXPECT_EQ(second.values.at("tags"), R"(["county"])");
  EXPECT_EQ(second.values.at("auth.mode"), "hmac");
}

TEST(ConfigGatewayTest, FillsEveryCoreDefaultForAnEmptyFile) {
  const TempDir dir;
  const Result<GatewayConfig> config = loadText(dir, "{}");
  ASSERT_TRUE(config.isOk()) << config.status().message();
  const std::map<std::string, std::string> expected = {{"gateway.node_id", "yucheng-county"},
                                                       {"gateway.role", "county"},
                                                       {"gateway.region_code", "411425"},
                                                       {"gateway.city_code", "411400"},
                                                       {"gateway.province_code", "410000"},
                                                       {"http.bind", "127.0.0.1"},
                                                       {"http.port", "8080"},
                                                       {"http.max_body_bytes", "1048576"},
                                                       {"http.threads", "16"},
                                                       {"http.max_queued", "256"},
                                                       {"http.keep_alive", "true"},
                                                       {"http.shutdown_grace_ms", "10000"},
                                                       {"store.driver", "sqlite"},
                                                       {"store.path", "var/gateway.db"},
                                                       {"store.keep_payloads_days", "0"},
                                                       {"log.level", "info"},
                                                       {"log.path", ""},
                                                       {"plugins.dirs", "[]"}};
  for (const auto& [key, value] : expected) {
    ASSERT_TRUE(config->core->hasProperty(key)) << key;
    EXPECT_EQ(config->core->getRawString(key), value) << key;
  }
  EXPECT_TRUE(config->connectors.empty());
}

TEST(ConfigGatewayTest, ReportsEveryErrorOfTheFileInPathOrder) {
  const TempDir dir;
  const ScopedEnv env("HOTLINE_TEST_APP_SECRET", "app-secret-value");
  const std::string path = dir.write("gateway.json", R"({
  "gateway": {"role": "village"},
  "http": {"prot": 8080, "port": 70000, "threads": "16"},
  "log": {"level": "info", "level": "debug"},
  "connectors": [
    {"name": "wechat-1", "type": "example",
     "config": {"endpoint": "http://127.0.0.1:9000", "app_secret": "sup3r-s3cret-inline"}},
    {"name": "wechat-1", "type": "example",
     "config": {"app_secret": "env:HOTLINE_TEST_APP_SECRET"}},
    {"name": "Bad Name!", "type": "exampel", "config": {}}
  ]
})");
  const Result<GatewayConfig> config = loadGatewayConfig(path, lookupType, {"example"});
  ASSERT_FALSE(config.isOk());
  EXPECT_EQ(config.status().code(), StatusCode::InvalidArgument);
  EXPECT_EQ(config.status().message(),
            path + ": 10 configuration errors\n"
                   "  connectors[0].config.app_secret: secrets must be given as env:NAME or "
                   "file:PATH, not inline\n"
                   "  connectors[1].config.endpoint: missing required key (string)\n"
                   "  connectors[1].name: duplicate instance name \"wechat-1\" (also used by "
                   "connectors[0])\n"
                   "  connectors[2].name: \"Bad Name!\" is not a valid instance name (1-63 "
                   "characters of a-z, 0-9, _ and -, starting with a letter or digit)\n"
                   "  connectors[2].type: unknown connector type \"exampel\" (known: example)\n"
                   "  gateway.role: \"village\" is not one of: county, city, province\n"
                   "  http.port: 70000 is out of range 0..65535\n"
                   "  http.prot: unknown key (did you mean \"port\"?)\n"
                   "  http.threads: expected integer, got string \"16\"\n"
                   "  log.level: duplicate key");
  EXPECT_THAT(config.status().message(), Not(HasSubstr("sup3r-s3cret")));
}

TEST(ConfigGatewayTest, PayloadRetentionIsWholeDaysUpToAHundredYears) {
  const TempDir dir;
  const Result<GatewayConfig> kept = loadText(dir, R"({"store": {"keep_payloads_days": 180}})");
  ASSERT_TRUE(kept.isOk()) << kept.status().message();
  EXPECT_EQ(kept->core->getInt64("store.keep_payloads_days"), 180);
  for (const char* bad : {"-1", "36501", "\"180d\"", "1.5"}) {
    const Result<GatewayConfig> refused =
        loadText(dir, std::string(R"({"store": {"keep_payloads_days": )") + bad + "}}");
    ASSERT_FALSE(refused.isOk()) << bad;
    EXPECT_THAT(refused.status().message(), HasSubstr("store.keep_payloads_days: ")) << bad;
  }
}

TEST(ConfigGatewayTest, GivesLineAndColumnOfAJsonSyntaxError) {
  const TempDir dir;
  const std::string path = dir.write("gateway.json", "{\n"
                                                     "  \"http\": {\n"
                                                     "    \"port\": 8080\n"
                                                     "    \"bind\": \"0.0.0.0\"\n"
                                                     "  }\n"
                                                     "}\n");
  const Result<GatewayConfig> config = loadGatewayConfig(path, lookupType);
  ASSERT_FALSE(config.isOk());
  EXPECT_EQ(config.status().code(), StatusCode::InvalidArgument);
  EXPECT_EQ(config.status().message(),
            path + ":4:5: Missing a comma or '}' after an object member");
}

TEST(ConfigGatewayTest, CountsColumnsInCharactersNotBytes) {
  const Result<GatewayConfig> config =
      parseGatewayConfig("{\"gateway\": {\"node_id\": \"禹城县\" x}}", "g.json", lookupType);
  ASSERT_FALSE(config.isOk());
  EXPECT_EQ(config.status().message(),
            "g.json:1:31: Missing a comma or '}' after an object member");
}

TEST(ConfigGatewayTest, RefusesInvalidUtf8AndDeepNesting) {
  const Result<GatewayConfig> bad_utf8 =
      parseGatewayConfig("{\"log\": {\"path\": \"\xff\"}}", "g.json", lookupType);
  ASSERT_FALSE(bad_utf8.isOk());
  EXPECT_THAT(bad_utf8.status().message(), StartsWith("g.json:1:"));
  const std::string deep = "{\"x\": " + std::string(100, '[') + std::string(100, ']') + "}";
  const Result<GatewayConfig> nested = parseGatewayConfig(deep, "g.json", lookupType);
  ASSERT_FALSE(nested.isOk());
  EXPECT_EQ(nested.status().message(), "g.json: JSON is nested more than 64 levels deep");
}

TEST(ConfigGatewayTest, AMissingFileIsNotFound) {
  const TempDir dir;
  const Result<GatewayConfig> config = loadGatewayConfig(dir.path() + "/absent.json", lookupType);
  ASSERT_FALSE(config.isOk());
  EXPECT_EQ(config.status().code(), StatusCode::NotFound);
  EXPECT_THAT(config.status().message(), StartsWith(dir.path() + "/absent.json: cannot read"));
}

TEST(ConfigGatewayTest, ResolvesEnvAndFileSecretsAndPrintsThemMasked) {
  const TempDir dir;
  const ScopedEnv env("HOTLINE_TEST_APP_SECRET", "env-secret-value");
  const std::string key_file = dir.write("auth.key", "file-secret-value\n");
  const Result<GatewayConfig> config = loadText(dir, R"({"connectors": [
    {"name": "example-1", "type": "example",
     "config": {"endpoint": "http://e", "app_secret": "env:HOTLINE_TEST_APP_SECRET",
                "auth": {"key": "file:)" + key_file + R"("}}}]})");
  ASSERT_TRUE(config.isOk()) << config.status().message();
  const ConnectorInstanceConfig& instance = config->connectors.at(0);
  EXPECT_EQ(instance.values.at("app_secret"), "env-secret-value");
  EXPECT_EQ(instance.values.at("auth.key"), "file-secret-value");
  EXPECT_EQ(instance.secrets.at("app_secret"), "env:HOTLINE_TEST_APP_SECRET");
  EXPECT_EQ(instance.secrets.at("auth.key"), "file:" + key_file);

  const std::string printed = renderEffectiveConfig(*config);
  EXPECT_THAT(printed, HasSubstr("config.app_secret = <secret from env:HOTLINE_TEST_APP_SECRET>"));
  EXPECT_THAT(printed, HasSubstr("config.auth.key = <secret from file:" + key_file + ">"));
  EXPECT_THAT(printed, HasSubstr("config.endpoint = http://e"));
  EXPECT_THAT(printed, HasSubstr("http.port = 8080"));
  EXPECT_THAT(printed, Not(HasSubstr("env-secret-value")));
  EXPECT_THAT(printed, Not(HasSubstr("file-secret-value")));
}

TEST(ConfigGatewayTest, AMissingEnvironmentVariableIsNamed) {
  const TempDir dir;
  const ScopedEnv env("HOTLINE_TEST_UNSET_SECRET", std::nullopt);
  const std::string path = dir.write("gateway.json", R"({"connectors": [
    {"name": "example-1", "type": "example",
     "config": {"endpoint": "http://e", "app_secret": "env:HOTLINE_TEST_UNSET_SECRET"}}]})");
  const Result<GatewayConfig> config = loadGatewayConfig(path, lookupType);
  ASSERT_FALSE(config.isOk());
  EXPECT_EQ(config.status().message(),
            path + ": 1 configuration error\n  connectors[0].config.app_secret: environment "
                   "variable HOTLINE_TEST_UNSET_SECRET is not set");
}

TEST(ConfigGatewayTest, DoesNotReadTheSecretsOfADisabledInstance) {
  const TempDir dir;
  const ScopedEnv env("HOTLINE_TEST_UNSET_SECRET", std::nullopt);
  const Result<GatewayConfig> config = loadText(dir, R"({"connectors": [
    {"name": "example-1", "type": "example", "enabled": false,
     "config": {"endpoint": "http://e", "app_secret": "env:HOTLINE_TEST_UNSET_SECRET"}}]})");
  ASSERT_TRUE(config.isOk()) << config.status().message();
  const ConnectorInstanceConfig& instance = config->connectors.at(0);
  EXPECT_FALSE(instance.enabled);
  EXPECT_EQ(instance.values.count("app_secret"), 0u);
  EXPECT_EQ(instance.secrets.at("app_secret"), "env:HOTLINE_TEST_UNSET_SECRET");
  EXPECT_THAT(renderEffectiveConfig(*config),
              HasSubstr("config.app_secret = <secret from env:HOTLINE_TEST_UNSET_SECRET>"));
}

TEST(ConfigGatewayTest, ChecksTheShapeOfTheTopLevel) {
  const Result<GatewayConfig> array = parseGatewayConfig("[]", "g.json", lookupType);
  ASSERT_FALSE(array.isOk());
  EXPECT_EQ(array.status().message(),
            "g.json: 1 configuration error\n  expected a JSON object at the top, got array");
  const Result<GatewayConfig> typo = parseGatewayConfig(
      R"({"htp": {}, "connectors": {}, "store": [], "log": {}, "log": {}})", "g.json", lookupType);
  ASSERT_FALSE(typo.isOk());
  EXPECT_EQ(typo.status().message(),
            "g.json: 4 configuration errors\n"
            "  connectors: expected array of connector entries, got object\n"
            "  htp: unknown key (did you mean \"http\"?)\n"
            "  log: duplicate key\n"
            "  store: expected object, got array");
}

TEST(ConfigGatewayTest, ChecksEachConnectorEntry) {
  const Result<GatewayConfig> config = parseGatewayConfig(
      R"({"connectors": [42, {"type": "example", "config": []},
                          {"name": "x", "type": "example", "enabeld": false, "config": {}}]})",
      "g.json", lookupType);
  ASSERT_FALSE(config.isOk());
  EXPECT_EQ(config.status().message(),
            "g.json: 6 configuration errors\n"
            "  connectors[0]: expected object, got integer 42\n"
            "  connectors[1].config: expected object, got array\n"
            "  connectors[1].name: missing required key (string)\n"
            "  connectors[2].config.app_secret: missing required key (secret)\n"
            "  connectors[2].config.endpoint: missing required key (string)\n"
            "  connectors[2].enabeld: unknown key (did you mean \"enabled\"?)");
}

TEST(ConfigGatewayTest, UnknownTypeWithoutKnownListStillNamesTheType) {
  const Result<GatewayConfig> config =
      parseGatewayConfig(R"({"connectors": [{"name": "x", "type": "foo"}]})", "g.json", lookupType);
  ASSERT_FALSE(config.isOk());
  EXPECT_EQ(config.status().message(),
            "g.json: 1 configuration error\n  connectors[0].type: unknown connector type \"foo\"");
}

TEST(ConfigGatewayTest, ReadsPluginLocationsBeforeThePluginsAreLoaded) {
  const TempDir dir;
  const std::string path = dir.write("gateway.json", R"({
    "plugins": {"dirs": ["/opt/p"]},
    "connectors": [{"name": "a", "type": "not-loaded-yet", "library": "/opt/liba.so"},
                   {"name": "b", "type": "other"}, 7]})");
  const Result<PluginLocations> locations = readPluginLocations(path);
  ASSERT_TRUE(locations.isOk()) << locations.status().message();
  EXPECT_EQ(locations->dirs, std::vector<std::string>{"/opt/p"});
  EXPECT_EQ(locations->libraries, std::vector<std::string>{"/opt/liba.so"});

  const std::string bad = dir.write("bad.json", R"({"plugins": {"dirs": [1]}})");
  const Result<PluginLocations> refused = readPluginLocations(bad);
  ASSERT_FALSE(refused.isOk());
  EXPECT_EQ(refused.status().message(),
            bad + ": 1 configuration error\n  plugins.dirs[0]: expected string, got integer 1");
}

TEST(ConfigGatewayTest, ParsesStringListText) {
  EXPECT_EQ(*parseStringList(R"(["a","b"])"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(parseStringList("[]")->empty());
  EXPECT_FALSE(parseStringList("[1]").isOk());
  EXPECT_FALSE(parseStringList("a,b").isOk());
}

} // namespace
} // namespace hotline::config
