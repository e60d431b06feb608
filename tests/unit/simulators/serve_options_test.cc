#include "simulators/common/serve_options.h"

#include <gtest/gtest.h>

#include <vector>

namespace hotline::sim {
namespace {

Result<ServeOptions> parse(std::vector<std::string> args) {
  return parseServeOptions(args);
}

TEST(SimServeOptions, PortIsRequired) {
  auto options = parse({});
  ASSERT_FALSE(options.isOk());
  EXPECT_NE(options.status().message().find("--port is required"), std::string::npos);
}

TEST(SimServeOptions, DefaultsToLoopback) {
  auto options = parse({"--port", "0"});
  ASSERT_TRUE(options.isOk());
  EXPECT_EQ(options->port, 0);
  EXPECT_EQ(options->bind, "127.0.0.1");
  EXPECT_EQ(options->threads, 64u);
}

TEST(SimServeOptions, ReadsEveryFlagInBothSpellings) {
  auto options = parse({"--port=18080", "--bind", "::1", "--threads=8"});
  ASSERT_TRUE(options.isOk()) << options.status().message();
  EXPECT_EQ(options->port, 18080);
  EXPECT_EQ(options->bind, "::1");
  EXPECT_EQ(options->threads, 8u);
}

TEST(SimServeOptions, RefusesBadValuesAndUnknownFlags) {
  const std::vector<std::vector<std::string>> bad{{"--port", "65536"},
                                                  {"--port", "80x"},
                                                  {"--port", "-1"},
                                                  {"--port", "1", "--threads", "0"},
                                                  {"--port", "1", "--threads", "5000"},
                                                  {"--port", "1", "--colour", "red"},
                                                  {"--port"},
                                                  {"--port", "1", "--bind="}};
  for (const auto& args : bad) {
    EXPECT_FALSE(parse(args).isOk()) << ::testing::PrintToString(args);
  }
}

} // namespace
} // namespace hotline::sim
