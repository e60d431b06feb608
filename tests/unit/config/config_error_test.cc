#include "core/config/config_error.h"

#include <gtest/gtest.h>

namespace hotline::config {
namespace {

TEST(ConfigErrorTest, OrdersIndicesAsNumbers) {
  EXPECT_TRUE(pathLess("connectors[2].name", "connectors[10].name"));
  EXPECT_FALSE(pathLess("connectors[10].name", "connectors[2].name"));
  EXPECT_TRUE(pathLess("plugins.dirs[9]", "plugins.dirs[11]"));
}

TEST(ConfigErrorTest, OrdersSegmentsBeforeLongerNames) {
  EXPECT_TRUE(pathLess("http", "http.port"));
  EXPECT_TRUE(pathLess("http.port", "http_extra"));
  EXPECT_TRUE(pathLess("connectors[1].config.endpoint", "connectors[1].name"));
  EXPECT_TRUE(pathLess("gateway.role", "http.bind"));
  EXPECT_FALSE(pathLess("http.port", "http.port"));
}

TEST(ConfigErrorTest, SortingKeepsTheOrderOfErrorsOnOnePath) {
  ConfigErrors errors = {{"log.level", "b"}, {"http.port", "first"}, {"http.port", "second"}};
  sortByPath(errors);
  EXPECT_EQ(errors[0].message, "first");
  EXPECT_EQ(errors[1].message, "second");
  EXPECT_EQ(errors[2].path, "log.level");
}

TEST(ConfigErrorTest, StatusStartsWithTheSourceAndListsOneErrorPerLine) {
  const Status status = toStatus("config/gateway.json", {{"log.level", "bad level"},
                                                         {"connectors[10].name", "ten"},
                                                         {"connectors[2].name", "two"},
                                                         {"", "whole file"}});
  EXPECT_EQ(status.code(), StatusCode::InvalidArgument);
  EXPECT_EQ(status.message(), "config/gateway.json: 4 configuration errors\n"
                              "  whole file\n"
                              "  connectors[2].name: two\n"
                              "  connectors[10].name: ten\n"
                              "  log.level: bad level");
}

TEST(ConfigErrorTest, SingleErrorIsCountedInTheSingular) {
  const Status status = toStatus("g.json", {{"http.port", "x"}});
  EXPECT_EQ(status.message(), "g.json: 1 configuration error\n  http.port: x");
}

TEST(ConfigErrorTest, JoinsPaths) {
  EXPECT_EQ(joinPath("", "http"), "http");
  EXPECT_EQ(joinPath("http", ""), "http");
  EXPECT_EQ(joinPath("connectors[0].config", "auth.key"), "connectors[0].config.auth.key");
}

} // namespace
} // namespace hotline::config
