// The department simulator's pure parts: its behaviour scripts and its command line.

#include <gtest/gtest.h>

#include "simulators/department/src/behaviour_script.h"
#include "simulators/department/src/department_options.h"
#include "tests/support/child_process.h"

namespace hotline::sim::department {
namespace {

TEST(DepartmentBehaviourScript, ReadsEveryActionWithItsFields) {
  auto script = parseBehaviourScript(
      R"({"steps":[{"action":"sign","after_ms":100},
                   {"action":"progress","after_ms":50,"content":"已派人勘查"},
                   {"action":"extension","after_ms":50,"days":3,"reason":"需协调供电公司"},
                   {"action":"result","after_ms":50,"content":"已修复"},
                   {"action":"return","reason":"不属于本单位职责"}]})");
  ASSERT_TRUE(script.isOk()) << script.status().message();
  ASSERT_EQ(script->steps.size(), 5u);
  EXPECT_EQ(script->steps[0].action, CallbackAction::Sign);
  EXPECT_EQ(script->steps[0].after_ms, 100);
  EXPECT_EQ(script->steps[1].content, "已派人勘查");
  EXPECT_EQ(script->steps[2].action, CallbackAction::Extension);
  EXPECT_EQ(script->steps[2].days, 3);
  EXPECT_EQ(script->steps[2].reason, "需协调供电公司");
  EXPECT_EQ(script->steps[4].after_ms, 0);
  EXPECT_EQ(actionCode(script->steps[3].action), "03");
  EXPECT_EQ(actionCode(script->steps[4].action), "05");
}

TEST(DepartmentBehaviourScript, EmptyStepsMeansDoNothing) {
  auto script = parseBehaviourScript(R"({"steps":[]})");
  ASSERT_TRUE(script.isOk());
  EXPECT_TRUE(script->steps.empty());
}

TEST(DepartmentBehaviourScript, RoundTripsThroughItsJson) {
  auto script = parseBehaviourScript(
      R"({"steps":[{"action":"extension","after_ms":5,"days":2,"reason":"r"}]})");
  ASSERT_TRUE(script.isOk());
  auto again = parseBehaviourScript(behaviourScriptJson(*script));
  ASSERT_TRUE(again.isOk()) << again.status().message();
  EXPECT_EQ(again->steps[0].days, 2);
  EXPECT_EQ(again->steps[0].reason, "r");
  EXPECT_EQ(again->steps[0].after_ms, 5);
}

struct BadScript {
  const char* json;
  const char* error_start;
};

TEST(DepartmentBehaviourScript, ErrorsNameTheField) {
  const BadScript cases[] = {
      {"not json", "behaviour: not JSON"},
      {R"({"step":[]})", "steps: required"},
      {R"({"steps":[{"action":"sign"},{"action":"close"}]})", "steps[1].action: \"close\""},
      {R"({"steps":[{"after_ms":5}]})", "steps[0].action: required"},
      {R"({"steps":[{"action":"sign","afterMs":5}]})", "steps[0].afterMs: unknown member"},
      {R"({"steps":[{"action":"sign","after_ms":-1}]})", "steps[0].after_ms: expected"},
      {R"({"steps":[{"action":"sign","after_ms":"5"}]})", "steps[0].after_ms: expected"},
      {R"({"steps":[{"action":"extension","reason":"r"}]})", "steps[0].days: expected"},
      {R"({"steps":[{"action":"sign","days":3}]})", "steps[0].days: only an extension"},
      {R"({"steps":[{"action":"progress"}]})", "steps[0].content: required for progress"},
      {R"({"steps":[{"action":"return"}]})", "steps[0].reason: required for return"},
      {R"({"steps":[{"action":"result","content":7}]})", "steps[0].content: expected a string"},
      {R"({"steps":[7]})", "steps[0]: expected an object"},
  };
  for (const BadScript& bad : cases) {
    auto script = parseBehaviourScript(bad.json);
    ASSERT_FALSE(script.isOk()) << bad.json;
    EXPECT_EQ(script.status().code(), StatusCode::InvalidArgument);
    EXPECT_TRUE(script.status().message().starts_with(bad.error_start))
        << bad.json << " -> " << script.status().message();
  }
}

Result<DepartmentOptions> parse(std::vector<std::string> args) {
  return parseDepartmentOptions(args);
}

