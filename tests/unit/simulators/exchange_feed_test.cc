// The pull-mode feed of the exchange simulator: cursor paging, limits, and a reset that never
// reuses a cursor.

#include <gtest/gtest.h>

#include "simulators/exchange/src/action_feed.h"

namespace hotline::sim::exchange {
namespace {

std::vector<uint64_t> seqs(const FeedPage& page) {
  std::vector<uint64_t> out;
  for (const FeedItem& item : page.items) {
    out.push_back(item.seq);
  }
  return out;
}

TEST(ExchangeFeedTest, PagesBySinceAndLimit) {
  ActionFeed feed;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(feed.append("event", "{\"n\":" + std::to_string(i) + "}"),
              static_cast<uint64_t>(i + 1));
  }
  FeedPage first = feed.page(0, 2);
  EXPECT_EQ(seqs(first), (std::vector<uint64_t>{1, 2}));
  EXPECT_EQ(first.next, 2u);
  EXPECT_EQ(first.items[1].body, "{\"n\":1}");
  FeedPage second = feed.page(first.next, 2);
  EXPECT_EQ(seqs(second), (std::vector<uint64_t>{3, 4}));
  FeedPage third = feed.page(second.next, 2);
  EXPECT_EQ(seqs(third), (std::vector<uint64_t>{5}));
  FeedPage empty = feed.page(third.next, 2);
  EXPECT_TRUE(empty.items.empty());
  EXPECT_EQ(empty.next, 5u) << "nothing new: the cursor stays where it was";
}

TEST(ExchangeFeedTest, ACursorBeyondTheEndReadsNothing) {
  ActionFeed feed;
  feed.append("event", "{}");
  FeedPage page = feed.page(99, 10);
  EXPECT_TRUE(page.items.empty());
  EXPECT_EQ(page.next, 99u);
}

TEST(ExchangeFeedTest, ClearKeepsCountingSoOldCursorsSeeNewItems) {
  ActionFeed feed;
  feed.append("event", "{}");
  feed.append("event", "{}");
  feed.clear();
  EXPECT_EQ(feed.size(), 0u);
  EXPECT_EQ(feed.append("ticket", "{}"), 3u);
  EXPECT_EQ(seqs(feed.page(2, 10)), (std::vector<uint64_t>{3}));
}

TEST(ExchangeFeedTest, ParsesCursorAndLimit) {
  EXPECT_EQ(*parseFeedCursor(""), 0u);
  EXPECT_EQ(*parseFeedCursor("42"), 42u);
  EXPECT_FALSE(parseFeedCursor("-1").isOk());
  EXPECT_FALSE(parseFeedCursor("4x").isOk());
  EXPECT_NE(parseFeedCursor("abc").status().message().find("since:"), std::string::npos);
  EXPECT_EQ(*parseFeedLimit(""), kDefaultFeedLimit);
  EXPECT_EQ(*parseFeedLimit("1"), 1u);
  EXPECT_EQ(*parseFeedLimit("1000"), 1000u);
  EXPECT_FALSE(parseFeedLimit("0").isOk());
  EXPECT_FALSE(parseFeedLimit("1001").isOk());
  EXPECT_NE(parseFeedLimit("x").status().message().find("limit:"), std::string::npos);
}

TEST(ExchangeFeedTest, PageJsonCarriesBodiesAsObjectsAndNextAsText) {
  ActionFeed feed;
  feed.append("event", R"({"type":"signed"})");
  EXPECT_EQ(feedPageJson(feed.page(0, 10)),
            R"({"items":[{"seq":1,"kind":"event","body":{"type":"signed"}}],"next":"1"})");
}

} // namespace
} // namespace hotline::sim::exchange
