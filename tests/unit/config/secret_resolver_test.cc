#include "core/config/secret_resolver.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/config/test_support.h"

namespace hotline::config {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::ScopedEnv;
using testing::TempDir;

SecretReference reference(std::string_view text) {
  Result<SecretReference> parsed = parseSecretReference(text);
  EXPECT_TRUE(parsed.isOk()) << parsed.status().toString();
  return parsed.isOk() ? *parsed : SecretReference{};
}

TEST(ConfigSecretTest, ParsesEnvAndFileReferences) {
  const SecretReference env = reference("env:WECHAT_APP_SECRET");
  EXPECT_EQ(env.source, SecretReference::Source::Env);
  EXPECT_EQ(env.name, "WECHAT_APP_SECRET");
  EXPECT_EQ(env.text(), "env:WECHAT_APP_SECRET");
  const SecretReference file = reference("file:/run/credentials/sms.key");
  EXPECT_EQ(file.source, SecretReference::Source::File);
  EXPECT_EQ(file.name, "/run/credentials/sms.key");
}

TEST(ConfigSecretTest, RefusesInlineValuesWithoutRepeatingThem) {
  for (const char* inline_value : {"s3cr3t", "ENV:UPPER", "", "environment:X"}) {
    const Result<SecretReference> parsed = parseSecretReference(inline_value);
    ASSERT_FALSE(parsed.isOk()) << inline_value;
    EXPECT_EQ(parsed.status().code(), StatusCode::InvalidArgument);
    EXPECT_EQ(parsed.status().message(),
              "secrets must be given as env:NAME or file:PATH, not inline");
  }
}

TEST(ConfigSecretTest, RefusesMalformedReferencesWithoutRepeatingThem) {
  const Result<SecretReference> bad_name = parseSecretReference("env:my secret value");
  ASSERT_FALSE(bad_name.isOk());
  EXPECT_THAT(bad_name.status().message(), Not(HasSubstr("my secret value")));
  EXPECT_FALSE(parseSecretReference("env:1ABC").isOk());
  EXPECT_FALSE(parseSecretReference("env:").isOk());
  EXPECT_FALSE(parseSecretReference("file:").isOk());
}

TEST(ConfigSecretTest, ResolvesAnEnvironmentVariable) {
  const ScopedEnv env("HOTLINE_TEST_SECRET_A", "value-from-env");
  const Result<std::string> secret = resolveSecret(reference("env:HOTLINE_TEST_SECRET_A"));
  ASSERT_TRUE(secret.isOk()) << secret.status().toString();
  EXPECT_EQ(*secret, "value-from-env");
}

TEST(ConfigSecretTest, NamesAMissingEnvironmentVariable) {
  const ScopedEnv env("HOTLINE_TEST_SECRET_MISSING", std::nullopt);
  const Result<std::string> secret = resolveSecret(reference("env:HOTLINE_TEST_SECRET_MISSING"));
  ASSERT_FALSE(secret.isOk());
  EXPECT_EQ(secret.status().message(),
            "environment variable HOTLINE_TEST_SECRET_MISSING is not set");
}

TEST(ConfigSecretTest, RefusesAnEmptyEnvironmentVariable) {
  const ScopedEnv env("HOTLINE_TEST_SECRET_EMPTY", "");
  const Result<std::string> secret = resolveSecret(reference("env:HOTLINE_TEST_SECRET_EMPTY"));
  ASSERT_FALSE(secret.isOk());
  EXPECT_EQ(secret.status().message(), "environment variable HOTLINE_TEST_SECRET_EMPTY is empty");
}

TEST(ConfigSecretTest, ReadsAFileTrimmingOneTrailingNewline) {
  const TempDir dir;
  const std::string lf = dir.write("lf", "from-file\n");
  const std::string two = dir.write("two", "from-file\n\n");
  const std::string crlf = dir.write("crlf", "from-file\r\n");
  const std::string none = dir.write("none", "from-file");
  EXPECT_EQ(*resolveSecret(reference("file:" + lf)), "from-file");
  EXPECT_EQ(*resolveSecret(reference("file:" + two)), "from-file\n");
  EXPECT_EQ(*resolveSecret(reference("file:" + crlf)), "from-file");
  EXPECT_EQ(*resolveSecret(reference("file:" + none)), "from-file");
}

TEST(ConfigSecretTest, NamesAnUnreadableFile) {
  const TempDir dir;
  const std::string missing = dir.path() + "/absent.key";
  const Result<std::string> secret = resolveSecret(reference("file:" + missing));
  ASSERT_FALSE(secret.isOk());
  EXPECT_EQ(secret.status().message(),
            "secret file " + missing + ": cannot read: No such file or directory");
  const Result<std::string> directory = resolveSecret(reference("file:" + dir.path()));
  ASSERT_FALSE(directory.isOk());
  EXPECT_THAT(directory.status().message(), HasSubstr(dir.path()));
}

TEST(ConfigSecretTest, RefusesAnEmptyFile) {
  const TempDir dir;
  const std::string empty = dir.write("empty", "\n");
  const Result<std::string> secret = resolveSecret(reference("file:" + empty));
  ASSERT_FALSE(secret.isOk());
  EXPECT_EQ(secret.status().message(), "secret file " + empty + " is empty");
}

TEST(ConfigSecretTest, MaskedFormNamesOnlyTheReference) {
  EXPECT_EQ(maskedSecret("env:WECHAT_APP_SECRET"), "<secret from env:WECHAT_APP_SECRET>");
  EXPECT_EQ(maskedSecret("file:/run/k"), "<secret from file:/run/k>");
}

} // namespace
} // namespace hotline::config
