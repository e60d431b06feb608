#include "core/model/ticket_id.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <thread>
#include <vector>

namespace hotline::model {
namespace {

// A random source that yields a fixed byte pattern, so ids are predictable.
TicketIdGenerator::RandomSource fixedRandom(uint8_t byte) {
  return [byte](std::span<uint8_t> out) {
    std::fill(out.begin(), out.end(), byte);
    return Status::ok();
  };
}

std::string nextId(TicketIdGenerator& generator) {
  Result<std::string> id = generator.next();
  EXPECT_TRUE(id.isOk()) << id.status().toString();
  return id.isOk() ? *id : std::string();
}

TEST(ModelTicketId, HasUlidShapeAndEncodesTheTime) {
  int64_t now = 1712712600000; // 2024-04-10T01:30:00Z
  TicketIdGenerator generator([&] { return now; }, fixedRandom(0));
  const std::string id = nextId(generator);
  EXPECT_EQ(id.size(), kTicketIdLength);
  EXPECT_TRUE(isValidTicketId(id));
  EXPECT_EQ(id.substr(10), std::string(16, '0'));
  Result<int64_t> millis = ticketIdMillis(id);
  ASSERT_TRUE(millis.isOk());
  EXPECT_EQ(*millis, now);
}

TEST(ModelTicketId, KnownVector) {
  // ULID spec: time 1469918176385 encodes as "01ARYZ6S41".
  TicketIdGenerator generator([] { return int64_t{1469918176385}; }, fixedRandom(0xFF));
  EXPECT_EQ(nextId(generator), "01ARYZ6S41ZZZZZZZZZZZZZZZZ");
}

TEST(ModelTicketId, MonotonicWithinOneMillisecondAndWhenTheClockStepsBack) {
  int64_t now = 1712712600000;
  TicketIdGenerator generator([&] { return now; }, fixedRandom(0x10));
  const std::string first = nextId(generator);
  const std::string second = nextId(generator);
  now -= 5000; // clock stepped back
  const std::string third = nextId(generator);
  now += 10000;
  const std::string fourth = nextId(generator);
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_LT(third, fourth);
  EXPECT_EQ(*ticketIdMillis(third), 1712712600000); // kept the later time
}

TEST(ModelTicketId, RandomOverflowBorrowsTheNextMillisecond) {
  TicketIdGenerator generator([] { return int64_t{1000}; }, fixedRandom(0xFF));
  const std::string first = nextId(generator);
  const std::string second = nextId(generator); // all-ones + 1 wraps
  EXPECT_LT(first, second);
  EXPECT_EQ(*ticketIdMillis(second), 1001);
}

TEST(ModelTicketId, RandomSourceFailureIsReported) {
  TicketIdGenerator generator([] { return int64_t{1000}; },
                              [](std::span<uint8_t>) { return unavailable("no entropy"); });
  Result<std::string> id = generator.next();
  ASSERT_FALSE(id.isOk());
  EXPECT_EQ(id.status().code(), StatusCode::Unavailable);
}

TEST(ModelTicketId, UniqueAndOrderedPerThreadAcrossThreads) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 2000;
  TicketIdGenerator generator; // real clock and RAND_bytes
  std::vector<std::vector<std::string>> produced(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        produced[static_cast<size_t>(t)].push_back(generator.next().value());
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  std::set<std::string> all;
  for (const auto& ids : produced) {
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
    for (const auto& id : ids) {
      EXPECT_TRUE(isValidTicketId(id)) << id;
      all.insert(id);
    }
  }
  EXPECT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
}

TEST(ModelTicketId, ProcessWideGeneratorIssuesValidIncreasingIds) {
  Result<std::string> a = newTicketId();
  Result<std::string> b = newTicketId();
  ASSERT_TRUE(a.isOk());
  ASSERT_TRUE(b.isOk());
  EXPECT_TRUE(isValidTicketId(*a));
  EXPECT_LT(*a, *b);
}

TEST(ModelTicketId, ValidationRejectsWrongShapes) {
  EXPECT_TRUE(isValidTicketId("01HV3K8Z5Q9W2X7Y4T6R1M0NBC"));
  EXPECT_TRUE(isValidTicketId("7ZZZZZZZZZZZZZZZZZZZZZZZZZ"));
  EXPECT_FALSE(isValidTicketId("8ZZZZZZZZZZZZZZZZZZZZZZZZZ")); // time beyond 48 bits
  EXPECT_FALSE(isValidTicketId("01HV3K8Z5Q9W2X7Y4T6R1M0NB"));  // 25 chars
  EXPECT_FALSE(isValidTicketId("01HV3K8Z5Q9W2X7Y4T6R1M0NBCD"));
  EXPECT_FALSE(isValidTicketId("01hv3k8z5q9w2x7y4t6r1m0nbc")); // lower case is not canonical
  EXPECT_FALSE(isValidTicketId("01HV3K8Z5Q9W2X7Y4T6R1M0NBI")); // I, L, O, U are excluded
  EXPECT_FALSE(isValidTicketId("01HV3K8Z5Q9W2X7Y4T6R1M0NBU"));
  EXPECT_FALSE(isValidTicketId("YC202404100123"));
  EXPECT_FALSE(ticketIdMillis("not-an-id").isOk());
}

} // namespace
} // namespace hotline::model
