// NonceCache (request_signing_nonce_cache.h): expiry by the request's timestamp, the two
// limits and what happens when they are reached.
#include "hotline/support/request_signing_nonce_cache.h"

#include "tests/unit/support/request_signing_fixtures.h"

#include <gtest/gtest.h>

namespace hotline::support {
namespace {

using testing::ManualClock;

constexpr int64_t kNow = testing::kExampleTimestamp;
constexpr std::chrono::milliseconds kWindow{300'000};

std::string nonce(int i) {
  return "nonce-" + std::to_string(100000 + i);
}

TEST(NonceCache, RemembersPerAppKey) {
  ManualClock clock(kNow);
  NonceCache cache(clock.function(), kWindow);
  EXPECT_TRUE(cache.remember("dept-a", "nonce-0001", kNow).isOk());
  EXPECT_TRUE(cache.remember("dept-b", "nonce-0001", kNow).isOk());
  Status again = cache.remember("dept-a", "nonce-0001", kNow);
  EXPECT_EQ(again.code(), StatusCode::Unauthenticated);
  EXPECT_EQ(again.message(), "X-Nonce: \"nonce-0001\" was already used by app key \"dept-a\" "
                             "within the replay window; send a new nonce with every request");
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.sizeFor("dept-a"), 1u);
  EXPECT_EQ(cache.sizeFor("dept-c"), 0u);
}

TEST(NonceCache, ChecksTheTimestampWithItsOwnReadingOfTheClock) {
  // The verifier checked the timestamp before hashing; by the time the cache is reached the
  // clock may have moved on, and the cache decides with its own reading.
  ManualClock clock(kNow + 300'001);
  NonceCache cache(clock.function(), kWindow);
  Status stale = cache.remember("dept-a", "nonce-0001", kNow);
  EXPECT_EQ(stale.code(), StatusCode::Unauthenticated);
  EXPECT_EQ(stale.message(), "X-Timestamp: 300.001 s behind this server's clock (allowed: ±300 "
                             "s); check the sender's clock");
  EXPECT_EQ(cache.size(), 0u);
}

TEST(NonceCache, EntriesExpireWhenTheirTimestampLeavesTheWindow) {
  ManualClock clock(kNow);
  NonceCache cache(clock.function(), kWindow);
  ASSERT_TRUE(cache.remember("dept-a", "nonce-past", kNow - 200'000).isOk());
  ASSERT_TRUE(cache.remember("dept-a", "nonce-now1", kNow).isOk());
  ASSERT_TRUE(cache.remember("dept-a", "nonce-future", kNow + 300'000).isOk());

  // nonce-past expires at kNow + 100 s: still there at that instant, gone one ms later.
  clock.set(kNow + 100'000);
  ASSERT_TRUE(cache.remember("dept-b", "nonce-tick1", kNow + 100'000).isOk());
  EXPECT_EQ(cache.sizeFor("dept-a"), 3u);
  clock.set(kNow + 100'001);
  ASSERT_TRUE(cache.remember("dept-b", "nonce-tick2", kNow + 100'001).isOk());
  EXPECT_EQ(cache.sizeFor("dept-a"), 2u);

  // A timestamp 300 s in the future is kept for 600 s from now.
  clock.set(kNow + 300'001);
  ASSERT_TRUE(cache.remember("dept-b", "nonce-tick3", kNow + 300'001).isOk());
  EXPECT_EQ(cache.sizeFor("dept-a"), 1u);
  EXPECT_FALSE(cache.remember("dept-a", "nonce-future", kNow + 300'000).isOk());
  clock.set(kNow + 600'001);
  ASSERT_TRUE(cache.remember("dept-b", "nonce-tick4", kNow + 600'001).isOk());
  EXPECT_EQ(cache.sizeFor("dept-a"), 0u);
  EXPECT_EQ(cache.sizeFor("dept-b"), 2u); // tick1 and tick2 expired; tick3 lasts to this instant
}

TEST(NonceCache, APerKeyLimitRefusesThatKeyOnly) {
  ManualClock clock(kNow);
  NonceCache cache(clock.function(), kWindow, NonceCacheLimits{3, 100});
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(cache.remember("dept-busy", nonce(i), kNow).isOk());
  }
  Status full = cache.remember("dept-busy", nonce(3), kNow);
  EXPECT_EQ(full.code(), StatusCode::Unavailable);
  EXPECT_EQ(full.message(), "replay protection is full for app key \"dept-busy\" (3 requests "
                            "within the window); retry later");
  // A replay is still a replay, not "full".
  EXPECT_EQ(cache.remember("dept-busy", nonce(0), kNow).code(), StatusCode::Unauthenticated);
  EXPECT_TRUE(cache.remember("dept-quiet", nonce(0), kNow).isOk());

  // Room again once the first entries have expired.
  clock.set(kNow + 300'001);
  EXPECT_TRUE(cache.remember("dept-busy", nonce(3), kNow + 300'001).isOk());
  EXPECT_EQ(cache.sizeFor("dept-busy"), 1u);
}

TEST(NonceCache, ATotalLimitRefusesEveryone) {
  ManualClock clock(kNow);
  NonceCache cache(clock.function(), kWindow, NonceCacheLimits{10, 4});
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(cache.remember("dept-" + std::to_string(i), nonce(i), kNow).isOk());
  }
  Status full = cache.remember("dept-new", nonce(9), kNow);
  EXPECT_EQ(full.code(), StatusCode::Unavailable);
  EXPECT_EQ(full.message(), "replay protection is full (4 requests within the window across all "
                            "app keys); retry later");
  EXPECT_EQ(cache.size(), 4u);
  // Nothing was forgotten to make room: the remembered nonces are still refused.
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(cache.remember("dept-" + std::to_string(i), nonce(i), kNow).code(),
              StatusCode::Unauthenticated);
  }
  clock.set(kNow + 300'001);
  EXPECT_TRUE(cache.remember("dept-new", nonce(9), kNow + 300'001).isOk());
  EXPECT_EQ(cache.size(), 1u);
}

TEST(NonceCache, ManyEntriesExpireInTimestampOrder) {
  ManualClock clock(kNow);
  NonceCache cache(clock.function(), kWindow);
  // Timestamps out of arrival order across the whole window.
  for (int i = 0; i < 1000; ++i) {
    const int64_t offset = ((i * 7919) % 600'001) - 300'000;
    ASSERT_TRUE(cache.remember("dept-a", nonce(i), kNow + offset).isOk());
  }
  ASSERT_EQ(cache.size(), 1000u);
  int64_t last_size = 1000;
  for (int64_t step = 0; step <= 600'000; step += 50'000) {
    clock.set(kNow + step + 1);
    ASSERT_TRUE(
        cache.remember("dept-probe", nonce(static_cast<int>(step / 50'000)), kNow + step + 1)
            .isOk());
    int64_t expected = 0;
    for (int i = 0; i < 1000; ++i) {
      const int64_t offset = ((i * 7919) % 600'001) - 300'000;
      expected += (kNow + offset + 300'000 >= kNow + step + 1) ? 1 : 0;
    }
    EXPECT_EQ(static_cast<int64_t>(cache.sizeFor("dept-a")), expected) << "step " << step;
    EXPECT_LE(expected, last_size);
    last_size = expected;
  }
  EXPECT_EQ(cache.sizeFor("dept-a"), 0u);
}

TEST(NonceCache, RefusesKeysThatWouldBeAmbiguous) {
  ManualClock clock(kNow);
  NonceCache cache(clock.function(), kWindow);
  EXPECT_EQ(cache.remember("dept\na", "nonce-0001", kNow).code(), StatusCode::InvalidArgument);
  EXPECT_EQ(cache.remember("dept-a", "nonce\n0001", kNow).code(), StatusCode::InvalidArgument);
  EXPECT_EQ(cache.size(), 0u);
}

} // namespace
} // namespace hotline::support
