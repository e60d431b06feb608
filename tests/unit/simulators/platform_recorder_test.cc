#include "simulators/core_platform/src/platform_recorder.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

namespace hotline::sim::core_platform {
namespace {

DeliveredItem item(std::string key, std::string ticket, int64_t sequence,
                   ItemKind kind = ItemKind::Event,
                   model::EventType type = model::EventType::Accepted) {
  return DeliveredItem{std::move(key), std::move(ticket), sequence, kind, type, ""};
}

TEST(SimRecorder, FirstDeliveryIsAcceptedWithAPlatformId) {
  PlatformRecorder recorder;
  RecordResult result = recorder.record(item("k1", "T1", 1, ItemKind::Ticket));
  EXPECT_FALSE(result.duplicate);
  EXPECT_FALSE(result.order_violation);
  EXPECT_EQ(result.platform_id, "CP000000000001");
  RecorderStats stats = recorder.stats();
  EXPECT_EQ(stats.accepted, 1u);
  EXPECT_EQ(stats.tickets, 1u);
  EXPECT_EQ(stats.duplicates, 0u);
}

TEST(SimRecorder, RepeatedKeyIsADuplicateWithTheFirstPlatformIdAndIsRecordedOnce) {
  PlatformRecorder recorder;
  RecordResult first = recorder.record(item("k1", "T1", 1));
  recorder.record(item("k2", "T1", 2));
  RecordResult again = recorder.record(item("k1", "T1", 1));
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.platform_id, first.platform_id);
  EXPECT_EQ(recorder.stats().accepted, 2u);
  EXPECT_EQ(recorder.stats().duplicates, 1u);
  ASSERT_EQ(recorder.ticketItems("T1")->size(), 2u);
}

TEST(SimRecorder, IncreasingSequencesWithGapsAreInOrder) {
  PlatformRecorder recorder;
  for (int64_t sequence : {1, 2, 5, 9}) {
    EXPECT_FALSE(
        recorder.record(item("k" + std::to_string(sequence), "T1", sequence)).order_violation);
  }
  EXPECT_EQ(recorder.stats().order_violations, 0u);
  EXPECT_TRUE(recorder.violations().empty());
}

TEST(SimRecorder, LowerOrEqualSequenceUnderANewKeyIsAViolationButStillKept) {
  PlatformRecorder recorder;
  recorder.record(item("a", "T1", 1));
  recorder.record(item("b", "T1", 3));
  RecordResult late = recorder.record(item("c", "T1", 2));
  RecordResult same = recorder.record(item("d", "T1", 3));
  EXPECT_TRUE(late.order_violation);
  EXPECT_TRUE(same.order_violation);
  EXPECT_FALSE(late.duplicate);
  EXPECT_EQ(recorder.stats().order_violations, 2u);
  std::vector<OrderViolation> violations = recorder.violations();
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[0].ticket_id, "T1");
  EXPECT_EQ(violations[0].idempotency_key, "c");
  EXPECT_EQ(violations[0].last_sequence, 3);
  EXPECT_EQ(violations[0].got_sequence, 2);
  EXPECT_EQ(violations[1].last_sequence, 3);
  EXPECT_EQ(violations[1].got_sequence, 3);
  // Observed, not reordered: arrival order is kept.
  std::vector<AcceptedEntry> items = *recorder.ticketItems("T1");
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[2].idempotency_key, "c");
  EXPECT_EQ(items[2].sequence, 2);
}

TEST(SimRecorder, ALateItemDoesNotLowerTheBarForTheNextOne) {
  PlatformRecorder recorder;
  recorder.record(item("a", "T1", 1));
  recorder.record(item("b", "T1", 5));
  EXPECT_TRUE(recorder.record(item("c", "T1", 3)).order_violation);
  RecordResult next = recorder.record(item("d", "T1", 4)); // still below 5
  EXPECT_TRUE(next.order_violation);
  EXPECT_EQ(recorder.violations().back().last_sequence, 5);
  EXPECT_FALSE(recorder.record(item("e", "T1", 6)).order_violation);
}

TEST(SimRecorder, ARetriedDuplicateIsNeverAnOrderViolation) {
  PlatformRecorder recorder;
  recorder.record(item("a", "T1", 1));
  recorder.record(item("b", "T1", 2));
  RecordResult retry = recorder.record(item("a", "T1", 1));
  EXPECT_TRUE(retry.duplicate);
  EXPECT_FALSE(retry.order_violation);
  EXPECT_EQ(recorder.stats().order_violations, 0u);
}

TEST(SimRecorder, EachTicketHasItsOwnSequence) {
  PlatformRecorder recorder;
  recorder.record(item("a", "T1", 7));
  EXPECT_FALSE(recorder.record(item("b", "T2", 1)).order_violation);
  EXPECT_EQ(recorder.stats().tickets, 2u);
  EXPECT_FALSE(recorder.ticketItems("T3").has_value());
}

