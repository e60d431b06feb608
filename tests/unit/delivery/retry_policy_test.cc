#include "core/delivery/retry_policy.h"

#include <gtest/gtest.h>

#include <random>

namespace hotline::delivery {
namespace {

using std::chrono::milliseconds;

RetryOptions options() {
  RetryOptions o;
  o.base = milliseconds(100);
  o.factor = 2.0;
  o.cap = milliseconds(1000);
  o.max_attempts = 6;
  o.retry_after_cap = milliseconds(60000);
  return o;
}

RetryPolicy fixed(double unit) {
  return RetryPolicy(options(), [unit] { return unit; });
}

TEST(RetryPolicy, CeilingGrowsByFactorUpToCap) {
  RetryPolicy policy = fixed(0.5);
  EXPECT_EQ(policy.ceiling(1), milliseconds(100));
  EXPECT_EQ(policy.ceiling(2), milliseconds(200));
  EXPECT_EQ(policy.ceiling(3), milliseconds(400));
  EXPECT_EQ(policy.ceiling(4), milliseconds(800));
  EXPECT_EQ(policy.ceiling(5), milliseconds(1000));   // capped
  EXPECT_EQ(policy.ceiling(500), milliseconds(1000)); // no overflow
}

TEST(RetryPolicy, FullJitterScalesTheCeiling) {
  EXPECT_EQ(fixed(0.0).nextDelay(3, std::nullopt), milliseconds(0));
  EXPECT_EQ(fixed(0.5).nextDelay(3, std::nullopt), milliseconds(200));
  EXPECT_EQ(fixed(0.25).nextDelay(2, std::nullopt), milliseconds(50));
  // Just under 1 stays under the ceiling.
  EXPECT_EQ(fixed(0.9999).nextDelay(5, std::nullopt), milliseconds(999));
}

TEST(RetryPolicy, JitterStaysWithinZeroAndCeiling) {
  std::mt19937_64 engine(7);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  RetryPolicy policy(options(), [&] { return uniform(engine); });
  milliseconds low = milliseconds::max();
  milliseconds high = milliseconds(0);
  for (int i = 0; i < 2000; ++i) {
    auto delay = policy.nextDelay(4, std::nullopt);
    ASSERT_TRUE(delay.has_value());
    ASSERT_GE(*delay, milliseconds(0));
    ASSERT_LT(*delay, milliseconds(800));
    low = std::min(low, *delay);
    high = std::max(high, *delay);
  }
  // Full jitter spreads over the whole range, not around the ceiling.
  EXPECT_LT(low, milliseconds(80));
  EXPECT_GT(high, milliseconds(720));
}

TEST(RetryPolicy, ExhaustedAtMaxAttempts) {
  RetryPolicy policy = fixed(0.5);
  EXPECT_FALSE(policy.exhausted(5));
  EXPECT_TRUE(policy.nextDelay(5, std::nullopt).has_value());
  EXPECT_TRUE(policy.exhausted(6));
  EXPECT_FALSE(policy.nextDelay(6, std::nullopt).has_value());
  EXPECT_FALSE(policy.nextDelay(6, milliseconds(10)).has_value());
}

TEST(RetryPolicy, RetryAfterWinsWhenLonger) {
  RetryPolicy policy = fixed(0.5); // jittered: 100 ms at attempt 2
  EXPECT_EQ(policy.nextDelay(2, milliseconds(5000)), milliseconds(5000));
  EXPECT_EQ(policy.nextDelay(2, milliseconds(30)), milliseconds(100));
}

TEST(RetryPolicy, RetryAfterIsCapped) {
  RetryPolicy policy = fixed(0.5);
  EXPECT_EQ(policy.nextDelay(1, milliseconds(24LL * 3600 * 1000)), milliseconds(60000));
}

TEST(RetryPolicy, DefaultRandomSourceWorks) {
  RetryPolicy policy(options());
  auto delay = policy.nextDelay(1, std::nullopt);
  ASSERT_TRUE(delay.has_value());
  EXPECT_LT(*delay, milliseconds(100));
}

std::chrono::system_clock::time_point at(int64_t unix_seconds) {
  return std::chrono::system_clock::time_point(std::chrono::seconds(unix_seconds));
}

// Wed, 21 Oct 2015 07:28:00 GMT
constexpr int64_t kOct21 = 1445412480;

TEST(ParseRetryAfter, Seconds) {
  EXPECT_EQ(parseRetryAfter("120", at(0)), milliseconds(120000));
  EXPECT_EQ(parseRetryAfter(" 5 ", at(0)), milliseconds(5000));
  EXPECT_EQ(parseRetryAfter("0", at(0)), milliseconds(0));
}

TEST(ParseRetryAfter, HttpDateInAllThreeForms) {
  const auto now = at(kOct21 - 60);
  EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now), milliseconds(60000));
  EXPECT_EQ(parseRetryAfter("Wednesday, 21-Oct-15 07:28:00 GMT", now), milliseconds(60000));
  EXPECT_EQ(parseRetryAfter("Wed Oct 21 07:28:00 2015", now), milliseconds(60000));
}

TEST(ParseRetryAfter, PastDateIsZero) {
  EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", at(kOct21 + 3600)), milliseconds(0));
}

TEST(ParseRetryAfter, GarbageIsNothing) {
  EXPECT_FALSE(parseRetryAfter("", at(0)).has_value());
  EXPECT_FALSE(parseRetryAfter("soon", at(0)).has_value());
  EXPECT_FALSE(parseRetryAfter("-5", at(0)).has_value());
}

} // namespace
} // namespace hotline::delivery
