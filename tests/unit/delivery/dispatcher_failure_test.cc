#include "tests/unit/delivery/dispatcher_fixture.h"

#include <gtest/gtest.h>

#include <atomic>

namespace hotline::delivery {
namespace {

using namespace testing;

constexpr const char* kPoison = "T3";

// A permanent refusal of ticket T3's second row; everything else is accepted. `refusals`
// bounds how many times it refuses (a replay after the fix goes through).
Decide poisonSecondRowOf(std::map<std::string, std::vector<int64_t>>& ids, int refusals) {
  const int64_t poisoned = ids[kPoison][1];
  return [poisoned, refusals](const store::OutboxRow& row, int call) {
    if (row.id == poisoned && call <= refusals) {
      return ItemVerdict::permanent("core POST /api/v1/tickets/T3/events -> HTTP 400: bad", 400);
    }
    return ItemVerdict::ok();
  };
}

TEST(DispatcherFailure, PoisonedTicketParksWhileOthersDeliverThenReleaseLetsTheRestFlow) {
  SystemClock clock;
  store::MemoryStore store(storeOn(clock));
  auto ids = insertInterleaved(store, "core", 6, 5);
  auto target = std::make_shared<FakeTarget>("core", 4, poisonSecondRowOf(ids, 100), true);
  OutboxDispatcher dispatcher(store, {target}, fastOptions(), clock);
  ASSERT_TRUE(dispatcher.start());

  ASSERT_TRUE(eventually([&] { return target->deliveredCount() == 5 * 5 + 1; }));
  ASSERT_TRUE(eventually([&] { return countInState(store, store::OutboxState::Dead) == 1; }));
  const auto& poison = ids[kPoison];
  const store::OutboxRow dead = rowOf(store, poison[1]);
  EXPECT_EQ(dead.state, store::OutboxState::Dead);
  EXPECT_NE(dead.last_error.find("HTTP 400: bad"), std::string::npos) << dead.last_error;
  EXPECT_EQ(dead.attempts, 1); // dead at once, no retries
  for (size_t i = 2; i < poison.size(); ++i) {
    EXPECT_EQ(target->sendsOf(poison[i]), 0) << "held rows must not be sent";
    EXPECT_EQ(rowOf(store, poison[i]).state, store::OutboxState::Pending);
  }
  EXPECT_TRUE(dispatcher.isParked("core", kPoison));
  DispatcherStats stats = dispatcher.stats();
  EXPECT_EQ(stats.targets[0].dead_letters, 1u);
  EXPECT_EQ(stats.targets[0].parked_tickets, 1u);
  for (const auto& [ticket, list] : ids) {
    if (ticket != kPoison) {
      EXPECT_EQ(target->deliveredOrder()[ticket], list) << ticket;
    }
  }

  // The operator discards the dead letter; the rest of the ticket flows, in order.
  ASSERT_TRUE(store.discardDead(poison[1], "admin:test", "obsolete"));
  ASSERT_TRUE(dispatcher.release("core", kPoison));
  ASSERT_TRUE(eventually([&] { return target->deliveredCount() == 6 * 5 - 1; }));
  EXPECT_EQ(target->deliveredOrder()[kPoison],
            (std::vector<int64_t>{poison[0], poison[2], poison[3], poison[4]}));
  EXPECT_FALSE(dispatcher.isParked("core", kPoison));
  EXPECT_EQ(dispatcher.release("core", kPoison).code(), StatusCode::NotFound);
  dispatcher.stop(inSeconds(10));
}

TEST(DispatcherFailure, ResumeSendsTheReplayedDeadLetterFirst) {
  SystemClock clock;
  store::MemoryStore store(storeOn(clock));
  auto ids = insertInterleaved(store, "core", 6, 5);
  auto target = std::make_shared<FakeTarget>("core", 4, poisonSecondRowOf(ids, 1), true);
  OutboxDispatcher dispatcher(store, {target}, fastOptions(), clock);
  ASSERT_TRUE(dispatcher.start());
  const auto& poison = ids[kPoison];
  ASSERT_TRUE(
      eventually([&] { return rowOf(store, poison[1]).state == store::OutboxState::Dead; }));

  // Not replayed in the store yet: refused, nothing changes.
  EXPECT_EQ(dispatcher.resume(poison[1]).code(), StatusCode::FailedPrecondition);
  EXPECT_TRUE(dispatcher.isParked("core", kPoison));
  EXPECT_EQ(dispatcher.resume(999999).code(), StatusCode::NotFound);

  ASSERT_TRUE(store.replayDead(poison[1], "admin:test"));
  ASSERT_TRUE(dispatcher.resume(poison[1]));
  ASSERT_TRUE(eventually([&] { return target->deliveredCount() == 6 * 5; }));
  EXPECT_EQ(target->deliveredOrder()[kPoison], poison);
  EXPECT_EQ(target->keysOf(poison[1]).size(), 2u);
  EXPECT_EQ(target->keysOf(poison[1])[0], target->keysOf(poison[1])[1]); // same key again
  ASSERT_TRUE(
      eventually([&] { return countInState(store, store::OutboxState::Delivered) == 6 * 5; }));
  dispatcher.stop(inSeconds(10));
}

TEST(DispatcherFailure, RetryAfterHoldsOnlyItsTicketUntilDue) {
  ManualClock clock;
  store::MemoryStore store(storeOn(clock));
  const int64_t slow = insertRow(store, "core", "slow");
  auto target =
      std::make_shared<FakeTarget>("core", 4, [slow](const store::OutboxRow& row, int call) {
        if (row.id == slow && call == 1) {
          return ItemVerdict::retry("HTTP 429", 429, std::chrono::milliseconds(5000));
        }
        return ItemVerdict::ok();
      });
  target->setClock(&clock);
  OutboxDispatcher dispatcher(store, {target}, fastOptions(), clock, zeroRandom());
  ASSERT_TRUE(dispatcher.start());
  const int64_t first_try = clock.nowMs();
  ASSERT_TRUE(eventually([&] { return target->sendsOf(slow) == 1; }));
  ASSERT_TRUE(eventually([&] { return rowOf(store, slow).attempts == 1; }));
  EXPECT_EQ(rowOf(store, slow).next_attempt_at_ms, first_try + 5000);

  // 4 s later another ticket flows; the slow one is not due and is not sent.
  clock.advance(4000);
  const int64_t other = insertRow(store, "core", "other");
  dispatcher.enqueue({rowOf(store, other)});
  ASSERT_TRUE(eventually([&] { return target->sendsOf(other) == 1; }));
  EXPECT_EQ(target->sendsOf(slow), 1);

  clock.advance(1000);
  dispatcher.wake();
  ASSERT_TRUE(eventually([&] { return target->sendsOf(slow) == 2; }));
  EXPECT_GE(target->sendTimes(slow)[1], first_try + 5000);
  dispatcher.stop(inSeconds(10));
}

TEST(DispatcherFailure, ExhaustedAttemptsDeadLetterWithTheLastReason) {
  SystemClock clock;
  store::MemoryStore store(storeOn(clock));
  const int64_t id = insertRow(store, "core", "T");
  auto target = std::make_shared<FakeTarget>("core", 1, [](const store::OutboxRow&, int) {
    return ItemVerdict::retry("core POST /x -> HTTP 503: busy", 503);
  });
  DispatcherOptions options = fastOptions();
  options.retry.max_attempts = 3;
  OutboxDispatcher dispatcher(store, {target}, options, clock);
  ASSERT_TRUE(dispatcher.start());
  ASSERT_TRUE(eventually([&] { return rowOf(store, id).state == store::OutboxState::Dead; }));
  const store::OutboxRow row = rowOf(store, id);
  EXPECT_EQ(row.attempts, 3);
  EXPECT_EQ(target->sendsOf(id), 3);
  EXPECT_EQ(row.last_error, "attempts exhausted (3): core POST /x -> HTTP 503: busy");
  EXPECT_TRUE(dispatcher.isParked("core", "T"));
  dispatcher.stop(inSeconds(10));
}

TEST(DispatcherFailure, TargetDownOpensTheBreakerAndEverythingArrivesAfterItComesBack) {
  ManualClock clock;
  store::MemoryStore store(storeOn(clock));
  auto ids = insertInterleaved(store, "core", 10, 10);
  auto down = std::make_shared<std::atomic<bool>>(true);
  auto core = std::make_shared<FakeTarget>("core", 5, [down](const store::OutboxRow&, int) {
    return *down ? ItemVerdict::retry("connect error: Connection refused") : ItemVerdict::ok();
  });
  auto dept = std::make_shared<FakeTarget>("dept", 5);
  DispatcherOptions options = fastOptions();
  options.retry.max_attempts = 5;
  options.max_in_flight_per_target = 1; // sends one at a time: the breaker opens after 3
  options.breaker.consecutive_failures = 3;
  options.breaker.cool_down_ms = 10'000;
  OutboxDispatcher dispatcher(store, {core, dept}, options, clock, zeroRandom());
  ASSERT_TRUE(dispatcher.start());
  ASSERT_TRUE(eventually(
      [&] { return dispatcher.stats().targets[0].breaker == CircuitBreaker::State::Open; }));
  const size_t sends_at_open = core->totalSends();
  EXPECT_EQ(sends_at_open, 3u);

  // While open nothing goes to core, but another target flows (which also proves the
  // dispatcher looked at core again after the clock moved).
  for (int step = 0; step < 3; ++step) {
    clock.advance(3000);
    const int64_t id = insertRow(store, "dept", "D" + std::to_string(step));
    dispatcher.enqueue({rowOf(store, id)});
    ASSERT_TRUE(eventually([&] { return dept->sendsOf(id) == 1; }));
    EXPECT_EQ(core->totalSends(), sends_at_open);
  }

  // Cool-down over: one probe, still down: no attempt is spent on it.
  clock.advance(1000);
  dispatcher.wake();
  ASSERT_TRUE(eventually([&] { return dispatcher.stats().targets[0].probes_failed == 1; }));
  EXPECT_EQ(core->totalSends(), sends_at_open + 1);
  EXPECT_EQ(core->maxBatchSeen(), 5u);

  // A long outage: many failed probes, yet no row is dead-lettered (max_attempts is 5).
  for (int probe = 2; probe <= 8; ++probe) {
    clock.advance(10'000);
    dispatcher.wake();
    ASSERT_TRUE(eventually([&] {
      return dispatcher.stats().targets[0].probes_failed == static_cast<uint64_t>(probe);
    }));
  }
  EXPECT_EQ(dispatcher.stats().targets[0].dead_letters, 0u);

  *down = false;
  clock.advance(10'000);
  dispatcher.wake();
  ASSERT_TRUE(eventually([&] { return core->deliveredCount() == 100; }));
  EXPECT_EQ(dispatcher.stats().targets[0].breaker, CircuitBreaker::State::Closed);
  for (const auto& [ticket, list] : ids) {
    EXPECT_EQ(core->deliveredOrder()[ticket], list) << ticket;
  }
  ASSERT_TRUE(
      eventually([&] { return countInState(store, store::OutboxState::Delivered) == 103; }));
  EXPECT_EQ(countInState(store, store::OutboxState::Dead), 0);
  dispatcher.stop(inSeconds(10));
}

TEST(DispatcherFailure, DeadLettersOfAnEarlierRunParkTheirTicketsAtStart) {
  SystemClock clock;
  store::MemoryStore store(storeOn(clock));
  const int64_t dead = insertRow(store, "core", "T");
  const int64_t later = insertRow(store, "core", "T");
  const int64_t other = insertRow(store, "core", "U");
  store::DeliveryRecord record;
  record.outbox_id = dead;
  record.kind = store::DeliveryRecord::Kind::Dead;
  record.error = "HTTP 400";
  ASSERT_TRUE(store.recordDeliveries(std::span(&record, 1)));

  auto target = std::make_shared<FakeTarget>("core", 4);
  OutboxDispatcher dispatcher(store, {target}, fastOptions(), clock);
  ASSERT_TRUE(dispatcher.start());
  ASSERT_TRUE(eventually([&] { return target->sendsOf(other) == 1; }));
  EXPECT_TRUE(dispatcher.isParked("core", "T"));
  EXPECT_EQ(target->sendsOf(later), 0);
  ASSERT_TRUE(dispatcher.release("core", "T"));
  ASSERT_TRUE(eventually([&] { return target->sendsOf(later) == 1; }));
  EXPECT_EQ(target->sendsOf(dead), 0);
  dispatcher.stop(inSeconds(10));
}

} // namespace
} // namespace hotline::delivery
