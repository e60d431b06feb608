#include "tests/unit/config/test_support.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace hotline::config::testing {

TempDir::TempDir() {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string pattern =
      (std::filesystem::temp_directory_path() /
       ("hotline_config_" + std::string(test ? test->name() : "test") + "_XXXXXX"))
          .string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp failed for " << pattern;
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::write(const std::string& name, const std::string& contents) const {
  const std::string file = path_ + "/" + name;
  std::ofstream out(file, std::ios::binary);
  out << contents;
  EXPECT_TRUE(out.good()) << "cannot write " << file;
  return file;
}

ScopedEnv::ScopedEnv(std::string name, std::optional<std::string> value) : name_(std::move(name)) {
  if (const char* old = std::getenv(name_.c_str())) {
    previous_ = old;
  }
  if (value) {
    ::setenv(name_.c_str(), value->c_str(), 1);
  } else {
    ::unsetenv(name_.c_str());
  }
}

ScopedEnv::~ScopedEnv() {
  if (previous_) {
    ::setenv(name_.c_str(), previous_->c_str(), 1);
  } else {
    ::unsetenv(name_.c_str());
  }
}

rapidjson::Document parseJson(const std::string& json) {
  rapidjson::Document document;
  document.Parse(json.c_str(), json.size());
  EXPECT_FALSE(document.HasParseError())
      << "bad test JSON at offset " << document.GetErrorOffset() << ": " << json;
  return document;
}

namespace {

ConfigKey key(std::string name, ConfigType type, std::string doc) {
  ConfigKey k;
  k.key = std::move(name);
  k.type = type;
  k.doc = std::move(doc);
  return k;
}

ConfigTable buildExample() {
  ConfigKey endpoint = key("endpoint", ConfigType::String, "Base URL of the peer.");
  endpoint.required = true;
  ConfigKey app_secret = key("app_secret", ConfigType::Secret, "Shared secret for signatures.");
  app_secret.required = true;
  ConfigKey timeout = key("timeout_ms", ConfigType::Integer, "Request timeout.");
  timeout.default_value = "5000";
  timeout.min = 1;
  timeout.max = 60000;
  ConfigKey ratio = key("ratio", ConfigType::Number, "Share of traffic sampled.");
  ratio.default_value = "0.5";
  ratio.min = 0;
  ratio.max = 1;
  ConfigKey mode = key("auth.mode", ConfigType::Enum, "How requests are authenticated.");
  mode.default_value = "hmac";
  mode.allowed = {"hmac", "none"};
  ConfigKey auth_key = key("auth.key", ConfigType::Secret, "Key for the hmac mode.");
  ConfigKey tags = key("tags", ConfigType::StringList, "Labels added to every record.");
  tags.default_value = "[]";
  return {"example",
          "A fake connector type for tests.",
          {endpoint, app_secret, timeout, ratio, mode, auth_key, tags}};
}

} // namespace

const ConfigTable& exampleConnectorTable() {
  static const ConfigTable table = buildExample();
  return table;
}

} // namespace hotline::config::testing
