#include "core/delivery/circuit_breaker.h"
#include "tests/unit/delivery/manual_clock.h"

#include <gtest/gtest.h>

namespace hotline::delivery {
namespace {

using testing::ManualClock;
using State = CircuitBreaker::State;

BreakerOptions consecutiveOnly(int failures, int64_t cool_down_ms) {
  BreakerOptions options;
  options.consecutive_failures = failures;
  options.window = 0;
  options.cool_down_ms = cool_down_ms;
  return options;
}

TEST(CircuitBreaker, OpensAfterConsecutiveFailures) {
  ManualClock clock;
  CircuitBreaker breaker(consecutiveOnly(3, 1000), clock);
  breaker.onFailure();
  breaker.onFailure();
  EXPECT_EQ(breaker.state(), State::Closed);
  EXPECT_TRUE(breaker.allowRequest());
  breaker.onFailure();
  EXPECT_EQ(breaker.state(), State::Open);
  EXPECT_FALSE(breaker.allowRequest());
  EXPECT_EQ(breaker.reopenAtMs(), clock.nowMs() + 1000);
  EXPECT_EQ(breaker.timesOpened(), 1u);
}

TEST(CircuitBreaker, SuccessResetsTheConsecutiveCount) {
  ManualClock clock;
  CircuitBreaker breaker(consecutiveOnly(3, 1000), clock);
  for (int i = 0; i < 10; ++i) {
    breaker.onFailure();
    breaker.onFailure();
    breaker.onSuccess();
  }
  EXPECT_EQ(breaker.state(), State::Closed);
}

TEST(CircuitBreaker, OpensOnFailureRatioInAFullWindow) {
  ManualClock clock;
  BreakerOptions options;
  options.consecutive_failures = 100;
  options.window = 10;
  options.failure_ratio = 0.5;
  CircuitBreaker breaker(options, clock);
  for (int i = 0; i < 4; ++i) {
    breaker.onFailure();
    breaker.onSuccess();
  }
  breaker.onFailure(); // 9 outcomes, 5 failures: the window is not full yet
  EXPECT_EQ(breaker.state(), State::Closed);
  breaker.onSuccess(); // 10 outcomes, 5 failures: ratio reached only on a failure
  breaker.onFailure(); // window now holds 5 failures of 10
  EXPECT_EQ(breaker.state(), State::Open);
}

TEST(CircuitBreaker, LowFailureRatioStaysClosed) {
  ManualClock clock;
  BreakerOptions options;
  options.consecutive_failures = 100;
  options.window = 10;
  options.failure_ratio = 0.5;
  CircuitBreaker breaker(options, clock);
  for (int i = 0; i < 100; ++i) {
    breaker.onFailure();
    breaker.onSuccess();
    breaker.onSuccess();
  }
  EXPECT_EQ(breaker.state(), State::Closed);
}

TEST(CircuitBreaker, HalfOpenAfterCoolDownAllowsExactlyOneProbe) {
  ManualClock clock;
  CircuitBreaker breaker(consecutiveOnly(1, 1000), clock);
  breaker.onFailure();
  clock.advance(999);
  EXPECT_FALSE(breaker.allowRequest());
  EXPECT_EQ(breaker.state(), State::Open);
  clock.advance(1);
  EXPECT_TRUE(breaker.allowRequest());
  EXPECT_EQ(breaker.state(), State::HalfOpen);
  EXPECT_TRUE(breaker.probing());
  EXPECT_FALSE(breaker.allowRequest()); // the probe is out
  breaker.onSuccess();
  EXPECT_EQ(breaker.state(), State::Closed);
  EXPECT_TRUE(breaker.allowRequest());
  EXPECT_TRUE(breaker.allowRequest());
}

TEST(CircuitBreaker, FailedProbeReopensWithAFreshCoolDown) {
  ManualClock clock;
  CircuitBreaker breaker(consecutiveOnly(1, 1000), clock);
  breaker.onFailure();
  clock.advance(1500);
  ASSERT_TRUE(breaker.allowRequest());
  breaker.onFailure();
  EXPECT_EQ(breaker.state(), State::Open);
  EXPECT_EQ(breaker.timesOpened(), 2u);
  clock.advance(999);
  EXPECT_FALSE(breaker.allowRequest());
  clock.advance(1);
  EXPECT_TRUE(breaker.allowRequest());
}

TEST(CircuitBreaker, AbandonedProbeCanBeGrantedAgain) {
  ManualClock clock;
  CircuitBreaker breaker(consecutiveOnly(1, 10), clock);
  breaker.onFailure();
  clock.advance(10);
  ASSERT_TRUE(breaker.allowRequest());
  EXPECT_FALSE(breaker.allowRequest());
  breaker.abandonProbe();
  EXPECT_TRUE(breaker.allowRequest());
}

TEST(CircuitBreaker, LateFailureWhileOpenChangesNothing) {
  ManualClock clock;
  CircuitBreaker breaker(consecutiveOnly(1, 1000), clock);
  breaker.onFailure();
  const int64_t reopen = breaker.reopenAtMs();
  clock.advance(500);
  breaker.onFailure(); // an answer to a request sent before the breaker opened
  EXPECT_EQ(breaker.reopenAtMs(), reopen);
  EXPECT_EQ(breaker.timesOpened(), 1u);
}

} // namespace
} // namespace hotline::delivery
