// RequestVerifier (request_signing_verifier.h): what it accepts, every refusal with its reason,
// the order of its checks, and its behaviour under concurrent use.
#include "hotline/support/request_signing_verifier.h"

#include "tests/unit/support/request_signing_fixtures.h"

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>

namespace hotline::support {
namespace {

using testing::kExampleBody;
using testing::kExampleTarget;
using testing::kExampleTimestamp;
using testing::ManualClock;

constexpr std::string_view kHousing = "dept-housing";
constexpr std::string_view kHousingSecret = "housing-secret-1";
constexpr std::string_view kWater = "dept-water";
constexpr std::string_view kWaterSecret = "water-secret-2";
constexpr std::string_view kPullTarget = "/exchange/v1/actions?since=20231114220000&limit=100";

const std::string kBadSignature =
    "X-Signature: does not match the request; check the secret of app key \"dept-housing\" and "
    "the string to sign (method, target with its query, X-Timestamp, X-Nonce, SHA-256 of the "
    "body)";

class RequestVerifierTest : public ::testing::Test {
protected:
  std::map<std::string, CallerKey, std::less<>> keys() const {
    return {
        {std::string(kHousing), CallerKey{std::string(kHousingSecret),
                                          {HmacAlgorithm::Sha256, HmacAlgorithm::Sm3},
                                          {"411425001", "411425002"}}},
        {std::string(kWater), CallerKey{std::string(kWaterSecret), {HmacAlgorithm::Sm3}, {}}},
    };
  }

  SigningKey housing(HmacAlgorithm algorithm = HmacAlgorithm::Sha256) const {
    return SigningKey{std::string(kHousing), std::string(kHousingSecret), algorithm};
  }

  SignatureHeaders sign(const SigningKey& key, std::string_view method, std::string_view target,
                        std::string_view body, int64_t timestamp_ms, std::string_view nonce) {
    Result<SignatureHeaders> headers = signRequest(key, method, target, body, timestamp_ms, nonce);
    EXPECT_TRUE(headers.isOk()) << headers.status().toString();
    return headers ? *headers : SignatureHeaders{};
  }
  SignatureHeaders signPost(std::string_view nonce = "nonce-0001", int64_t ts = kExampleTimestamp) {
    return sign(housing(), "POST", kExampleTarget, kExampleBody, ts, nonce);
  }

  Result<VerifiedCaller> verifyPost(const SignatureHeaders& headers) {
    return verifier_.verify("POST", kExampleTarget, headers, kExampleBody);
  }
  std::string refusal(const Result<VerifiedCaller>& result, StatusCode code) {
    EXPECT_FALSE(result.isOk());
    EXPECT_EQ(result.status().code(), code) << result.status().toString();
    return result.status().message();
  }

