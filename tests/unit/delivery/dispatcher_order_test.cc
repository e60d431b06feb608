#include "tests/unit/delivery/dispatcher_fixture.h"

#include <gtest/gtest.h>

#include <random>
#include <thread>

namespace hotline::delivery {
namespace {

using namespace testing;

TEST(DispatcherOrder, EachTicketDeliversInInsertOrderUnderConcurrencyAndFailures) {
  SystemClock clock;
  store::MemoryStore store(storeOn(clock));
  // 15% of attempts fail at random; answers come back out of order from another thread.
  auto random = std::make_shared<std::mt19937>(99);
  auto mutex = std::make_shared<std::mutex>();
  auto target = std::make_shared<FakeTarget>(
      "core", 16,
      [random, mutex](const store::OutboxRow&, int) {
        std::lock_guard<std::mutex> lock(*mutex);
        if (std::uniform_int_distribution<int>(0, 99)(*random) < 15) {
          return ItemVerdict::retry("random failure", 503);
        }
        return ItemVerdict::ok();
      },
      true);
  DispatcherOptions options = fastOptions();
  options.max_in_flight_per_target = 4;
  OutboxDispatcher dispatcher(store, {target}, options, clock);
  ASSERT_TRUE(dispatcher.start());

  // Two producers commit and enqueue concurrently, each owning half the tickets, as the
  // submit path does (a ticket's events are committed in order).
  constexpr int kTickets = 40;
  constexpr int kRows = 25;
  std::map<std::string, std::vector<int64_t>> inserted[2];
  auto produce = [&](int half) {
    for (int round = 0; round < kRows; ++round) {
      for (int t = half; t < kTickets; t += 2) {
        const std::string ticket = "T" + std::to_string(t);
        const int64_t id = insertRow(store, "core", ticket);
        inserted[half][ticket].push_back(id);
        dispatcher.enqueue({rowOf(store, id)});
      }
    }
  };
  std::thread first(produce, 0);
  std::thread second(produce, 1);
  first.join();
  second.join();

  ASSERT_TRUE(eventually([&] { return target->deliveredCount() == kTickets * kRows; }));
  ASSERT_TRUE(eventually(
      [&] { return countInState(store, store::OutboxState::Delivered) == kTickets * kRows; }));
  auto delivered = target->deliveredOrder();
  for (int half = 0; half < 2; ++half) {
    for (const auto& [ticket, ids] : inserted[half]) {
      EXPECT_EQ(delivered[ticket], ids) << ticket;
      for (int64_t id : ids) {
        for (const std::string& key : target->keysOf(id)) {
          ASSERT_EQ(key, rowOf(store, id).idempotency_key); // never another key
        }
      }
    }
  }
  EXPECT_EQ(target->duplicates(), 0);
  EXPECT_EQ(target->orderViolations(), 0);
  EXPECT_GT(target->maxBatchSeen(), 1u);
  DispatcherStats stats = dispatcher.stats();
  ASSERT_EQ(stats.targets.size(), 1u);
  EXPECT_EQ(stats.targets[0].delivered, static_cast<uint64_t>(kTickets * kRows));
  EXPECT_GT(stats.targets[0].retries, 0u);
  EXPECT_EQ(stats.targets[0].dead_letters, 0u);
  EXPECT_EQ(stats.targets[0].queued, 0u);
  EXPECT_EQ(stats.targets[0].latency.count, stats.targets[0].sends);
  EXPECT_EQ(stats.targets[0].latency.cumulative().buckets.back(), stats.targets[0].sends);
  dispatcher.stop(inSeconds(10));
  EXPECT_EQ(dispatcher.stats().records_written,
            stats.targets[0].delivered + stats.targets[0].retries);
}

TEST(DispatcherOrder, BatchesHeadsOfManyTicketsWithinTheInFlightLimit) {
  SystemClock clock;
  store::MemoryStore store(storeOn(clock));
  auto target = std::make_shared<FakeTarget>("core", 8);
  target->holdWhen([](const store::OutboxRow& row) { return row.ticket_id == "first"; });
  DispatcherOptions options = fastOptions();
  options.max_in_flight_per_target = 1;
  OutboxDispatcher dispatcher(store, {target}, options, clock);
  ASSERT_TRUE(dispatcher.start());
  dispatcher.enqueue({rowOf(store, insertRow(store, "core", "first"))});
  ASSERT_TRUE(eventually([&] { return target->heldCount() == 1; }));
  std::vector<store::OutboxRow> rows;
  for (int t = 0; t < 20; ++t) {
    rows.push_back(rowOf(store, insertRow(store, "core", "T" + std::to_string(t))));
  }
  dispatcher.enqueue(rows);
  EXPECT_EQ(target->totalSends(), 1u); // the limit holds them back
  target->answerHeld(ItemVerdict::ok());
  ASSERT_TRUE(eventually([&] { return target->deliveredCount() == 21; }));
  EXPECT_EQ(target->maxBatchSeen(), 8u);
  EXPECT_EQ(target->totalSends(), 4u); // 1 + 8 + 8 + 4
  dispatcher.stop(inSeconds(10));
}

TEST(DispatcherOrder, EnqueueTwiceAndLoadAtStartDeliverOnce) {
  SystemClock clock;
  store::MemoryStore store(storeOn(clock));
  auto ids = insertInterleaved(store, "core", 3, 4);
  auto target = std::make_shared<FakeTarget>("core", 4, Decide{}, true);
  OutboxDispatcher dispatcher(store, {target}, fastOptions(), clock);
  ASSERT_TRUE(dispatcher.start()); // loads all 12 from the store
  for (const auto& [ticket, list] : ids) {
    dispatcher.enqueue(rowsOf(store, list));
    dispatcher.enqueue(rowsOf(store, list));
  }
  ASSERT_TRUE(eventually([&] { return target->deliveredCount() == 12; }));
  dispatcher.stop(inSeconds(10));
  for (const auto& [ticket, list] : ids) {
    for (int64_t id : list) {
      EXPECT_EQ(target->sendsOf(id), 1) << id;
    }
  }
  EXPECT_EQ(target->duplicates(), 0);
  EXPECT_EQ(countInState(store, store::OutboxState::Delivered), 12);
}

} // namespace
} // namespace hotline::delivery