TEST(SimRecorder, TicketItemsCarryKindAndEventType) {
  PlatformRecorder recorder;
  recorder.record(item("a", "T1", 1, ItemKind::Ticket));
  recorder.record(item("b", "T1", 2, ItemKind::Event, model::EventType::Signed));
  std::vector<AcceptedEntry> items = *recorder.ticketItems("T1");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].kind, ItemKind::Ticket);
  EXPECT_EQ(items[1].kind, ItemKind::Event);
  EXPECT_EQ(items[1].event_type, model::EventType::Signed);
  EXPECT_EQ(items[1].platform_id, "CP000000000002");
}

TEST(SimRecorder, ArticlesAreAcceptedAndCountedApartFromTickets) {
  PlatformRecorder recorder;
  recorder.record(item("a", "kb:KB-1", 1, ItemKind::Knowledge));
  recorder.record(item("b", "kb:KB-1", 2, ItemKind::Knowledge));
  EXPECT_TRUE(recorder.record(item("b", "kb:KB-1", 2, ItemKind::Knowledge)).duplicate);
  recorder.record(item("c", "T1", 1, ItemKind::Ticket));
  RecorderStats stats = recorder.stats();
  EXPECT_EQ(stats.accepted, 3u);
  EXPECT_EQ(stats.knowledge, 2u);
  EXPECT_EQ(stats.tickets, 1u);
  EXPECT_EQ(stats.duplicates, 1u);
  std::vector<AcceptedEntry> items = *recorder.ticketItems("kb:KB-1");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].kind, ItemKind::Knowledge);
  recorder.clear();
  EXPECT_EQ(recorder.stats().knowledge, 0u);
  EXPECT_EQ(recorder.stats().tickets, 0u);
}

TEST(SimRecorder, RecordAllJudgesABatchLikeOneByOne) {
  PlatformRecorder recorder;
  DeliveredItem a = item("a", "T1", 2);
  DeliveredItem a_again = item("a", "T1", 2);
  DeliveredItem b = item("b", "T1", 1);
  std::vector<const DeliveredItem*> batch{&a, &a_again, &b};
  std::vector<RecordResult> results(batch.size());
  recorder.recordAll(batch, results);
  EXPECT_FALSE(results[0].duplicate);
  EXPECT_TRUE(results[1].duplicate);
  EXPECT_EQ(results[1].platform_id, results[0].platform_id);
  EXPECT_TRUE(results[2].order_violation);
  EXPECT_EQ(recorder.stats().accepted, 2u);
}

TEST(SimRecorder, KeysComeInArrivalOrderPageByPage) {
  PlatformRecorder recorder;
  for (const char* key : {"e", "b", "d", "a", "c"}) {
    recorder.record(item(key, "T1", 1));
  }
  auto first = recorder.keys("", 2);
  ASSERT_TRUE(first.isOk());
  EXPECT_EQ(first->keys, (std::vector<std::string>{"e", "b"}));
  EXPECT_TRUE(first->more);
  EXPECT_EQ(first->total, 5u);
  auto second = recorder.keys("b", 2);
  EXPECT_EQ(second->keys, (std::vector<std::string>{"d", "a"}));
  auto last = recorder.keys("a", 2);
  EXPECT_EQ(last->keys, (std::vector<std::string>{"c"}));
  EXPECT_FALSE(last->more);
  EXPECT_FALSE(recorder.keys("zzz", 2).isOk());
}

TEST(SimRecorder, ClearForgetsEverything) {
  PlatformRecorder recorder;
  recorder.record(item("a", "T1", 2));
  recorder.record(item("b", "T1", 1));
  recorder.countReceived(3);
  recorder.countRejected();
  recorder.countFault();
  recorder.clear();
  RecorderStats stats = recorder.stats();
  EXPECT_EQ(stats.received + stats.accepted + stats.rejected + stats.faults_injected +
                stats.order_violations + stats.tickets,
            0u);
  EXPECT_TRUE(recorder.violations().empty());
  EXPECT_FALSE(recorder.ticketItems("T1").has_value());
  EXPECT_FALSE(recorder.record(item("a", "T1", 1)).duplicate); // the key is new again
}

TEST(SimRecorder, ConcurrentDeliveriesAreEachCountedExactlyOnce) {
  PlatformRecorder recorder;
  constexpr int kThreads = 4;
  constexpr int kKeys = 2000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    // Every thread delivers every key: one acceptance each, the rest duplicates.
    threads.emplace_back([&recorder, t] {
      for (int k = 0; k < kKeys; ++k) {
        const int key = (k + t * 500) % kKeys;
        recorder.record(
            item("key-" + std::to_string(key), "T" + std::to_string(key % 10), key + 1));
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  RecorderStats stats = recorder.stats();
  EXPECT_EQ(stats.accepted, static_cast<uint64_t>(kKeys));
  EXPECT_EQ(stats.duplicates, static_cast<uint64_t>(kKeys * (kThreads - 1)));
  EXPECT_EQ(stats.tickets, 10u);
  auto page = recorder.keys("", kKeys);
  std::set<std::string> unique(page->keys.begin(), page->keys.end());
  EXPECT_EQ(unique.size(), static_cast<size_t>(kKeys));
}

} // namespace
} // namespace hotline::sim::core_platform
