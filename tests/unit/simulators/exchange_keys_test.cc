// The exchange simulator's key specs (APPKEY:SECRET[:ALG]), keys files and command line.

#include <gtest/gtest.h>

#include "simulators/exchange/src/exchange_options.h"
#include "simulators/exchange/src/peer_keys.h"
#include "tests/support/child_process.h"

namespace hotline::sim::exchange {
namespace {

using support::HmacAlgorithm;

TEST(ExchangeKeysTest, ParsesAppKeySecretAndOptionalAlgorithm) {
  auto plain = parseKeySpec("yucheng-county:s3cret", "--peer-key");
  ASSERT_TRUE(plain.isOk()) << plain.status().message();
  EXPECT_EQ(plain->app_key, "yucheng-county");
  EXPECT_EQ(plain->secret, "s3cret");
  EXPECT_EQ(plain->algorithm, HmacAlgorithm::Sha256);

  auto sm3 = parseKeySpec("yc:s3cret:HMAC-SM3", "--peer-key");
  ASSERT_TRUE(sm3.isOk());
  EXPECT_EQ(sm3->secret, "s3cret");
  EXPECT_EQ(sm3->algorithm, HmacAlgorithm::Sm3);
}

TEST(ExchangeKeysTest, ASecretMayHoldColons) {
  auto key = parseKeySpec("yc:a:b:c", "--peer-key");
  ASSERT_TRUE(key.isOk());
  EXPECT_EQ(key->secret, "a:b:c");
  auto with_alg = parseKeySpec("yc:a:b:HMAC-SHA256", "--peer-key");
  ASSERT_TRUE(with_alg.isOk());
  EXPECT_EQ(with_alg->secret, "a:b");
}

TEST(ExchangeKeysTest, RefusalsNameTheFlagAndNeverTheSecret) {
  for (const char* spec : {"no-colon", "yc:", ":secret-value", "yc:secret-value:HMAC-MD5"}) {
    auto key = parseKeySpec(spec, "--peer-key");
    ASSERT_FALSE(key.isOk()) << spec;
    EXPECT_TRUE(key.status().message().starts_with("--peer-key: ")) << key.status().message();
    EXPECT_EQ(key.status().message().find("secret-value"), std::string::npos)
        << key.status().message();
  }
}

TEST(ExchangeKeysTest, KeysTextSkipsCommentsAndNamesTheLineOfAMistake) {
  PeerKeys keys;
  ASSERT_TRUE(keys.addFromText("# peers\n\nyc:one\r\n  sq:two:HMAC-SM3  \n", "keys.txt").isOk());
  EXPECT_EQ(keys.size(), 2u);
  auto lookup = keys.lookup();
  ASSERT_TRUE(lookup("sq").has_value());
  EXPECT_EQ(lookup("sq")->secret, "two");
  EXPECT_EQ(lookup("sq")->algorithms, std::vector<HmacAlgorithm>{HmacAlgorithm::Sm3});
  EXPECT_FALSE(lookup("zz").has_value());

  PeerKeys broken;
  Status status = broken.addFromText("yc:one\nbroken-line\n", "keys.txt");
  ASSERT_FALSE(status.isOk());
  EXPECT_TRUE(status.message().starts_with("keys.txt:2: ")) << status.message();
}

TEST(ExchangeKeysTest, AnAppKeyGivenTwiceIsRefused) {
  PeerKeys keys;
  Status status = keys.addFromText("yc:one\nyc:two\n", "keys.txt");
  ASSERT_FALSE(status.isOk());
  EXPECT_NE(status.message().find("\"yc\" is given twice"), std::string::npos);
}

Result<ExchangeOptions> parse(std::vector<std::string> args) {
  return parseExchangeOptions(std::span<const std::string>(args));
}

TEST(ExchangeOptionsTest, ParsesEveryOptionAndLeavesServeOptionsToTheCommonParser) {
  const std::string keys_file = hotline::testing::writeTempFile("keys.txt", "more:secret2\n");
  auto options = parse({"--port", "0", "--peer-key", "yc:secret", "--keys-file", keys_file,
                        "--gateway=http://127.0.0.1:9000/connectors/city-exchange/", "--own-key",
                        "sq:own", "--system", "kaifeng-12345", "--county-system", "yucheng-12345",
                        "--number-prefix", "KF", "--threads", "4"});
  ASSERT_TRUE(options.isOk()) << options.status().message();
  EXPECT_EQ(options->serve.port, 0);
  EXPECT_EQ(options->serve.threads, 4u);
  EXPECT_EQ(options->peer_keys.size(), 2u);
  ASSERT_TRUE(options->gateway.has_value());
  EXPECT_EQ(options->gateway->origin, "http://127.0.0.1:9000");
  EXPECT_EQ(options->gateway->path_prefix, "/connectors/city-exchange");
  EXPECT_EQ(options->own_key->app_key, "sq");
  EXPECT_EQ(options->system, "kaifeng-12345");
  EXPECT_EQ(options->county_system, "yucheng-12345");
  EXPECT_EQ(options->number_prefix, "KF");
}

TEST(ExchangeOptionsTest, RefusesIncompleteOrWrongCommandLines) {
  struct Case {
    std::vector<std::string> args;
    const char* expected;
  };
  const std::vector<Case> cases{
      {{"--port", "0"}, "--peer-key or --keys-file is required"},
      {{"--port", "0", "--peer-key", "yc:s", "--gateway", "http://127.0.0.1:1"},
       "--gateway needs --own-key"},
      {{"--port", "0", "--peer-key", "yc:s", "--gateway", "https://x"}, "--gateway: expected"},
      {{"--port", "0", "--peer-key", "yc:s", "--number-prefix", "S Q"}, "--number-prefix"},
      {{"--port", "0", "--peer-key", "yc:s", "--behaviour", "/nonexistent/b.json"},
       "--behaviour: cannot read"},
      {{"--peer-key", "yc:s"}, "--port is required"},
      {{"--port", "0", "--peer-key"}, "--peer-key: missing value"},
      {{"--port", "0", "--peer-key", "yc:s", "--colour", "red"}, "unknown option --colour"},
  };
  for (const Case& c : cases) {
    auto options = parse(c.args);
    ASSERT_FALSE(options.isOk()) << c.expected;
    EXPECT_NE(options.status().message().find(c.expected), std::string::npos)
        << options.status().message();
  }
}

} // namespace
} // namespace hotline::sim::exchange
