#include "core/config/config_validator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/config/core_sections.h"
#include "tests/unit/config/test_support.h"

namespace hotline::config {
namespace {

using ::testing::ElementsAre;
using testing::exampleConnectorTable;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::parseJson;

MATCHER_P2(ErrorIs, path, message, "") {
  return arg.path == path && arg.message == message;
}

struct Outcome {
  ValidatedValues validated;
  ConfigErrors errors;
};

Outcome validate(const std::string& json, const ConfigTable& table, const std::string& path) {
  const rapidjson::Document document = parseJson(json);
  Outcome outcome;
  outcome.validated = validateObject(document, table, path, outcome.errors);
  return outcome;
}

Outcome validateHttp(const std::string& json) {
  return validate(json, httpSectionTable(), "http");
}

Outcome validateExample(const std::string& json) {
  return validate(json, exampleConnectorTable(), "connectors[1].config");
}

constexpr const char* kMinimalExample =
    R"({"endpoint": "http://127.0.0.1:9000", "app_secret": "env:EXAMPLE_SECRET")";

TEST(ConfigValidatorTest, FillsEveryDefaultWhenTheObjectIsEmpty) {
  const Outcome outcome = validateHttp("{}");
  EXPECT_THAT(outcome.errors, IsEmpty());
  const FlatValues expected = {
      {"bind", "127.0.0.1"}, {"keep_alive", "true"}, {"max_body_bytes", "1048576"},
      {"max_queued", "256"}, {"port", "8080"},       {"shutdown_grace_ms", "10000"},
      {"threads", "16"}};
  EXPECT_EQ(outcome.validated.values, expected);
}

TEST(ConfigValidatorTest, KeepsGivenValuesAsText) {
  const Outcome outcome = validateHttp(R"({"port": 0, "keep_alive": false, "bind": "0.0.0.0"})");
  EXPECT_THAT(outcome.errors, IsEmpty());
  EXPECT_EQ(outcome.validated.values.at("port"), "0");
  EXPECT_EQ(outcome.validated.values.at("keep_alive"), "false");
  EXPECT_EQ(outcome.validated.values.at("bind"), "0.0.0.0");
}

TEST(ConfigValidatorTest, SuggestsTheClosestKeyForAnUnknownOne) {
  const Outcome outcome = validateHttp(R"({"prot": 80})");
  EXPECT_THAT(outcome.errors,
              ElementsAre(ErrorIs("http.prot", "unknown key (did you mean \"port\"?)")));
}

TEST(ConfigValidatorTest, SuggestsNothingWhenNoKeyIsClose) {
  const Outcome outcome = validateHttp(R"({"compression": "gzip"})");
  EXPECT_THAT(outcome.errors, ElementsAre(ErrorIs("http.compression", "unknown key")));
}

TEST(ConfigValidatorTest, QuotesTheValueOfTheWrongType) {
  const Outcome outcome = validateHttp(R"({"port": "80", "keep_alive": 1})");
  EXPECT_THAT(outcome.errors,
              ElementsAre(ErrorIs("http.port", "expected integer, got string \"80\""),
                          ErrorIs("http.keep_alive", "expected boolean (true or false), got "
                                                     "integer 1")));
  EXPECT_EQ(outcome.validated.values.count("port"), 0u) << "no default for a rejected value";
}

TEST(ConfigValidatorTest, RefusesAFractionForAnInteger) {
  const Outcome outcome = validateHttp(R"({"threads": 2.5})");
  EXPECT_THAT(outcome.errors,
              ElementsAre(ErrorIs("http.threads", "expected integer, got number 2.5")));
}

TEST(ConfigValidatorTest, ReportsValuesOutOfRange) {
  const Outcome outcome = validateHttp(R"({"port": 70000, "threads": 0, "max_queued": -3})");
  EXPECT_THAT(outcome.errors,
              ElementsAre(ErrorIs("http.port", "70000 is out of range 0..65535"),
                          ErrorIs("http.threads", "0 is out of range 1..256"),
                          ErrorIs("http.max_queued", "-3 is out of range 1..65536")));
}

TEST(ConfigValidatorTest, ChecksTheRangeOfNumbers) {
  const Outcome outcome =
      validateExample(R"({"endpoint": "x", "app_secret": "env:S", "ratio": 1.5})");
  EXPECT_THAT(outcome.errors,
              ElementsAre(ErrorIs("connectors[1].config.ratio", "1.5 is out of range 0..1")));
}

TEST(ConfigValidatorTest, ListsTheAllowedValuesOfAnEnum) {
  const Outcome outcome = validate(R"({"level": "verbose"})", logSectionTable(), "log");
  EXPECT_THAT(outcome.errors,
              ElementsAre(ErrorIs("log.level",
                                  "\"verbose\" is not one of: trace, debug, info, warn, error")));
}

TEST(ConfigValidatorTest, ReportsEveryMissingRequiredKey) {
  const Outcome outcome = validateExample("{}");
  EXPECT_THAT(
      outcome.errors,
      ElementsAre(ErrorIs("connectors[1].config.endpoint", "missing required key (string)"),
                  ErrorIs("connectors[1].config.app_secret", "missing required key (secret)")));
}

TEST(ConfigValidatorTest, DetectsDuplicateKeysAtEveryLevel) {
  const Outcome outcome = validateExample(
      R"({"endpoint": "a", "app_secret": "env:S", "endpoint": "b",
          "auth": {"mode": "none", "mode": "hmac"}})");
  EXPECT_THAT(outcome.errors,
              ElementsAre(ErrorIs("connectors[1].config.endpoint", "duplicate key"),
                          ErrorIs("connectors[1].config.auth.mode", "duplicate key")));
  EXPECT_EQ(outcome.validated.values.at("endpoint"), "a") << "the first one is the one checked";
}

TEST(ConfigValidatorTest, DottedKeysAddressNestedObjects) {
  const Outcome outcome = validateExample(
      R"({"endpoint": "x", "app_secret": "env:S", "auth": {"mode": "none", "key": "file:/k"}})");
  EXPECT_THAT(outcome.errors, IsEmpty());
  EXPECT_EQ(outcome.validated.values.at("auth.mode"), "none");
  EXPECT_EQ(outcome.validated.values.at("auth.key"), "file:/k");
}

TEST(ConfigValidatorTest, NestedKeysGetDefaultsWhenTheirObjectIsAbsent) {
  const Outcome outcome = validateExample(kMinimalExample + std::string("}"));
  EXPECT_THAT(outcome.errors, IsEmpty());
  EXPECT_EQ(outcome.validated.values.at("auth.mode"), "hmac");
  EXPECT_EQ(outcome.validated.values.count("auth.key"), 0u) << "no default, not required";
}

TEST(ConfigValidatorTest, SuggestsNestedKeysAtTheirOwnLevel) {
  const Outcome outcome =
      validateExample(kMinimalExample + std::string(R"(, "auth": {"kye": 1}})"));
  EXPECT_THAT(outcome.errors, ElementsAre(ErrorIs("connectors[1].config.auth.kye",
                                                  "unknown key (did you mean \"key\"?)")));
}

TEST(ConfigValidatorTest, ANestedKeyHolderMustBeAnObject) {
  const Outcome outcome = validateExample(kMinimalExample + std::string(R"(, "auth": "hmac"})"));
  EXPECT_THAT(outcome.errors, ElementsAre(ErrorIs("connectors[1].config.auth",
                                                  "expected object, got string \"hmac\"")));
}

TEST(ConfigValidatorTest, RefusesDottedMemberNamesAndSaysHowToNest) {
  const Outcome outcome =
      validateExample(kMinimalExample + std::string(R"(, "auth.mode": "none"})"));
  EXPECT_THAT(outcome.errors,
              ElementsAre(ErrorIs("connectors[1].config.auth.mode",
                                  "write this key as nested objects: \"auth\": {\"mode\": ...}")));
}

TEST(ConfigValidatorTest, StringListMustHoldOnlyStrings) {
  const Outcome outcome =
      validate(R"({"dirs": ["plugins", 3, null, {"x": 1}]})", pluginsSectionTable(), "plugins");
  EXPECT_THAT(outcome.errors,
              ElementsAre(ErrorIs("plugins.dirs[1]", "expected string, got integer 3"),
                          ErrorIs("plugins.dirs[2]", "expected string, got null"),
                          ErrorIs("plugins.dirs[3]", "expected string, got object")));
}

TEST(ConfigValidatorTest, StringListMustBeAnArray) {
  const Outcome outcome = validate(R"({"dirs": "plugins"})", pluginsSectionTable(), "plugins");
  EXPECT_THAT(outcome.errors, ElementsAre(ErrorIs("plugins.dirs", "expected array of strings, got "
                                                                  "string \"plugins\"")));
}

TEST(ConfigValidatorTest, StringListValueIsJsonArrayText) {
  const Outcome outcome =
      validate(R"({"dirs": ["/opt/a", "b \"q\""]})", pluginsSectionTable(), "plugins");
  EXPECT_THAT(outcome.errors, IsEmpty());
  EXPECT_EQ(outcome.validated.values.at("dirs"), R"(["/opt/a","b \"q\""])");
  EXPECT_EQ(validate("{}", pluginsSectionTable(), "plugins").validated.values.at("dirs"), "[]");
}

