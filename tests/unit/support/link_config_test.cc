// What the connectors share of their configuration and health: the signing key
// (signing_key_config.h), the peer's base URL (base_url.h) and the failure streak
// (failure_streak.h).

#include "hotline/support/base_url.h"
#include "hotline/support/failure_streak.h"
#include "hotline/support/signing_key_config.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace hotline::support {
namespace {

template <typename Read>
auto readFrom(const std::map<std::string, std::string>& values, Read read) {
  std::vector<hl_kv> kv;
  for (const auto& [name, value] : values) {
    kv.push_back({plugin::abi::borrow(name), plugin::abi::borrow(value)});
  }
  hl_config config{sizeof(hl_config), kv.data(), kv.size(), plugin::abi::borrow("link")};
  return read(plugin::Config(config));
}

Result<SigningKey> keyFrom(const std::map<std::string, std::string>& values) {
  return readFrom(values, [](const plugin::Config& config) { return readSigningKey(config); });
}

VerifierOptions verifierFrom(const std::map<std::string, std::string>& values) {
  return readFrom(values, [](const plugin::Config& config) { return readVerifierOptions(config); });
}

TEST(VerifierOptionsConfig, WindowAndReplayCacheWithTheirDefaults) {
  VerifierOptions defaults = verifierFrom({});
  EXPECT_EQ(defaults.window, std::chrono::seconds(300));
  EXPECT_EQ(defaults.nonce_limits.per_key, 50000u);
  EXPECT_EQ(defaults.nonce_limits.total, 50000u);
  VerifierOptions set = verifierFrom({{"window_s", "10"}, {"replay_cache", "400000"}});
  EXPECT_EQ(set.window, std::chrono::seconds(10));
  EXPECT_EQ(set.nonce_limits.per_key, 400000u);
  EXPECT_EQ(set.nonce_limits.total, 400000u);
}

TEST(SigningKeyConfig, ReadsTheKeyWithSha256ByDefault) {
  Result<SigningKey> key = keyFrom({{"app_key", "yc-cgj"}, {"secret", "s3cret"}});
  ASSERT_TRUE(key.isOk()) << key.status().toString();
  EXPECT_EQ(key->app_key, "yc-cgj");
  EXPECT_EQ(key->secret, "s3cret");
  EXPECT_EQ(key->algorithm, HmacAlgorithm::Sha256);
  EXPECT_EQ(keyFrom({{"app_key", "k"}, {"secret", "s"}, {"sign_alg", "HMAC-SM3"}})->algorithm,
            HmacAlgorithm::Sm3);
}

TEST(SigningKeyConfig, RefusalsNameTheKeyInOrder) {
  EXPECT_EQ(keyFrom({{"sign_alg", "MD5"}}).status().message().rfind("sign_alg: ", 0), 0u);
  EXPECT_EQ(keyFrom({{"secret", "s"}}).status().message(),
            "app_key: must be 1 to 128 visible ASCII characters");
  EXPECT_EQ(keyFrom({{"app_key", "has space"}, {"secret", "s"}}).status().code(),
            StatusCode::InvalidArgument);
  EXPECT_EQ(keyFrom({{"app_key", "k"}}).status().message(), "secret: is empty");
}

TEST(BaseUrl, SplitsOriginAndPathWithoutTrailingSlashes) {
  Result<BaseUrl> base = parseBaseUrl("peer_url", "http://gw:8080/connectors/county-x//");
  ASSERT_TRUE(base.isOk()) << base.status().toString();
  EXPECT_EQ(base->url, "http://gw:8080/connectors/county-x");
  EXPECT_EQ(base->origin, "http://gw:8080");
  EXPECT_EQ(base->path, "/connectors/county-x");
  Result<BaseUrl> bare = parseBaseUrl("endpoint", "https://10.0.0.5:9300/");
  ASSERT_TRUE(bare.isOk());
  EXPECT_EQ(bare->origin, "https://10.0.0.5:9300");
  EXPECT_EQ(bare->path, "");
}

TEST(BaseUrl, RefusesOtherSchemesQueriesAndFragments) {
  EXPECT_EQ(parseBaseUrl("endpoint", "ftp://x/").status().message(),
            "endpoint: \"ftp://x\" is not an http:// or https:// URL without query or fragment");
  EXPECT_FALSE(parseBaseUrl("peer_url", "").isOk());
  EXPECT_FALSE(parseBaseUrl("peer_url", "http://x/api?a=1").isOk());
  EXPECT_FALSE(parseBaseUrl("peer_url", "http://x/api#top").isOk());
}

TEST(FailureStreak, DegradedAfterThreeInARowUntilASuccess) {
  FailureStreak streak("pushes");
  streak.failed("one");
  streak.failed("two");
  EXPECT_EQ(streak.health().state, plugin::Health::State::Healthy);
  streak.failed("HTTP 503");
  plugin::Health health = streak.health();
  EXPECT_EQ(health.state, plugin::Health::State::Degraded);
  EXPECT_EQ(health.detail, "3 pushes in a row failed; last: HTTP 503");
  streak.succeeded();
  EXPECT_EQ(streak.health().state, plugin::Health::State::Healthy);
}

} // namespace
} // namespace hotline::support
