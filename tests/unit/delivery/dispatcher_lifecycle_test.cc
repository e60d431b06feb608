#include "core/delivery/delivery_recorder.h"
#include "tests/unit/delivery/dispatcher_fixture.h"

#include <gtest/gtest.h>

#include <future>

namespace hotline::delivery {
namespace {

using namespace testing;
using namespace std::chrono_literals;

TEST(DispatcherLifecycle, RestartRedeliversPendingRowsWithTheSameKeys) {
  SystemClock clock;
  store::MemoryStore store(storeOn(clock));
  auto ids = insertInterleaved(store, "core", 5, 6); // ids 1..30, ticket T(id-1)%5
  // The first run delivers the first 20 rows; the next row of each ticket hangs, as if the
  // process died with requests in flight.
  auto first = std::make_shared<FakeTarget>("core", 4);
  first->holdWhen([](const store::OutboxRow& row) { return row.id > 20; });
  {
    OutboxDispatcher dispatcher(store, {first}, fastOptions(), clock);
    ASSERT_TRUE(dispatcher.start());
    ASSERT_TRUE(
        eventually([&] { return first->deliveredCount() == 20 && first->heldCount() > 0; }));
    ASSERT_TRUE(eventually([&] {
      return dispatcher.stats().targets[0].in_flight == 5; // one head per ticket, all held
    }));
    dispatcher.stop(std::chrono::steady_clock::now() + 100ms);
  }
  first->answerHeld(ItemVerdict::ok()); // too late: the dispatcher is gone, nothing happens
  EXPECT_EQ(countInState(store, store::OutboxState::Delivered), 20);
  EXPECT_EQ(countInState(store, store::OutboxState::Pending), 10);

  auto second = std::make_shared<FakeTarget>("core", 4, Decide{}, true);
  OutboxDispatcher restarted(store, {second}, fastOptions(), clock);
  ASSERT_TRUE(restarted.start());
  ASSERT_TRUE(eventually([&] { return second->deliveredCount() == 10; }));
  for (const auto& [ticket, list] : ids) {
    EXPECT_EQ(second->deliveredOrder()[ticket], std::vector<int64_t>(list.end() - 2, list.end()))
        << ticket;
    for (int64_t id : list) {
      if (id > 20) {
        ASSERT_EQ(second->keysOf(id).size(), 1u);
        EXPECT_EQ(second->keysOf(id)[0], rowOf(store, id).idempotency_key);
        if (!first->keysOf(id).empty()) {
          EXPECT_EQ(second->keysOf(id)[0], first->keysOf(id)[0]); // the same key as before
        }
      } else {
        EXPECT_EQ(second->sendsOf(id), 0) << "delivered rows are not sent again";
      }
    }
  }
  ASSERT_TRUE(eventually([&] { return countInState(store, store::OutboxState::Delivered) == 30; }));
  restarted.stop(inSeconds(10));
}

TEST(DispatcherLifecycle, GracefulStopWaitsForInFlightSendsAndFlushesRecords) {
  SystemClock clock;
  store::MemoryStore store(storeOn(clock));
  auto target = std::make_shared<FakeTarget>("core", 4);
  target->holdWhen([](const store::OutboxRow&) { return true; });
  OutboxDispatcher dispatcher(store, {target}, fastOptions(), clock);
  ASSERT_TRUE(dispatcher.start());
  const int64_t in_flight = insertRow(store, "core", "T");
  dispatcher.enqueue({rowOf(store, in_flight)});
  ASSERT_TRUE(eventually([&] { return target->heldCount() == 1; }));

  auto stopped = std::async(std::launch::async, [&] { dispatcher.stop(inSeconds(20)); });
  ASSERT_TRUE(eventually([&] { return dispatcher.stats().stopping; }));
  EXPECT_EQ(stopped.wait_for(0ms), std::future_status::timeout); // it waits for the send
  // New rows are no longer taken while stopping.
  const int64_t late = insertRow(store, "core", "U");
  dispatcher.enqueue({rowOf(store, late)});
  EXPECT_EQ(stopped.wait_for(0ms), std::future_status::timeout);
  target->answerHeld(ItemVerdict::ok());
  ASSERT_EQ(stopped.wait_for(20s), std::future_status::ready);
  // stop() returned: the outcome is in the store, and the late row was never sent.
  EXPECT_EQ(rowOf(store, in_flight).state, store::OutboxState::Delivered);
  EXPECT_EQ(target->sendsOf(late), 0);
  EXPECT_EQ(rowOf(store, late).state, store::OutboxState::Pending);
}

TEST(DispatcherLifecycle, StopGivesUpOnSendsAtTheDeadline) {
  SystemClock clock;
  store::MemoryStore store(storeOn(clock));
  auto target = std::make_shared<FakeTarget>("core", 4);
  target->holdWhen([](const store::OutboxRow&) { return true; });
  auto dispatcher = std::make_unique<OutboxDispatcher>(store, OutboxDispatcher::Targets{target},
                                                       fastOptions(), clock);
  ASSERT_TRUE(dispatcher->start());
  const int64_t id = insertRow(store, "core", "T");
  dispatcher->enqueue({rowOf(store, id)});
  ASSERT_TRUE(eventually([&] { return target->heldCount() == 1; }));
  const auto started = std::chrono::steady_clock::now();
  dispatcher->stop(started + 100ms);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  dispatcher.reset();
  target->answerHeld(ItemVerdict::ok()); // the callback finds nobody home: no crash
  EXPECT_EQ(rowOf(store, id).state, store::OutboxState::Pending);
}

TEST(DispatcherLifecycle, SafetyPollAdoptsRowsThatWereNeverEnqueued) {
  ManualClock clock;
  store::MemoryStore store(storeOn(clock));
  auto target = std::make_shared<FakeTarget>("core", 4);
  DispatcherOptions options = fastOptions();
  options.safety_poll_ms = 5000;
  OutboxDispatcher dispatcher(store, {target}, options, clock);
  ASSERT_TRUE(dispatcher.start());
  // Once a row enqueued after start() was sent, the start-up scan is through.
  const int64_t first = insertRow(store, "core", "S");
  dispatcher.enqueue({rowOf(store, first)});
  ASSERT_TRUE(eventually([&] { return target->sendsOf(first) == 1; }));
  const int64_t missed = insertRow(store, "core", "T"); // committed, enqueue() never called
  const int64_t seen = insertRow(store, "core", "U");
  dispatcher.enqueue({rowOf(store, seen)});
  ASSERT_TRUE(eventually([&] { return target->sendsOf(seen) == 1; }));
  EXPECT_EQ(target->sendsOf(missed), 0); // no store polling on the hot path
  clock.advance(4999);
  const int64_t also_missed = insertRow(store, "core", "V");
  const int64_t marker = insertRow(store, "core", "W");
  dispatcher.enqueue({rowOf(store, marker)});
  ASSERT_TRUE(eventually([&] { return target->sendsOf(marker) == 1; }));
  EXPECT_EQ(target->sendsOf(missed), 0); // not yet time for the scan
  clock.advance(1);
  dispatcher.wake();
  // The scan finds both, the one older than rows already delivered included.
  ASSERT_TRUE(eventually([&] { return target->sendsOf(missed) == 1; }));
  ASSERT_TRUE(eventually([&] { return target->sendsOf(also_missed) == 1; }));
  EXPECT_EQ(target->duplicates(), 0);
  EXPECT_EQ(target->sendsOf(seen), 1);
  dispatcher.stop(inSeconds(10));
}

TEST(DispatcherLifecycle, BacklogLargerThanMemoryIsPagedInOrder) {
  SystemClock clock;
  store::MemoryStore store(storeOn(clock));
  auto ids = insertInterleaved(store, "core", 6, 10);
  auto target = std::make_shared<FakeTarget>("core", 3);
  DispatcherOptions options = fastOptions();
  options.max_buffered_rows = 8;
  options.page_size = 4;
  OutboxDispatcher* observed = nullptr;
  size_t most_queued = 0;
  target->setObserver([&] {
    if (observed != nullptr) {
      most_queued = std::max(most_queued, observed->stats().targets[0].queued);
    }
  });
  OutboxDispatcher dispatcher(store, {target}, options, clock);
  observed = &dispatcher;
  ASSERT_TRUE(dispatcher.start());
  // More rows arrive through enqueue() while the backlog is being paged.
  std::vector<int64_t> extra;
  for (int i = 0; i < 6; ++i) {
    extra.push_back(insertRow(store, "core", "T" + std::to_string(i)));
    ids["T" + std::to_string(i)].push_back(extra.back());
    dispatcher.enqueue({rowOf(store, extra.back())});
  }
  ASSERT_TRUE(eventually([&] { return target->deliveredCount() == 66; }));
  for (const auto& [ticket, list] : ids) {
    EXPECT_EQ(target->deliveredOrder()[ticket], list) << ticket;
  }
  EXPECT_LE(most_queued, 8u);
  EXPECT_EQ(target->duplicates(), 0);
  dispatcher.stop(inSeconds(10));
}

TEST(DispatcherLifecycle, RowsForAnUnknownTargetStayPending) {
  SystemClock clock;
  store::MemoryStore store(storeOn(clock));
  const int64_t lost = insertRow(store, "nowhere", "T");
  const int64_t fine = insertRow(store, "core", "T");
  auto target = std::make_shared<FakeTarget>("core", 4);
  OutboxDispatcher dispatcher(store, {target}, fastOptions(), clock);
  ASSERT_TRUE(dispatcher.start());
  ASSERT_TRUE(eventually([&] { return target->sendsOf(fine) == 1; }));
  EXPECT_EQ(dispatcher.stats().unroutable_rows, 1u);
  dispatcher.stop(inSeconds(10));
  EXPECT_EQ(rowOf(store, lost).state, store::OutboxState::Pending);
}

TEST(DispatcherLifecycle, StartFailsWhenTheStoreCannotBeRead) {
  SystemClock clock;
  class BrokenStore : public store::MemoryStore {
  public:
    Result<std::vector<store::OutboxRow>> loadPending(int64_t, size_t) override {
      return unavailable("disk gone");
    }
  } store;
  auto target = std::make_shared<FakeTarget>("core", 4);
  OutboxDispatcher dispatcher(store, {target}, fastOptions(), clock);
  Status started = dispatcher.start();
  EXPECT_EQ(started.code(), StatusCode::Unavailable);
  EXPECT_NE(started.message().find("disk gone"), std::string::npos);
}

TEST(DeliveryRecorder, GroupsWhatAccumulatesWhileAWriteRuns) {
  GatedStore store;
  std::vector<int64_t> ids;
  for (int i = 0; i < 100; ++i) {
    ids.push_back(insertRow(store, "core", "T" + std::to_string(i)));
  }
  DeliveryRecorder recorder(store, 1000, 5ms);
  recorder.start();
  store.close();
  recorder.add({ids[0], store::DeliveryRecord::Kind::Delivered, 1, 0, {}, 200, 1});
  ASSERT_TRUE(eventually([&] { return store.waiting() == 1; }));
  for (size_t i = 1; i < ids.size(); ++i) {
    recorder.add({ids[i], store::DeliveryRecord::Kind::Delivered, 1, 0, {}, 200, 1});
  }
  store.open();
  ASSERT_TRUE(eventually([&] { return recorder.stats().written == 100; }));
  EXPECT_EQ(store.batchSizes(), (std::vector<size_t>{1, 99}));
  EXPECT_EQ(countInState(store, store::OutboxState::Delivered), 100);
  recorder.stop(inSeconds(5));
}

TEST(DeliveryRecorder, RetriesAFailingStoreAndKeepsOrder) {
  store::MemoryStore store;
  const int64_t id = insertRow(store, "core", "T");
  DeliveryRecorder recorder(store, 1000, 1ms);
  recorder.start();
  store.failWrites(unavailable("locked"));
  recorder.add({id, store::DeliveryRecord::Kind::Retry, 1, 50, "HTTP 503", 503, 1});
  recorder.add({id, store::DeliveryRecord::Kind::Delivered, 2, 0, {}, 200, 1});
  ASSERT_TRUE(eventually([&] { return recorder.stats().failures >= 2; }));
  store.clearWriteFailure();
  ASSERT_TRUE(eventually([&] { return recorder.stats().written == 2; }));
  const store::OutboxRow row = rowOf(store, id);
  EXPECT_EQ(row.state, store::OutboxState::Delivered);
  EXPECT_EQ(row.attempts, 2);
  recorder.stop(inSeconds(5));
}

TEST(DeliveryRecorder, ARefusedRecordDoesNotHoldBackTheOthers) {
  store::MemoryStore store;
  const int64_t id = insertRow(store, "core", "T");
  DeliveryRecorder recorder(store, 1000, 1ms);
  recorder.add({424242, store::DeliveryRecord::Kind::Delivered, 1, 0, {}, 200, 1});
  recorder.add({id, store::DeliveryRecord::Kind::Delivered, 1, 0, {}, 200, 1});
  recorder.start();
  ASSERT_TRUE(eventually([&] { return recorder.stats().refused == 1; }));
  ASSERT_TRUE(eventually([&] { return rowOf(store, id).state == store::OutboxState::Delivered; }));
  recorder.stop(inSeconds(5));
}

TEST(DeliveryRecorder, StopFlushesWhatIsQueued) {
  store::MemoryStore store;
  std::vector<int64_t> ids;
  for (int i = 0; i < 10; ++i) {
    ids.push_back(insertRow(store, "core", "T"));
  }
  DeliveryRecorder recorder(store, 3, 1ms);
  for (int64_t id : ids) {
    recorder.add({id, store::DeliveryRecord::Kind::Retry, 1, 99, "x", 503, 1});
  }
  recorder.start();
  recorder.stop(inSeconds(5));
  EXPECT_EQ(recorder.stats().written, 10u);
  for (int64_t id : ids) {
    EXPECT_EQ(rowOf(store, id).attempts, 1);
  }
}

} // namespace
} // namespace hotline::delivery
