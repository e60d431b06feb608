#include "core/delivery/ticket_queues.h"

#include <gtest/gtest.h>

namespace hotline::delivery {
namespace {

RowPtr row(int64_t id, const std::string& ticket, int64_t due = 0) {
  auto r = std::make_shared<store::OutboxRow>();
  r->id = id;
  r->ticket_id = ticket;
  r->next_attempt_at_ms = due;
  return r;
}

std::vector<int64_t> ids(const std::vector<RowPtr>& rows) {
  std::vector<int64_t> out;
  for (const auto& r : rows) {
    out.push_back(r->id);
  }
  return out;
}

TEST(TicketQueues, OnlyTheHeadOfEachTicketGoes) {
  TicketQueues queues;
  queues.add(row(1, "A"), 0);
  queues.add(row(2, "B"), 0);
  queues.add(row(3, "A"), 0);
  auto batch = queues.takeReady(10, 0);
  EXPECT_EQ(ids(batch), (std::vector<int64_t>{1, 2}));
  EXPECT_FALSE(queues.hasReady(0)); // 3 waits for 1
  queues.delivered(batch[0], 0);
  EXPECT_EQ(ids(queues.takeReady(10, 0)), (std::vector<int64_t>{3}));
  EXPECT_EQ(queues.inFlightCount(), 2u);
  EXPECT_EQ(queues.rowCount(), 2u);
}

TEST(TicketQueues, BatchIsLimited) {
  TicketQueues queues;
  for (int i = 0; i < 5; ++i) {
    queues.add(row(i + 1, "T" + std::to_string(i)), 0);
  }
  EXPECT_EQ(queues.takeReady(2, 0).size(), 2u);
  EXPECT_EQ(queues.takeReady(10, 0).size(), 3u);
}

TEST(TicketQueues, RetryWaitsOnlyItsOwnTicket) {
  TicketQueues queues;
  queues.add(row(1, "A"), 0);
  queues.add(row(2, "A"), 0);
  queues.add(row(3, "B"), 0);
  auto batch = queues.takeReady(10, 0);
  queues.retryAt(batch[0], 500, 0);
  queues.delivered(batch[1], 0);
  EXPECT_FALSE(queues.hasReady(499));
  EXPECT_EQ(queues.nextDueMs(), 500);
  EXPECT_TRUE(queues.hasReady(500));
  EXPECT_EQ(ids(queues.takeReady(10, 500)), (std::vector<int64_t>{1})); // still the head
}

TEST(TicketQueues, DeadLetterParksUntilUnparked) {
  TicketQueues queues;
  queues.add(row(1, "A"), 0);
  queues.add(row(2, "A"), 0);
  auto batch = queues.takeReady(10, 0);
  queues.deadLettered(batch[0], 0);
  EXPECT_TRUE(queues.isParked("A"));
  EXPECT_FALSE(queues.hasReady(0));
  queues.add(row(3, "A"), 0);
  EXPECT_FALSE(queues.hasReady(0));
  EXPECT_EQ(queues.parkedCount(), 1u);
  EXPECT_FALSE(queues.unpark("A", 99, 0)); // not the dead letter that parked it
  EXPECT_TRUE(queues.unpark("A", 1, 0));
  EXPECT_EQ(ids(queues.takeReady(10, 0)), (std::vector<int64_t>{2}));
}

TEST(TicketQueues, ReleaseLiftsEveryHold) {
  TicketQueues queues;
  queues.park("A", 1);
  queues.park("A", 4);
  queues.add(row(5, "A"), 0);
  EXPECT_FALSE(queues.hasReady(0));
  EXPECT_TRUE(queues.unpark("A", 0, 0));
  EXPECT_EQ(ids(queues.takeReady(10, 0)), (std::vector<int64_t>{5}));
  EXPECT_FALSE(queues.unpark("B", 0, 0));
}

TEST(TicketQueues, AddKeepsIdOrderButNeverPassesTheInFlightHead) {
  TicketQueues queues;
  queues.add(row(5, "A"), 0);
  queues.add(row(3, "A"), 0); // arrived late: goes first
  auto batch = queues.takeReady(10, 0);
  EXPECT_EQ(ids(batch), (std::vector<int64_t>{3}));
  queues.add(row(1, "A"), 0); // older than the in-flight head: right behind it
  queues.delivered(batch[0], 0);
  EXPECT_EQ(ids(queues.takeReady(10, 0)), (std::vector<int64_t>{1}));
}

TEST(TicketQueues, ReadyTicketsAreServedFirstComeFirstServed) {
  TicketQueues queues;
  queues.add(row(1, "A"), 0);
  queues.add(row(2, "A"), 0);
  queues.add(row(3, "B"), 0);
  auto first = queues.takeReady(1, 0);
  EXPECT_EQ(ids(first), (std::vector<int64_t>{1}));
  queues.delivered(first[0], 0); // A is ready again, but behind B
  EXPECT_EQ(ids(queues.takeReady(1, 0)), (std::vector<int64_t>{3}));
  EXPECT_EQ(ids(queues.takeReady(1, 0)), (std::vector<int64_t>{2}));
}

TEST(TicketQueues, StoredRetryTimeIsHonouredOnLoad) {
  TicketQueues queues;
  queues.add(row(1, "A", 1000), 0);
  EXPECT_FALSE(queues.hasReady(999));
  EXPECT_EQ(queues.nextDueMs(), 1000);
  EXPECT_TRUE(queues.hasReady(1000));
}

TEST(TicketQueues, UnsentHeadIsReadyAgainAtOnce) {
  TicketQueues queues;
  queues.add(row(1, "A"), 0);
  auto batch = queues.takeReady(1, 0);
  queues.unsent(batch[0], 0);
  EXPECT_EQ(ids(queues.takeReady(1, 0)), (std::vector<int64_t>{1}));
}

} // namespace
} // namespace hotline::delivery
