// The worked signing examples of connectors/exchange/README.md, asserted (the values were
// computed with openssl, independently of the library): if the library or the README
// changes, this fails until both agree again. Key, timestamp and nonce are those of
// plugins/support/REQUEST_SIGNING.md; the bodies are the exchange's own.

#include "hotline/support/request_signing.h"
#include "hotline/support/signature.h"

#include <gtest/gtest.h>

namespace hotline::support {
namespace {

constexpr int64_t kTimestamp = 1700000000000;
constexpr std::string_view kNonce = "4f1c2b7e9a0d4e6b";
constexpr std::string_view kEscalation =
    R"({"refs":[{"system":"yucheng-12345","number":"YC20261128-0001"}],"channel":"phone",)"
    R"("title":"路灯不亮","content":"文化路路灯不亮","status":"escalated"})";
constexpr std::string_view kReply =
    R"({"code":0,"message":"ok","data":{"number":"SQ-20261128-000001"}})";
constexpr std::string_view kAction =
    R"({"event_id":"yucheng-12345-EV-0001","ticket":{"system":"yucheng-12345","number":)"
    R"("YC20261128-0001"},"type":"urged","at":"2026-11-28T12:00:00+08:00","source":"yucheng-12345"})";

SigningKey key(HmacAlgorithm algorithm) {
  return {"yucheng-county", "demo-secret-do-not-use", algorithm};
}

TEST(ExchangeSigningExample, AnEscalation) {
  EXPECT_EQ(kEscalation.size(), 160u);
  Result<std::string> text =
      requestStringToSign("POST", "/exchange/v1/tickets", kTimestamp, kNonce, kEscalation);
  ASSERT_TRUE(text.isOk());
  EXPECT_EQ(*text, "POST\n/exchange/v1/tickets\n1700000000000\n4f1c2b7e9a0d4e6b\n"
                   "b70101d442dbc95621b3409615440cb6a02526ad35685372f8e04c0904142a7b");
  Result<SignatureHeaders> sha = signRequest(
      key(HmacAlgorithm::Sha256), "POST", "/exchange/v1/tickets", kEscalation, kTimestamp, kNonce);
  ASSERT_TRUE(sha.isOk());
  EXPECT_EQ(sha->signature, "aa86873a02f647030d93e8226ac4f7b823396ca98e0f1bf6635980339d15c115");
  Result<SignatureHeaders> sm3 = signRequest(
      key(HmacAlgorithm::Sm3), "POST", "/exchange/v1/tickets", kEscalation, kTimestamp, kNonce);
  ASSERT_TRUE(sm3.isOk());
  EXPECT_EQ(sm3->signature, "687c7aa2d5d8e192cd8547c7f7afa55c13a20f0b12aa127df7f213ae9c708c6f");
}

TEST(ExchangeSigningExample, TheCitysSignedReplyWithItsNumber) {
  Result<std::string> text =
      replyStringToSign("/exchange/v1/tickets", kTimestamp + 250, kNonce, kReply);
  ASSERT_TRUE(text.isOk());
  EXPECT_EQ(*text, "RESPONSE\n/exchange/v1/tickets\n1700000000250\n4f1c2b7e9a0d4e6b\n"
                   "f14d7e4283ebd036a3195d89d68182cd52687c6d533a4b04fcbe2aa87257589f");
  Result<SignatureHeaders> sha = signReply(key(HmacAlgorithm::Sha256), "/exchange/v1/tickets",
                                           kNonce, kReply, kTimestamp + 250);
  ASSERT_TRUE(sha.isOk());
  EXPECT_EQ(sha->signature, "441422b0c442cefeeb112194aed29bbcdb9eba77c7c4f7a6fbb5b11cddbe8365");
  Result<SignatureHeaders> sm3 =
      signReply(key(HmacAlgorithm::Sm3), "/exchange/v1/tickets", kNonce, kReply, kTimestamp + 250);
  ASSERT_TRUE(sm3.isOk());
  EXPECT_EQ(sm3->signature, "dd1170262d476ff274b659eb160eb081d6dd2954e6243958b2f465bea079a14e");
  EXPECT_TRUE(verifyReply(key(HmacAlgorithm::Sha256), "/exchange/v1/tickets", kNonce, *sha, kReply,
                          kTimestamp + 1000)
                  .isOk());
}

TEST(ExchangeSigningExample, AnActionAndAPoll) {
  EXPECT_EQ(kAction.size(), 172u);
  Result<SignatureHeaders> action = signRequest(key(HmacAlgorithm::Sha256), "POST",
                                                "/exchange/v1/tickets/SQ-20261128-000001/actions",
                                                kAction, kTimestamp, "7d3e5f1a9b2c4d6e");
  ASSERT_TRUE(action.isOk());
  EXPECT_EQ(action->signature, "fe06a65f368c4b4e4670a15b3f95cd44e05e1eb52160513cda7dd82d34485ee1");
  Result<SignatureHeaders> poll =
      signRequest(key(HmacAlgorithm::Sha256), "GET", "/exchange/v1/actions?since=8&limit=100", "",
                  kTimestamp, "0c3a9e5d2b7f4a18");
  ASSERT_TRUE(poll.isOk());
  EXPECT_EQ(poll->signature, "f21e87f66eea13e0765b0543ca2937b371870bd17fe4b0ea357aad49b624fdca");
}

} // namespace
} // namespace hotline::support
