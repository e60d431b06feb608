// WriteHealth: a streak of failed writes is reported when it starts, at most once per period
// while it lasts, and when it ends; its state says since when and why.
#include "core/pipeline/write_health.h"

#include <gtest/gtest.h>

namespace hotline::pipeline {
namespace {

using std::chrono::milliseconds;
using Report = WriteHealth::Report;

TEST(WriteHealthTest, AStreakIsReportedOnceThenPeriodicallyThenWhenItEnds) {
  WriteHealth health(milliseconds(1000));
  const WriteHealth::Clock::time_point t0{};
  EXPECT_EQ(health.succeeded(t0), Report::None);
  EXPECT_EQ(health.failed("disk full", t0 + milliseconds(10)), Report::FirstFailure);
  for (int i = 1; i < 50; ++i) {
    EXPECT_EQ(health.failed("disk full", t0 + milliseconds(10 + i * 10)), Report::None) << i;
  }
  EXPECT_EQ(health.failed("disk full", t0 + milliseconds(1010)), Report::StillFailing);
  EXPECT_EQ(health.failed("disk full", t0 + milliseconds(1500)), Report::None);
  EXPECT_EQ(health.failed("disk full", t0 + milliseconds(2010)), Report::StillFailing);

  WriteHealth::State during = health.state(t0 + milliseconds(2110));
  EXPECT_TRUE(during.failing);
  EXPECT_EQ(during.failed_batches, 53u);
  EXPECT_EQ(during.error, "disk full");
  EXPECT_EQ(during.failing_for, milliseconds(2100));

  EXPECT_EQ(health.succeeded(t0 + milliseconds(3010)), Report::Recovered);
  EXPECT_EQ(health.succeeded(t0 + milliseconds(3020)), Report::None);
  WriteHealth::State after = health.state(t0 + milliseconds(9000));
  EXPECT_FALSE(after.failing);
  EXPECT_EQ(after.failed_batches, 53u);
  EXPECT_EQ(after.failing_for, milliseconds(3000)) << "the streak's length, not the time since";
}

TEST(WriteHealthTest, ANewStreakStartsAfresh) {
  WriteHealth health(milliseconds(1000));
  const WriteHealth::Clock::time_point t0{};
  health.failed("locked", t0);
  health.failed("locked", t0 + milliseconds(5));
  health.succeeded(t0 + milliseconds(10));
  EXPECT_EQ(health.failed("disk full", t0 + milliseconds(20)), Report::FirstFailure);
  const WriteHealth::State state = health.state(t0 + milliseconds(25));
  EXPECT_EQ(state.failed_batches, 1u);
  EXPECT_EQ(state.error, "disk full");
  EXPECT_EQ(state.failing_for, milliseconds(5));
}

TEST(WriteHealthTest, NoFailureNoStreak) {
  WriteHealth health;
  const WriteHealth::State state = health.state(WriteHealth::Clock::now());
  EXPECT_FALSE(state.failing);
  EXPECT_EQ(state.failed_batches, 0u);
  EXPECT_EQ(state.failing_for, milliseconds(0));
}

} // namespace
} // namespace hotline::pipeline