TEST(ConfigValidatorTest, MarksSecretKeysAndKeepsTheirReference) {
  const Outcome outcome = validateExample(
      R"({"endpoint": "x", "app_secret": "env:APP_SECRET", "auth": {"key": "file:/run/k"}})");
  EXPECT_THAT(outcome.errors, IsEmpty());
  EXPECT_EQ(outcome.validated.secret_keys, (std::set<std::string>{"app_secret", "auth.key"}));
  EXPECT_EQ(outcome.validated.values.at("app_secret"), "env:APP_SECRET");
}

TEST(ConfigValidatorTest, RefusesInlineSecretsWithoutRepeatingThem) {
  const Outcome outcome = validateExample(
      R"({"endpoint": "x", "app_secret": "hunter2-inline", "auth": {"key": 123456789}})");
  EXPECT_THAT(outcome.errors,
              ElementsAre(ErrorIs("connectors[1].config.app_secret",
                                  "secrets must be given as env:NAME or file:PATH, not inline"),
                          ErrorIs("connectors[1].config.auth.key",
                                  "expected a string env:NAME or file:PATH, got integer")));
  for (const ConfigError& error : outcome.errors) {
    EXPECT_THAT(error.message, Not(HasSubstr("hunter2")));
    EXPECT_THAT(error.message, Not(HasSubstr("123456789")));
  }
}

TEST(ConfigValidatorTest, CutsLongStringsInMessages) {
  const Outcome outcome = validateHttp(R"({"port": ")" + std::string(500, 'x') + R"("})");
  ASSERT_EQ(outcome.errors.size(), 1u);
  EXPECT_LT(outcome.errors[0].message.size(), 120u);
  EXPECT_THAT(outcome.errors[0].message, HasSubstr("...")) << outcome.errors[0].message;
}

TEST(ConfigValidatorTest, CollectsEveryProblemInsteadOfStoppingAtTheFirst) {
  const Outcome outcome = validateHttp(
      R"({"prot": 1, "port": "x", "threads": 999, "keep_alive": "yes", "threads": 2})");
  EXPECT_EQ(outcome.errors.size(), 5u);
}

TEST(ConfigValidatorTest, ReportsAnObjectOfTheWrongType) {
  const Outcome outcome = validateHttp("[8080]");
  EXPECT_THAT(outcome.errors, ElementsAre(ErrorIs("http", "expected object, got array")));
}

} // namespace
} // namespace hotline::config