  ManualClock clock_{kExampleTimestamp};
  RequestVerifier verifier_{fixedKeys(keys()), VerifierOptions{}, clock_.function()};
};

TEST_F(RequestVerifierTest, AcceptsBothAlgorithmsAndSaysWhoCalled) {
  for (HmacAlgorithm algorithm : {HmacAlgorithm::Sha256, HmacAlgorithm::Sm3}) {
    const std::string nonce = algorithm == HmacAlgorithm::Sm3 ? "nonce-sm3" : "nonce-sha";
    SignatureHeaders headers =
        sign(housing(algorithm), "POST", kExampleTarget, kExampleBody, kExampleTimestamp, nonce);
    // As the headers travel: through the list an HTTP client would send.
    Result<VerifiedCaller> caller =
        verifier_.verify("POST", kExampleTarget, headers.toHeaderList(), kExampleBody);
    ASSERT_TRUE(caller.isOk()) << caller.status().toString();
    EXPECT_EQ(caller->app_key, kHousing);
    EXPECT_EQ(caller->scope, (std::vector<std::string>{"411425001", "411425002"}));
    EXPECT_EQ(caller->algorithm, algorithm);
    EXPECT_EQ(caller->nonce, nonce);
  }
  EXPECT_EQ(verifier_.rememberedNonces(), 2u);
}

TEST_F(RequestVerifierTest, AcceptsThroughAHeaderLookup) {
  const HeaderList headers = signPost().toHeaderList();
  Result<VerifiedCaller> caller = verifier_.verify(
      "POST", kExampleTarget, HeaderLookup([&](std::string_view name) -> std::string_view {
        for (const auto& [key, value] : headers) {
          if (key == name) {
            return value;
          }
        }
        return {};
      }),
      kExampleBody);
  EXPECT_TRUE(caller.isOk()) << caller.status().toString();
}

TEST_F(RequestVerifierTest, HeaderErrorsComeFirst) {
  HeaderList headers = signPost().toHeaderList();
  headers.erase(headers.begin() + 2); // X-Nonce
  EXPECT_EQ(refusal(verifier_.verify("POST", kExampleTarget, headers, kExampleBody),
                    StatusCode::Unauthenticated),
            "X-Nonce: missing");
}

TEST_F(RequestVerifierTest, RefusesAnUnknownAppKey) {
  SigningKey stranger{"dept-unknown", "whatever-secret", HmacAlgorithm::Sha256};
  EXPECT_EQ(refusal(verifyPost(sign(stranger, "POST", kExampleTarget, kExampleBody,
                                    kExampleTimestamp, "nonce-0001")),
                    StatusCode::Unauthenticated),
            "X-App-Key: \"dept-unknown\" is not a registered app key");
}

TEST_F(RequestVerifierTest, RefusesAnAlgorithmTheKeyDoesNotAllow) {
  SigningKey water{std::string(kWater), std::string(kWaterSecret), HmacAlgorithm::Sha256};
  EXPECT_EQ(refusal(verifyPost(sign(water, "POST", kExampleTarget, kExampleBody, kExampleTimestamp,
                                    "nonce-0001")),
                    StatusCode::Unauthenticated),
            "X-Sign-Alg: HMAC-SHA256 is not allowed for app key \"dept-water\" (allowed: "
            "HMAC-SM3)");
  water.algorithm = HmacAlgorithm::Sm3;
  EXPECT_TRUE(
      verifyPost(sign(water, "POST", kExampleTarget, kExampleBody, kExampleTimestamp, "nonce-0001"))
          .isOk());
}

TEST_F(RequestVerifierTest, RefusesAWrongSecretWithoutSayingMore) {
  SigningKey wrong = housing();
  wrong.secret = "housing-secret-0";
  Result<VerifiedCaller> result = verifyPost(
      sign(wrong, "POST", kExampleTarget, kExampleBody, kExampleTimestamp, "nonce-0001"));
  EXPECT_EQ(refusal(result, StatusCode::Unauthenticated), kBadSignature);
  EXPECT_EQ(result.status().message().find(kHousingSecret), std::string::npos);
}

TEST_F(RequestVerifierTest, EveryTamperedPartGetsTheSameReason) {
  const SignatureHeaders good = signPost();
  SignatureHeaders other_ts = good;
  other_ts.timestamp_ms += 1;
  SignatureHeaders other_nonce = good;
  other_nonce.nonce = "nonce-0002";
  SignatureHeaders other_signature = good;
  other_signature.signature[10] = other_signature.signature[10] == '0' ? '1' : '0';
  SignatureHeaders other_algorithm = good;
  other_algorithm.algorithm = HmacAlgorithm::Sm3;

  EXPECT_EQ(refusal(verifier_.verify("PUT", kExampleTarget, good, kExampleBody),
                    StatusCode::Unauthenticated),
            kBadSignature);
  EXPECT_EQ(refusal(verifier_.verify("POST", "/exchange/v1/knowledge", good, kExampleBody),
                    StatusCode::Unauthenticated),
            kBadSignature);
  EXPECT_EQ(
      refusal(verifier_.verify("POST", kExampleTarget, good, "{}"), StatusCode::Unauthenticated),
      kBadSignature);
  for (const SignatureHeaders& tampered :
       {other_ts, other_nonce, other_signature, other_algorithm}) {
    EXPECT_EQ(refusal(verifyPost(tampered), StatusCode::Unauthenticated), kBadSignature);
  }
  EXPECT_EQ(verifier_.rememberedNonces(), 0u);
  EXPECT_TRUE(verifyPost(good).isOk());
}

TEST_F(RequestVerifierTest, TheQueryStringIsCovered) {
  const SignatureHeaders headers =
      sign(housing(), "GET", kPullTarget, "", kExampleTimestamp, "nonce-pull");
  for (std::string_view moved :
       {"/exchange/v1/actions?since=20200101000000&limit=100",
        "/exchange/v1/actions?limit=100&since=20231114220000",
        "/exchange/v1/actions?since=20231114220000&limit=100&x=1", "/exchange/v1/actions"}) {
    EXPECT_EQ(refusal(verifier_.verify("GET", moved, headers, ""), StatusCode::Unauthenticated),
              kBadSignature)
        << moved;
  }
  EXPECT_TRUE(verifier_.verify("GET", kPullTarget, headers, "").isOk());
}

TEST_F(RequestVerifierTest, TimestampEdgesInBothDirections) {
  // The sender's clock behind ours by exactly the window, then by one millisecond more.
  clock_.set(kExampleTimestamp + 300'000);
  EXPECT_TRUE(verifyPost(signPost("nonce-behind-1")).isOk());
  clock_.set(kExampleTimestamp + 300'001);
  EXPECT_EQ(refusal(verifyPost(signPost("nonce-behind-2")), StatusCode::Unauthenticated),
            "X-Timestamp: 300.001 s behind this server's clock (allowed: ±300 s); check the "
            "sender's clock");
  // The sender's clock ahead of ours.
  clock_.set(kExampleTimestamp - 300'000);
  EXPECT_TRUE(verifyPost(signPost("nonce-ahead-1")).isOk());
  clock_.set(kExampleTimestamp - 300'001);
  EXPECT_EQ(refusal(verifyPost(signPost("nonce-ahead-2")), StatusCode::Unauthenticated),
            "X-Timestamp: 300.001 s ahead of this server's clock (allowed: ±300 s); check the "
            "sender's clock");
  EXPECT_EQ(verifier_.rememberedNonces(), 2u); // stale requests leave no nonce behind
}

TEST_F(RequestVerifierTest, TheWindowIsConfigurable) {
  RequestVerifier strict(fixedKeys(keys()), VerifierOptions{std::chrono::seconds(30), {}},
                         clock_.function());
  clock_.advance(31'000);
  Result<VerifiedCaller> result = strict.verify("POST", kExampleTarget, signPost(), kExampleBody);
  EXPECT_EQ(refusal(result, StatusCode::Unauthenticated),
            "X-Timestamp: 31 s behind this server's clock (allowed: ±30 s); check the sender's "
            "clock");
}

TEST_F(RequestVerifierTest, RefusesAReplayedNonce) {
  const SignatureHeaders headers = signPost("nonce-once");
  ASSERT_TRUE(verifyPost(headers).isOk());
  clock_.advance(299'000);
  EXPECT_EQ(refusal(verifyPost(headers), StatusCode::Unauthenticated),
            "X-Nonce: \"nonce-once\" was already used by app key \"dept-housing\" within the "
            "replay window; send a new nonce with every request");
  // Re-signed with a new timestamp, the nonce is still the same nonce.
  EXPECT_EQ(refusal(verifyPost(signPost("nonce-once", clock_.now())), StatusCode::Unauthenticated),
            "X-Nonce: \"nonce-once\" was already used by app key \"dept-housing\" within the "
            "replay window; send a new nonce with every request");
}

TEST_F(RequestVerifierTest, OnceTheWindowHasPassedAReplayIsStale) {
  const SignatureHeaders headers = signPost("nonce-once");
  ASSERT_TRUE(verifyPost(headers).isOk());
  clock_.advance(300'001);
  EXPECT_EQ(refusal(verifyPost(headers), StatusCode::Unauthenticated),
            "X-Timestamp: 300.001 s behind this server's clock (allowed: ±300 s); check the "
            "sender's clock");
}

TEST_F(RequestVerifierTest, TheSameNonceUnderAnotherAppKeyIsFine) {
  ASSERT_TRUE(verifyPost(signPost("shared-nonce")).isOk());
  SigningKey water{std::string(kWater), std::string(kWaterSecret), HmacAlgorithm::Sm3};
  Result<VerifiedCaller> caller = verifyPost(
      sign(water, "POST", kExampleTarget, kExampleBody, kExampleTimestamp, "shared-nonce"));
  ASSERT_TRUE(caller.isOk()) << caller.status().toString();
  EXPECT_EQ(caller->app_key, kWater);
  EXPECT_TRUE(caller->scope.empty());
}

TEST_F(RequestVerifierTest, AForgedRequestDoesNotBurnTheGenuineNonce) {
  SigningKey forger = housing();
  forger.secret = "guessed";
  const SignatureHeaders forged =
      sign(forger, "POST", kExampleTarget, kExampleBody, kExampleTimestamp, "nonce-genuine");
  EXPECT_EQ(refusal(verifyPost(forged), StatusCode::Unauthenticated), kBadSignature);
  EXPECT_EQ(verifier_.rememberedNonces(), 0u);
  EXPECT_TRUE(verifyPost(signPost("nonce-genuine")).isOk());
}

TEST_F(RequestVerifierTest, ARequestMethodOfRESPONSEIsRefused) {
  // A reply captured on the wire has the shape of a request with this method.
  Result<SignatureHeaders> reply =
      signReply(housing(), kExampleTarget, "nonce-0001", kExampleBody, kExampleTimestamp);
  ASSERT_TRUE(reply.isOk());
  Result<VerifiedCaller> result =
      verifier_.verify("RESPONSE", kExampleTarget, *reply, kExampleBody);
  EXPECT_EQ(refusal(result, StatusCode::InvalidArgument),
            "request method RESPONSE is reserved for signed replies");
}

TEST_F(RequestVerifierTest, AMisconfiguredKeyIsOurFault) {
  std::map<std::string, CallerKey, std::less<>> broken = {
      {"no-secret", CallerKey{"", {HmacAlgorithm::Sha256}, {}}},
      {"no-algorithm", CallerKey{"secret", {}, {}}}};
  RequestVerifier verifier(fixedKeys(broken), {}, clock_.function());
  SignatureHeaders headers = signPost();
  headers.app_key = "no-secret";
  EXPECT_EQ(refusal(verifier.verify("POST", kExampleTarget, headers, kExampleBody),
                    StatusCode::FailedPrecondition),
            "app key \"no-secret\" is configured without a secret");
  headers.app_key = "no-algorithm";
  EXPECT_EQ(refusal(verifier.verify("POST", kExampleTarget, headers, kExampleBody),
                    StatusCode::FailedPrecondition),
            "app key \"no-algorithm\" is configured without an algorithm");
}

TEST_F(RequestVerifierTest, KeysAreLookedUpOnEveryRequest) {
  // A lookup that changes answers (a reloaded key table) is followed without a new verifier.
  auto table = std::make_shared<std::atomic<bool>>(true);
  RequestVerifier verifier(
      [table, this](std::string_view app_key) -> std::optional<CallerKey> {
        if (!table->load() || app_key != kHousing) {
          return std::nullopt;
        }
        return keys().at(std::string(kHousing));
      },
      {}, clock_.function());
  EXPECT_TRUE(verifier.verify("POST", kExampleTarget, signPost("nonce-aaaa"), kExampleBody).isOk());
  table->store(false);
  EXPECT_EQ(refusal(verifier.verify("POST", kExampleTarget, signPost("nonce-bbbb"), kExampleBody),
                    StatusCode::Unauthenticated),
            "X-App-Key: \"dept-housing\" is not a registered app key");
}

TEST_F(RequestVerifierTest, SignsTheReplyToAVerifiedRequest) {
  for (HmacAlgorithm algorithm : {HmacAlgorithm::Sha256, HmacAlgorithm::Sm3}) {
    const SignatureHeaders request =
        sign(housing(algorithm), "GET", kPullTarget, "", kExampleTimestamp,
             algorithm == HmacAlgorithm::Sm3 ? "nonce-r-sm3" : "nonce-r-sha");
    Result<VerifiedCaller> caller = verifier_.verify("GET", kPullTarget, request, "");
    ASSERT_TRUE(caller.isOk()) << caller.status().toString();
    clock_.advance(120);
    const std::string body = R"({"code":0,"message":"ok","data":{"actions":[]}})";
    Result<SignatureHeaders> reply = verifier_.signReply(*caller, kPullTarget, body);
    ASSERT_TRUE(reply.isOk()) << reply.status().toString();
    EXPECT_EQ(reply->timestamp_ms, clock_.now());
    EXPECT_EQ(reply->nonce, request.nonce);
    EXPECT_EQ(reply->algorithm, algorithm);
    // The caller's side.
    EXPECT_TRUE(
        verifyReply(housing(algorithm), kPullTarget, request.nonce, *reply, body, clock_.now() + 50)
            .isOk());
    EXPECT_FALSE(verifyReply(housing(algorithm), kPullTarget, request.nonce, *reply, body + " ",
                             clock_.now() + 50)
                     .isOk());
  }
}

TEST_F(RequestVerifierTest, CannotSignAReplyForAKeyThatHasGone) {
  VerifiedCaller ghost{"dept-gone", {}, HmacAlgorithm::Sha256, "nonce-0001"};
  Result<SignatureHeaders> reply = verifier_.signReply(ghost, kExampleTarget, "{}");
  ASSERT_FALSE(reply.isOk());
  EXPECT_EQ(reply.status().code(), StatusCode::FailedPrecondition);
  EXPECT_EQ(reply.status().message(),
            "app key \"dept-gone\" is no longer registered; the reply cannot be signed");
}

// ---- concurrency --------------------------------------------------------------------

TEST_F(RequestVerifierTest, ConcurrentDistinctNoncesAreAllAccepted) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 200;
  std::vector<std::vector<SignatureHeaders>> requests(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kPerThread; ++i) {
      requests[t].push_back(signPost("nonce-" + std::to_string(t) + "-" + std::to_string(i)));
    }
  }
  std::atomic<int> accepted{0};
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (const SignatureHeaders& headers : requests[t]) {
        accepted += verifyPost(headers).isOk() ? 1 : 0;
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(accepted.load(), kThreads * kPerThread);
  EXPECT_EQ(verifier_.rememberedNonces(), static_cast<size_t>(kThreads * kPerThread));
}

TEST_F(RequestVerifierTest, TheSameNonceRacedFromManyThreadsIsAcceptedOnce) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 50;
  for (int round = 0; round < kRounds; ++round) {
    const SignatureHeaders headers = signPost("raced-nonce-" + std::to_string(round));
    std::atomic<int> accepted{0};
    std::atomic<int> replayed{0};
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&] {
        start.arrive_and_wait();
        Result<VerifiedCaller> result = verifyPost(headers);
        if (result.isOk()) {
          ++accepted;
        } else if (result.status().message().find("was already used") != std::string::npos) {
          ++replayed;
        }
      });
    }
    for (std::thread& thread : threads) {
      thread.join();
    }
    ASSERT_EQ(accepted.load(), 1) << "round " << round;
    ASSERT_EQ(replayed.load(), kThreads - 1) << "round " << round;
  }
}

} // namespace
} // namespace hotline::support
