// The gateway's side of a peer's signed calls (hotline/support/signed_endpoint.h), over the
// SDK's fake host: verified calls answered signed, refusals answered, logged and audited.

#include "hotline/support/signed_endpoint.h"

#include "hotline/plugin/testing/fake_host.h"
#include "hotline/support/peer_envelope.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

namespace hotline::support {
namespace {

using plugin::testing::Call;
using plugin::testing::FakeHost;

constexpr const char* kTarget = "/connectors/link-a/v1/things?since=3";

class SignedEndpointTest : public ::testing::Test {
protected:
  // A route that answers a verified call 201 with the caller's app key as data.
  void serve(VerifierOptions options = {}) {
    endpoint = std::make_unique<SignedEndpoint>(host, "link-a", "department", key, options);
    ASSERT_TRUE(host.route("POST", "/v1/things",
                           [this](const auto& request, auto& response) {
                             std::optional<VerifiedCaller> caller =
                                 endpoint->verifyOrRefuse(request, response);
                             if (caller) {
                               endpoint->sendSigned(*caller, request, 201,
                                                    okEnvelope("\"" + caller->app_key + "\""),
                                                    response);
                             }
                           })
                    .isOk());
  }

  Call post(const SigningKey& signer, bool sign = true) {
    return fake.call("POST", "/v1/things", kTarget, R"({"n":1})", signer, sign);
  }

  SigningKey key{"link-a-key", "link-a-secret", HmacAlgorithm::Sha256};
  FakeHost fake;
  plugin::Host host{fake.api};
  std::unique_ptr<SignedEndpoint> endpoint;
};

TEST_F(SignedEndpointTest, AVerifiedCallIsAnsweredSignedForItsTarget) {
  serve();
  Call call = post(key);
  EXPECT_EQ(call.response.status, 201);
  EXPECT_EQ(call.response.content_type, "application/json");
  EXPECT_EQ(call.response.body, R"({"code":0,"message":"ok","data":"link-a-key"})");
  HeaderList headers(call.response.headers.begin(), call.response.headers.end());
  Result<SignatureHeaders> signature = parseSignatureHeaders(headers);
  ASSERT_TRUE(signature.isOk()) << signature.status().toString();
  EXPECT_TRUE(
      verifyReply(key, kTarget, call.nonce, *signature, call.response.body, systemMillis()).isOk());
  EXPECT_TRUE(fake.audits.empty());
}

TEST_F(SignedEndpointTest, AForgedCallIs401LoggedAndAudited) {
  serve();
  SigningKey forger = key;
  forger.secret = "guessed";
  Call call = post(forger);
  EXPECT_EQ(call.response.status, 401);
  EXPECT_EQ(call.response.body.rfind(R"({"code":401,"message":"X-Signature: does not match)", 0),
            0u)
      << call.response.body;
  EXPECT_TRUE(call.response.headers.empty()); // a refusal is not signed: the caller is unknown
  ASSERT_EQ(fake.audits.size(), 1u);
  EXPECT_EQ(fake.audits[0].rfind("refused_signature||X-Signature: does not match", 0), 0u);
  EXPECT_NE(fake.audits[0].find("(from 10.9.8.7)"), std::string::npos);
  ASSERT_EQ(fake.logs.size(), 1u);
  EXPECT_EQ(fake.logs[0], "department call refused");
}

TEST_F(SignedEndpointTest, AnUnsignedCallIsRefusedNamingTheMissingHeader) {
  serve();
  Call call = post(key, false);
  EXPECT_EQ(call.response.status, 401);
  EXPECT_NE(call.response.body.find("X-App-Key: missing"), std::string::npos);
  EXPECT_EQ(fake.audits.size(), 1u);
}

TEST_F(SignedEndpointTest, AFullReplayGuardIs503AndNotAudited) {
  VerifierOptions options;
  options.nonce_limits = NonceCacheLimits{1, 1};
  serve(options);
  EXPECT_EQ(post(key).response.status, 201);
  Call second = post(key);
  EXPECT_EQ(second.response.status, 503) << second.response.body;
  EXPECT_TRUE(fake.audits.empty());
  EXPECT_EQ(fake.logs.size(), 1u);
}

} // namespace
} // namespace hotline::support
