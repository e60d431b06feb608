#include "core/admin/admin_token.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace hotline::admin {
namespace {

std::filesystem::path tempDir() {
  char pattern[] = "/tmp/hl-admin-token-XXXXXX";
  return std::filesystem::path(::mkdtemp(pattern));
}

TEST(AdminToken, GeneratesAPrivateTokenOnceAndReusesIt) {
  std::filesystem::path dir = tempDir();
  std::string file = (dir / "var" / "admin.token").string();
  Result<std::string> first = ensureAdminToken("", file);
  ASSERT_TRUE(first.isOk()) << first.status().toString();
  EXPECT_EQ(first->size(), 64u);
  struct stat info {};
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  Result<std::string> again = ensureAdminToken("", file);
  ASSERT_TRUE(again.isOk());
  EXPECT_EQ(*again, *first);
  std::filesystem::remove_all(dir);
}

TEST(AdminToken, AConfiguredTokenWinsAndNoFileIsWritten) {
  std::filesystem::path dir = tempDir();
  std::string file = (dir / "admin.token").string();
  Result<std::string> token = ensureAdminToken("s3cret-from-env", file);
  ASSERT_TRUE(token.isOk());
  EXPECT_EQ(*token, "s3cret-from-env");
  EXPECT_FALSE(std::filesystem::exists(file));
  std::filesystem::remove_all(dir);
}

TEST(AdminToken, MatchingAndBearerParsing) {
  EXPECT_TRUE(tokenMatches("abc123", "abc123"));
  EXPECT_FALSE(tokenMatches("abc123", "abc124"));
  EXPECT_FALSE(tokenMatches("abc123", "abc12"));
  EXPECT_FALSE(tokenMatches("", ""));
  EXPECT_EQ(bearerToken("Bearer xyz"), "xyz");
  EXPECT_EQ(bearerToken("Basic xyz"), "");
  EXPECT_EQ(bearerToken("Bearer "), "");
}

} // namespace
} // namespace hotline::admin
