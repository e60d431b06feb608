// The strings to sign, signing, the timestamp window and replies (request_signing.h).
#include "hotline/support/request_signing.h"

#include "tests/unit/support/request_signing_fixtures.h"

#include <gtest/gtest.h>

#include <cctype>
#include <limits>
#include <set>

namespace hotline::support {
namespace {

using testing::exampleKey;
using testing::kExampleBody;
using testing::kExampleNonce;
using testing::kExampleTarget;
using testing::kExampleTimestamp;

constexpr std::string_view kEmptySha256 =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

TEST(RequestSigning, StringToSignOfARequest) {
  Result<std::string> text =
      requestStringToSign("POST", kExampleTarget, kExampleTimestamp, kExampleNonce, kExampleBody);
  ASSERT_TRUE(text.isOk()) << text.status().toString();
  EXPECT_EQ(*text, "POST\n/exchange/v1/tickets\n1700000000000\n4f1c2b7e9a0d4e6b\n" +
                       std::string(testing::kExampleBodySha256));
}

TEST(RequestSigning, StringToSignKeepsTheQueryAsSent) {
  Result<std::string> text = requestStringToSign("GET", testing::kExamplePullTarget,
                                                 kExampleTimestamp, testing::kExamplePullNonce, "");
  ASSERT_TRUE(text.isOk()) << text.status().toString();
  EXPECT_EQ(*text, "GET\n/exchange/v1/actions?since=20231114220000&limit=100\n1700000000000\n"
                   "0c3a9e5d2b7f4a18\n" +
                       std::string(kEmptySha256));
}

TEST(RequestSigning, StringToSignOfAReply) {
  Result<std::string> text = replyStringToSign(kExampleTarget, testing::kExampleReplyTimestamp,
                                               kExampleNonce, testing::kExampleReplyBody);
  ASSERT_TRUE(text.isOk()) << text.status().toString();
  EXPECT_EQ(*text, "RESPONSE\n/exchange/v1/tickets\n1700000000250\n4f1c2b7e9a0d4e6b\n"
                   "3700d5d269c65c9894b26fdbe8492c0cd9c5b37e24724f168de8d0fbe196df79");
}

// The worked example of REQUEST_SIGNING.md, for both algorithms.
TEST(RequestSigning, WorkedExampleHmacSha256) {
  Result<SignatureHeaders> headers =
      signRequest(exampleKey(HmacAlgorithm::Sha256), "POST", kExampleTarget, kExampleBody,
                  kExampleTimestamp, kExampleNonce);
  ASSERT_TRUE(headers.isOk()) << headers.status().toString();
  EXPECT_EQ(headers->signature, testing::kExampleSha256Signature);
}

TEST(RequestSigning, WorkedExampleHmacSm3) {
  Result<SignatureHeaders> headers =
      signRequest(exampleKey(HmacAlgorithm::Sm3), "POST", kExampleTarget, kExampleBody,
                  kExampleTimestamp, kExampleNonce);
  ASSERT_TRUE(headers.isOk()) << headers.status().toString();
  EXPECT_EQ(headers->signature, testing::kExampleSm3Signature);
}

TEST(RequestSigning, WorkedPullExampleForBothAlgorithms) {
  for (auto [algorithm, expected] :
       {std::pair{HmacAlgorithm::Sha256, testing::kExamplePullSha256Signature},
        std::pair{HmacAlgorithm::Sm3, testing::kExamplePullSm3Signature}}) {
    Result<SignatureHeaders> headers =
        signRequest(exampleKey(algorithm), "GET", testing::kExamplePullTarget, "",
                    kExampleTimestamp, testing::kExamplePullNonce);
    ASSERT_TRUE(headers.isOk()) << headers.status().toString();
    EXPECT_EQ(headers->signature, expected);
  }
}

TEST(RequestSigning, WorkedReplyExampleForBothAlgorithms) {
  for (auto [algorithm, expected] :
       {std::pair{HmacAlgorithm::Sha256, testing::kExampleReplySha256Signature},
        std::pair{HmacAlgorithm::Sm3, testing::kExampleReplySm3Signature}}) {
    Result<SignatureHeaders> headers =
        signReply(exampleKey(algorithm), kExampleTarget, kExampleNonce, testing::kExampleReplyBody,
                  testing::kExampleReplyTimestamp);
    ASSERT_TRUE(headers.isOk()) << headers.status().toString();
    EXPECT_EQ(headers->signature, expected);
    EXPECT_EQ(headers->nonce, kExampleNonce);
    EXPECT_EQ(headers->timestamp_ms, testing::kExampleReplyTimestamp);
  }
}

TEST(RequestSigning, HeaderListHoldsTheFiveValuesInOrder) {
  Result<SignatureHeaders> headers =
      signRequest(exampleKey(HmacAlgorithm::Sm3), "POST", kExampleTarget, kExampleBody,
                  kExampleTimestamp, kExampleNonce);
  ASSERT_TRUE(headers.isOk());
  const HeaderList expected = {{"X-App-Key", "yucheng-county"},
                               {"X-Timestamp", "1700000000000"},
                               {"X-Nonce", "4f1c2b7e9a0d4e6b"},
                               {"X-Sign-Alg", "HMAC-SM3"},
                               {"X-Signature", std::string(testing::kExampleSm3Signature)}};
  EXPECT_EQ(headers->toHeaderList(), expected);
}

TEST(RequestSigning, EveryPartOfTheRequestChangesTheSignature) {
  const SigningKey key = exampleKey(HmacAlgorithm::Sha256);
  auto sign = [](const SigningKey& k, std::string_view method, std::string_view target,
                 std::string_view body, int64_t ts, std::string_view nonce) {
    Result<SignatureHeaders> headers = signRequest(k, method, target, body, ts, nonce);
    EXPECT_TRUE(headers.isOk()) << headers.status().toString();
    return headers ? headers->signature : std::string();
  };
  SigningKey other_secret = key;
  other_secret.secret += "x";
  SigningKey sm3 = key;
  sm3.algorithm = HmacAlgorithm::Sm3;
  const std::set<std::string> signatures = {
      sign(key, "POST", kExampleTarget, kExampleBody, kExampleTimestamp, kExampleNonce),
      sign(key, "PUT", kExampleTarget, kExampleBody, kExampleTimestamp, kExampleNonce),
      sign(key, "POST", "/exchange/v1/knowledge", kExampleBody, kExampleTimestamp, kExampleNonce),
      sign(key, "POST", "/exchange/v1/tickets?x=1", kExampleBody, kExampleTimestamp, kExampleNonce),
      sign(key, "POST", kExampleTarget, "{}", kExampleTimestamp, kExampleNonce),
      sign(key, "POST", kExampleTarget, kExampleBody, kExampleTimestamp + 1, kExampleNonce),
      sign(key, "POST", kExampleTarget, kExampleBody, kExampleTimestamp, "4f1c2b7e9a0d4e6c"),
      sign(other_secret, "POST", kExampleTarget, kExampleBody, kExampleTimestamp, kExampleNonce),
      sign(sm3, "POST", kExampleTarget, kExampleBody, kExampleTimestamp, kExampleNonce),
  };
  EXPECT_EQ(signatures.size(), 9u);
}

TEST(RequestSigning, SignsAtTheCurrentTimeWithARandomNonce) {
  const int64_t before = systemMillis();
  Result<SignatureHeaders> first =
      signRequest(exampleKey(HmacAlgorithm::Sha256), "POST", kExampleTarget, kExampleBody);
  Result<SignatureHeaders> second =
      signRequest(exampleKey(HmacAlgorithm::Sha256), "POST", kExampleTarget, kExampleBody);
  const int64_t after = systemMillis();
  ASSERT_TRUE(first.isOk()) << first.status().toString();
  ASSERT_TRUE(second.isOk()) << second.status().toString();
  EXPECT_GE(first->timestamp_ms, before);
  EXPECT_LE(first->timestamp_ms, after);
  EXPECT_NE(first->nonce, second->nonce);
  // Re-signing with the generated values reproduces the signature.
  Result<SignatureHeaders> again =
      signRequest(exampleKey(HmacAlgorithm::Sha256), "POST", kExampleTarget, kExampleBody,
                  first->timestamp_ms, first->nonce);
  ASSERT_TRUE(again.isOk());
  EXPECT_EQ(again->signature, first->signature);
}

TEST(RequestSigning, RandomNonceIs32LowerCaseHexCharacters) {
  Result<std::string> nonce = randomNonce();
  ASSERT_TRUE(nonce.isOk());
  EXPECT_EQ(nonce->size(), 32u);
  EXPECT_EQ(nonce->find_first_not_of("0123456789abcdef"), std::string::npos) << *nonce;
  EXPECT_TRUE(isSigningNonce(*nonce));
}

TEST(RequestSigning, AlgorithmNames) {
  EXPECT_EQ(signAlgorithmName(HmacAlgorithm::Sha256), "HMAC-SHA256");
  EXPECT_EQ(signAlgorithmName(HmacAlgorithm::Sm3), "HMAC-SM3");
  EXPECT_EQ(*parseSignAlgorithm("HMAC-SHA256"), HmacAlgorithm::Sha256);
  EXPECT_EQ(*parseSignAlgorithm("HMAC-SM3"), HmacAlgorithm::Sm3);

  Result<HmacAlgorithm> md5 = parseSignAlgorithm("HMAC-MD5");
  ASSERT_FALSE(md5.isOk());
  EXPECT_EQ(md5.status().code(), StatusCode::Unauthenticated);
  EXPECT_EQ(md5.status().message(),
            "X-Sign-Alg: HMAC-MD5 is not supported (HMAC-SHA256, HMAC-SM3)");
  // Names are exact: a peer learns the right spelling from the error.
  EXPECT_EQ(parseSignAlgorithm("hmac-sha256").status().message(),
            "X-Sign-Alg: hmac-sha256 is not supported (HMAC-SHA256, HMAC-SM3)");
  EXPECT_EQ(parseSignAlgorithm("HmacSHA256").status().message(),
            "X-Sign-Alg: HmacSHA256 is not supported (HMAC-SHA256, HMAC-SM3)");
  EXPECT_EQ(parseSignAlgorithm("sm3").status().message(),
            "X-Sign-Alg: sm3 is not supported (HMAC-SHA256, HMAC-SM3)");
  // Anything else is not echoed: it might be a secret pasted into the wrong header.
  EXPECT_EQ(parseSignAlgorithm("dept-housing-secret").status().message(),
            "X-Sign-Alg: this value is not supported (HMAC-SHA256, HMAC-SM3)");
  EXPECT_EQ(parseSignAlgorithm("HMAC-" + std::string(20, 'A')).status().message(),
            "X-Sign-Alg: this value is not supported (HMAC-SHA256, HMAC-SM3)");
  EXPECT_EQ(parseSignAlgorithm(std::string(40, 'A')).status().message(),
            "X-Sign-Alg: this value is not supported (HMAC-SHA256, HMAC-SM3)");
  EXPECT_EQ(parseSignAlgorithm("HMAC SHA256").status().message(),
            "X-Sign-Alg: this value is not supported (HMAC-SHA256, HMAC-SM3)");
}

TEST(RequestSigning, RefusesWhatCannotBeSignedUnambiguously) {
  const SigningKey key = exampleKey(HmacAlgorithm::Sha256);
  auto refusal = [&](const SigningKey& k, std::string_view method, std::string_view target,
                     int64_t ts, std::string_view nonce) {
    Result<SignatureHeaders> headers = signRequest(k, method, target, "", ts, nonce);
    EXPECT_FALSE(headers.isOk());
    EXPECT_EQ(headers.status().code(), StatusCode::InvalidArgument);
    return headers.status().message();
  };
  const std::string method_rule = "request method must be 1 to 32 token characters";
  EXPECT_EQ(refusal(key, "", kExampleTarget, kExampleTimestamp, kExampleNonce), method_rule);
  EXPECT_EQ(refusal(key, "PO ST", kExampleTarget, kExampleTimestamp, kExampleNonce), method_rule);
  EXPECT_EQ(refusal(key, "POST\n", kExampleTarget, kExampleTimestamp, kExampleNonce), method_rule);
  EXPECT_EQ(refusal(key, "RESPONSE", kExampleTarget, kExampleTimestamp, kExampleNonce),
            "request method RESPONSE is reserved for signed replies");
  EXPECT_EQ(refusal(key, "POST", "exchange/v1/tickets", kExampleTimestamp, kExampleNonce),
            "request target must start with '/' (the path as sent, with its query)");
  EXPECT_EQ(refusal(key, "POST", "/a\nb", kExampleTimestamp, kExampleNonce),
            "request target holds a space or control character");
  EXPECT_EQ(refusal(key, "POST", "/a b", kExampleTimestamp, kExampleNonce),
            "request target holds a space or control character");
  EXPECT_EQ(refusal(key, "POST", "/" + std::string(kMaxTargetLength, 'a'), kExampleTimestamp,
                    kExampleNonce),
            "request target is longer than 8192 bytes");
  EXPECT_EQ(refusal(key, "POST", kExampleTarget, -1, kExampleNonce),
            "timestamp must be milliseconds since 1970-01-01 UTC, 0 to 16 digits");
  EXPECT_EQ(refusal(key, "POST", kExampleTarget, kExampleTimestamp, "short"),
            "nonce must be 8 to 128 visible ASCII characters");
  EXPECT_EQ(refusal(key, "POST", kExampleTarget, kExampleTimestamp, "has a space"),
            "nonce must be 8 to 128 visible ASCII characters");

  SigningKey no_secret = key;
  no_secret.secret.clear();
  EXPECT_EQ(refusal(no_secret, "POST", kExampleTarget, kExampleTimestamp, kExampleNonce),
            "signing key of app key \"yucheng-county\": the secret is empty");
  SigningKey bad_app_key = key;
  bad_app_key.app_key = "two words";
  EXPECT_EQ(refusal(bad_app_key, "POST", kExampleTarget, kExampleTimestamp, kExampleNonce),
            "signing key: the app key must be 1 to 128 visible ASCII characters");
}

TEST(RequestSigning, TargetsMayCarryUnencodedUtf8) {
  Result<SignatureHeaders> headers =
      signRequest(exampleKey(HmacAlgorithm::Sha256), "GET", "/exchange/v1/knowledge?q=路灯", "",
                  kExampleTimestamp, kExampleNonce);
  EXPECT_TRUE(headers.isOk()) << headers.status().toString();
}

// ---- the timestamp window ------------------------------------------------------------

constexpr std::chrono::milliseconds kWindow{300'000};

TEST(RequestSigningWindow, EdgesAreInsideInBothDirections) {
  EXPECT_TRUE(checkTimestampWindow(kExampleTimestamp, kExampleTimestamp, kWindow).isOk());
  EXPECT_TRUE(checkTimestampWindow(kExampleTimestamp - 300'000, kExampleTimestamp, kWindow).isOk());
  EXPECT_TRUE(checkTimestampWindow(kExampleTimestamp + 300'000, kExampleTimestamp, kWindow).isOk());
}

TEST(RequestSigningWindow, OneMillisecondBeyondIsRefusedWithTheDistance) {
  Status behind = checkTimestampWindow(kExampleTimestamp - 300'001, kExampleTimestamp, kWindow);
  EXPECT_EQ(behind.code(), StatusCode::Unauthenticated);
  EXPECT_EQ(behind.message(), "X-Timestamp: 300.001 s behind this server's clock (allowed: ±300 "
                              "s); check the sender's clock");
  Status ahead = checkTimestampWindow(kExampleTimestamp + 300'001, kExampleTimestamp, kWindow);
  EXPECT_EQ(ahead.code(), StatusCode::Unauthenticated);
  EXPECT_EQ(ahead.message(), "X-Timestamp: 300.001 s ahead of this server's clock (allowed: ±300 "
                             "s); check the sender's clock");
}

TEST(RequestSigningWindow, DistancesAndWindowsPrintInSeconds) {
  EXPECT_EQ(
      checkTimestampWindow(kExampleTimestamp - 3'600'000, kExampleTimestamp, kWindow).message(),
      "X-Timestamp: 3600 s behind this server's clock (allowed: ±300 s); check the sender's "
      "clock");
  EXPECT_EQ(checkTimestampWindow(kExampleTimestamp + 2'500, kExampleTimestamp,
                                 std::chrono::milliseconds(1'500))
                .message(),
            "X-Timestamp: 2.5 s ahead of this server's clock (allowed: ±1.5 s); check the sender's "
            "clock");
}

TEST(RequestSigningWindow, SecondsInsteadOfMillisecondsGetAHint) {
  Status seconds = checkTimestampWindow(kExampleTimestamp / 1000, kExampleTimestamp, kWindow);
  EXPECT_EQ(seconds.message(), "X-Timestamp: 1698300000 s behind this server's clock (allowed: "
                               "±300 s); check the sender's clock; the value looks like seconds, "
                               "send milliseconds since 1970-01-01 UTC");
}

TEST(RequestSigningWindow, ExtremeValuesDoNotOverflow) {
  const int64_t max = std::numeric_limits<int64_t>::max();
  const int64_t min = std::numeric_limits<int64_t>::min();
  EXPECT_EQ(checkTimestampWindow(min, max, kWindow).message(),
            "X-Timestamp: 18446744073709551.615 s behind this server's clock (allowed: ±300 s); "
            "check the sender's clock; the value looks like seconds, send milliseconds since "
            "1970-01-01 UTC");
  EXPECT_FALSE(checkTimestampWindow(max, min, kWindow).isOk());
  EXPECT_TRUE(checkTimestampWindow(max, max, kWindow).isOk());
}

// ---- replies -------------------------------------------------------------------------

class ReplySigning : public ::testing::TestWithParam<HmacAlgorithm> {
protected:
  SigningKey key_ = exampleKey(GetParam());
  std::string target_ = std::string(kExampleTarget);
  std::string nonce_ = std::string(kExampleNonce);
  std::string body_ = std::string(testing::kExampleReplyBody);
  int64_t now_ = testing::kExampleReplyTimestamp + 40;

  SignatureHeaders reply() {
    Result<SignatureHeaders> headers =
        signReply(key_, target_, nonce_, body_, testing::kExampleReplyTimestamp);
    EXPECT_TRUE(headers.isOk()) << headers.status().toString();
    return headers ? *headers : SignatureHeaders{};
  }
  Status check(const SignatureHeaders& reply, std::string_view body) {
    return verifyReply(key_, target_, nonce_, reply, body, now_);
  }
};

TEST_P(ReplySigning, RoundTrip) {
  EXPECT_TRUE(check(reply(), body_).isOk());
  // Through the headers as they travel, upper-case hex included.
  HeaderList travelled = reply().toHeaderList();
  for (char& c : travelled.back().second) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  Result<SignatureHeaders> parsed = parseSignatureHeaders(travelled);
  ASSERT_TRUE(parsed.isOk()) << parsed.status().toString();
  EXPECT_TRUE(check(*parsed, body_).isOk());
}

TEST_P(ReplySigning, RefusesATamperedBody) {
  Status status = check(reply(), body_ + " ");
  EXPECT_EQ(status.code(), StatusCode::Unauthenticated);
  EXPECT_EQ(status.message(), "reply X-Signature: does not match the reply; check the secret of "
                              "app key \"yucheng-county\" and the reply's string to sign");
}

TEST_P(ReplySigning, RefusesAReplyToAnotherTarget) {
  SignatureHeaders headers = reply();
  target_ = "/exchange/v1/knowledge";
  EXPECT_EQ(check(headers, body_).message(),
            "reply X-Signature: does not match the reply; check the secret of app key "
            "\"yucheng-county\" and the reply's string to sign");
}

TEST_P(ReplySigning, RefusesAReplyToAnotherRequest) {
  SignatureHeaders headers = reply();
  nonce_ = "0000000000000000";
  EXPECT_EQ(check(headers, body_).message(),
            "reply X-Nonce: does not echo the request's nonce \"0000000000000000\"");
}

TEST_P(ReplySigning, RefusesAnotherAppKeyOrAlgorithm) {
  SignatureHeaders headers = reply();
  headers.app_key = "someone-else";
  EXPECT_EQ(check(headers, body_).message(),
            "reply X-App-Key: \"someone-else\" is not the app key the request was signed with "
            "(\"yucheng-county\")");
  headers = reply();
  headers.algorithm =
      GetParam() == HmacAlgorithm::Sha256 ? HmacAlgorithm::Sm3 : HmacAlgorithm::Sha256;
  EXPECT_EQ(check(headers, body_).message(),
            "reply X-Sign-Alg: " + std::string(signAlgorithmName(headers.algorithm)) +
                " differs from the request's " + std::string(signAlgorithmName(GetParam())));
}

TEST_P(ReplySigning, RefusesAStaleReply) {
  now_ = testing::kExampleReplyTimestamp + 300'001;
  EXPECT_EQ(check(reply(), body_).message(),
            "reply X-Timestamp: 300.001 s behind this server's clock (allowed: ±300 s); check "
            "the sender's clock");
  now_ = testing::kExampleReplyTimestamp + 300'000;
  EXPECT_TRUE(check(reply(), body_).isOk());
}

TEST_P(ReplySigning, ARequestSignatureIsNotAReplySignature) {
  // Same key, target, nonce, timestamp and body: only the first line differs.
  Result<SignatureHeaders> request =
      signRequest(key_, "POST", target_, body_, testing::kExampleReplyTimestamp, nonce_);
  ASSERT_TRUE(request.isOk());
  EXPECT_FALSE(check(*request, body_).isOk());
}

INSTANTIATE_TEST_SUITE_P(BothAlgorithms, ReplySigning,
                         ::testing::Values(HmacAlgorithm::Sha256, HmacAlgorithm::Sm3),
                         [](const auto& param_info) {
                           return param_info.param == HmacAlgorithm::Sm3 ? "Sm3" : "Sha256";
                         });

} // namespace
} // namespace hotline::support
