#include "core/log/log.h"

#include <rapidjson/document.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace hotline::log {
namespace {

namespace fs = std::filesystem;

// Each test writes into its own temporary directory and restores the default sink after.
class LogSinkTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::random_device random;
    dir_ = fs::temp_directory_path() / ("hotline-log-test-" + std::to_string(random()));
    fs::create_directories(dir_);
    path_ = (dir_ / "gateway.log").string();
  }
  void TearDown() override {
    configure(Options{});
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  std::vector<std::string> readLines() const {
    std::ifstream in(path_);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
      lines.push_back(line);
    }
    return lines;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(LogSinkTest, WritesMaskedJsonLinesToTheFile) {
  configure({Level::Debug, path_});
  info("intake", "ticket received from 13812345678", {{"requester.name", "张三"}});
  debug("intake", "second line");
  configure(Options{}); // closes the file

  const std::vector<std::string> lines = readLines();
  ASSERT_EQ(lines.size(), 2u);
  for (const std::string& line : lines) {
    rapidjson::Document document;
    document.Parse(line.c_str(), line.size());
    ASSERT_FALSE(document.HasParseError()) << line;
    EXPECT_STREQ(document["component"].GetString(), "intake");
    EXPECT_EQ(std::string(document["ts"].GetString()).substr(23), "+08:00");
  }
  EXPECT_EQ(lines[0].find("13812345678"), std::string::npos);
  EXPECT_EQ(lines[0].find("张三"), std::string::npos);
  EXPECT_NE(lines[0].find("138****5678"), std::string::npos);
  EXPECT_NE(lines[1].find(R"("level":"debug")"), std::string::npos);
}

TEST_F(LogSinkTest, FiltersBelowTheConfiguredLevel) {
  configure({Level::Warn, path_});
  EXPECT_FALSE(enabled(Level::Info));
  EXPECT_TRUE(enabled(Level::Warn));
  EXPECT_TRUE(enabled(Level::Error));
  debug("c", "dropped debug");
  info("c", "dropped info");
  warn("c", "kept warn");
  error("c", "kept error");
  configure(Options{});

  const std::vector<std::string> lines = readLines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find("kept warn"), std::string::npos);
  EXPECT_NE(lines[1].find("kept error"), std::string::npos);
}

TEST_F(LogSinkTest, AppendsToAnExistingFile) {
  {
    std::ofstream existing(path_);
    existing << "earlier line\n";
  }
  configure({Level::Info, path_});
  info("c", "appended");
  configure(Options{});
  const std::vector<std::string> lines = readLines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "earlier line");
  EXPECT_NE(lines[1].find("appended"), std::string::npos);
}

TEST_F(LogSinkTest, UnopenableFileFallsBackToStderrAndSaysSo) {
  const std::string bad_path = (dir_ / "missing-dir" / "gateway.log").string();
  ::testing::internal::CaptureStderr();
  configure({Level::Info, bad_path});
  info("c", "still logged");
  const std::string captured = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(captured.find("cannot open the log file"), std::string::npos) << captured;
  EXPECT_NE(captured.find("missing-dir"), std::string::npos) << captured;
  EXPECT_NE(captured.find("still logged"), std::string::npos) << captured;
  EXPECT_FALSE(fs::exists(bad_path));
}

} // namespace
} // namespace hotline::log