TEST(DepartmentOptions, DefaultsAndKey) {
  auto options = parse({"--port", "0", "--app-key", "yc-cgj", "--secret", "s3cret"});
  ASSERT_TRUE(options.isOk()) << options.status().message();
  EXPECT_EQ(options->serve.port, 0);
  EXPECT_EQ(options->key.app_key, "yc-cgj");
  EXPECT_EQ(options->key.secret, "s3cret");
  EXPECT_EQ(options->key.algorithm, support::HmacAlgorithm::Sha256);
  EXPECT_EQ(options->format, PayloadFormat::Json);
  EXPECT_EQ(options->base_path, "/api");
  EXPECT_EQ(options->unit_code, "CGJ");
  EXPECT_TRUE(options->case_prefix.starts_with("CGJ-20")) << options->case_prefix;
  EXPECT_EQ(options->pull_interval_ms, 0);
}

TEST(DepartmentOptions, ReadsEveryFlag) {
  const std::string secret_file = hotline::testing::writeTempFile("key", "file-secret\n");
  auto options = parse({"--port=9300",
                        "--app-key",
                        "yc-zjj",
                        "--secret-file",
                        secret_file,
                        "--sign-alg",
                        "HMAC-SM3",
                        "--format",
                        "xml",
                        "--base-path",
                        "/ws/v2",
                        "--gateway",
                        "http://127.0.0.1:8080/connectors/dept-zjj",
                        "--unit-code",
                        "ZJJ",
                        "--handler",
                        "张三",
                        "--case-prefix",
                        "ZJJ-2026",
                        "--pull-interval-ms",
                        "250",
                        "--threads",
                        "4"});
  ASSERT_TRUE(options.isOk()) << options.status().message();
  EXPECT_EQ(options->serve.port, 9300);
  EXPECT_EQ(options->serve.threads, 4u);
  EXPECT_EQ(options->key.secret, "file-secret"); // the file's newline is not part of it
  EXPECT_EQ(options->key.algorithm, support::HmacAlgorithm::Sm3);
  EXPECT_EQ(options->format, PayloadFormat::Xml);
  EXPECT_EQ(options->base_path, "/ws/v2");
  EXPECT_EQ(options->gateway, "http://127.0.0.1:8080/connectors/dept-zjj");
  EXPECT_EQ(options->handler, "张三");
  EXPECT_EQ(options->case_prefix, "ZJJ-2026");
  EXPECT_EQ(options->pull_interval_ms, 250);
}

struct BadOptions {
  std::vector<std::string> args;
  const char* error_start;
};

TEST(DepartmentOptions, ErrorsNameTheFlagAndNeverTheSecret) {
  const std::vector<std::string> key{"--port", "0", "--app-key", "k", "--secret", "hush-hush"};
  auto with = [&key](std::vector<std::string> more) {
    more.insert(more.begin(), key.begin(), key.end());
    return more;
  };
  const BadOptions cases[] = {
      {{"--port", "0", "--secret", "hush-hush"}, "--app-key is required"},
      {{"--port", "0", "--app-key", "k"}, "give exactly one of --secret and --secret-file"},
      {with({"--secret-file", "/nonexistent/key"}), "give exactly one"},
      {{"--port", "0", "--app-key", "k", "--secret-file", "/nonexistent/key"}, "--secret-file"},
      {with({"--sign-alg", "HMAC-MD5"}), "--sign-alg: X-Sign-Alg: HMAC-MD5 is not supported"},
      {with({"--format", "yaml"}), "--format: expected json or xml"},
      {with({"--base-path", "api/"}), "--base-path: expected a path"},
      {with({"--gateway", "127.0.0.1:8080"}), "--gateway: expected an http://"},
      {with({"--pull-interval-ms", "100"}), "--pull-interval-ms needs --gateway"},
      {with({"--gateway", "http://h", "--pull-interval-ms", "0"}), "--pull-interval-ms: expected"},
      {with({"--unit-code", ""}), "--unit-code: must not be empty"},
      {with({"--colour", "red"}), "unknown option --colour"},
      {with({"--handler"}), "--handler: missing value"},
      {{"--app-key", "k", "--secret", "hush-hush"}, "--port is required"},
  };
  for (const BadOptions& bad : cases) {
    auto options = parse(bad.args);
    ASSERT_FALSE(options.isOk()) << bad.error_start;
    EXPECT_TRUE(options.status().message().starts_with(bad.error_start))
        << options.status().message();
    EXPECT_EQ(options.status().message().find("hush-hush"), std::string::npos);
  }
}

} // namespace
} // namespace hotline::sim::department
