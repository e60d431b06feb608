#include "tests/unit/mapping/mapping_test_support.h"

#include <rapidjson/document.h>

namespace hotline::mapping::mapping_tests {

const CodeTables& fixtureCodes() {
  static const CodeTables kCodes = [] {
    Result<CodeTables> codes =
        CodeTables::loadDirectory(HOTLINE_SOURCE_DIR "/tests/unit/mapping/fixtures/codes");
    EXPECT_TRUE(codes.isOk()) << codes.status().toString();
    return codes.isOk() ? std::move(codes).value() : CodeTables();
  }();
  return kCodes;
}

std::shared_ptr<const Plan> compileOk(std::string_view text) {
  Result<std::shared_ptr<const Plan>> plan =
      compileText(text, std::string(kTestFile), fixtureCodes());
  EXPECT_TRUE(plan.isOk()) << plan.status().message();
  return plan.isOk() ? std::move(plan).value() : nullptr;
}

std::string loadError(std::string_view text) {
  Result<std::shared_ptr<const Plan>> plan =
      compileText(text, std::string(kTestFile), fixtureCodes());
  EXPECT_FALSE(plan.isOk()) << "compiled, but an error was expected:\n" << text;
  return plan.isOk() ? std::string() : plan.status().message();
}

std::string runOk(const Plan& plan, std::string_view input) {
  Result<RunOutput> output = plan.run(input);
  EXPECT_TRUE(output.isOk()) << output.status().message();
  return output.isOk() ? output->document : std::string();
}

std::string runError(const Plan& plan, std::string_view input) {
  Result<RunOutput> output = plan.run(input);
  EXPECT_FALSE(output.isOk()) << "ran, but an error was expected; output: "
                              << (output.isOk() ? output->document : "");
  if (!output.isOk()) {
    EXPECT_EQ(output.status().code(), StatusCode::InvalidArgument);
  }
  return output.isOk() ? std::string() : output.status().message();
}

std::string inbound(std::string_view source, std::string_view fields) {
  return R"({"mapping": 1, "direction": "inbound", "kind": "ticket", "source": )" +
         std::string(source) + R"(, "fields": )" + std::string(fields) + "}";
}

std::string inboundJson(std::string_view fields) {
  return inbound(R"({"format": "json"})", fields);
}

std::string outbound(std::string_view target, std::string_view fields) {
  return R"({"mapping": 1, "direction": "outbound", "kind": "ticket", "target": )" +
         std::string(target) + R"(, "fields": )" + std::string(fields) + "}";
}

namespace {

std::string titleMapping(std::string_view transforms) {
  return inboundJson(R"([{"to": "/title", "from": "/v", "transforms": )" + std::string(transforms) +
                     "}]");
}

} // namespace

std::string titleFrom(std::string_view value_json, std::string_view transforms) {
  std::shared_ptr<const Plan> plan = compileOk(titleMapping(transforms));
  if (plan == nullptr) {
    return "(no plan)";
  }
  const std::string document = runOk(*plan, R"({"v": )" + std::string(value_json) + "}");
  rapidjson::Document parsed;
  parsed.Parse(document.c_str());
  if (parsed.HasParseError() || !parsed.IsObject() || !parsed.HasMember("title")) {
    return "";
  }
  return parsed["title"].IsString() ? parsed["title"].GetString() : "(not a string)";
}

std::string titleError(std::string_view value_json, std::string_view transforms) {
  std::shared_ptr<const Plan> plan = compileOk(titleMapping(transforms));
  return plan == nullptr ? "(no plan)"
                         : runError(*plan, R"({"v": )" + std::string(value_json) + "}");
}

} // namespace hotline::mapping::mapping_tests
