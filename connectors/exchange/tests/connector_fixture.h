#pragma once
// The exchange connector configured over the SDK's fake host, for connector_test.cc and
// outbound_test.cc: a city instance for the county yucheng-12345 unless a test says otherwise.

#include "exchange_connector.h"

#include "hotline/plugin/testing/fake_host.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace hotline::connectors::exchange::testing {

using plugin::testing::Call;
using plugin::testing::FakeHost;

class ConnectorFixture : public ::testing::Test {
protected:
  // Config values over the defaults below; the instance is named "county-yucheng".
  Status configure(std::map<std::string, std::string> overrides = {}) {
    std::map<std::string, std::string> values{
        {"role", "city"},
        {"peer_url", "http://127.0.0.1:1/connectors/city-exchange"},
        {"app_key", key.app_key},
        {"secret", key.secret},
        {"sign_alg", "HMAC-SHA256"},
        {"system", "shangqiu-12345"},
        {"peer_system", "yucheng-12345"},
        {"mode", "push"},
        {"poll_interval_ms", "50"},
        {"verify_replies", "true"},
        {"timeout_ms", "2000"},
        {"window_s", "300"}};
    for (auto& [name, value] : overrides) {
      values[name] = value;
    }
    std::vector<hl_kv> kv;
    for (const auto& [name, value] : values) {
      kv.push_back({plugin::abi::borrow(name), plugin::abi::borrow(value)});
    }
    hl_config config{sizeof(hl_config), kv.data(), kv.size(),
                     plugin::abi::borrow("county-yucheng")};
    return connector.configure(plugin::Config(config), host);
  }

  // The reply is signed for the request it answers.
  void expectSignedReply(const Call& call, const std::string& target) {
    support::HeaderList headers(call.response.headers.begin(), call.response.headers.end());
    auto parsed = support::parseSignatureHeaders(headers);
    ASSERT_TRUE(parsed.isOk()) << parsed.status().toString();
    EXPECT_TRUE(support::verifyReply(key, target, call.nonce, *parsed, call.response.body,
                                     support::systemMillis())
                    .isOk());
  }

  support::SigningKey key{"yucheng-county", "exchange-secret-for-tests",
                          support::HmacAlgorithm::Sha256};
  FakeHost fake;
  plugin::Host host{fake.api};
  ExchangeConnector connector;
};

} // namespace hotline::connectors::exchange::testing
