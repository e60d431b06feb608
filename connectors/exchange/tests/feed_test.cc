// Pull mode's feeds: our feed in (fake) state, its query and paging; the peer's pages.

#include "feed.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

namespace hotline::connectors::exchange {
namespace {

class FeedStoreTest : public ::testing::Test {
protected:
  std::map<std::string, std::string> state;
  FeedStore feed{[this](const std::string& key) -> Result<std::string> {
                   auto it = state.find(key);
                   if (it == state.end()) {
                     return notFound(key);
                   }
                   return it->second;
                 },
                 [this](const std::string& key, const std::string& value) {
                   state[key] = value;
                   return Status::ok();
                 }};
};

TEST(FeedQuery, DefaultsLimitsAndRefusals) {
  Result<FeedQuery> empty = parseFeedQuery("");
  ASSERT_TRUE(empty.isOk());
  EXPECT_EQ(empty->since, 0u);
  EXPECT_EQ(empty->limit, 100u);
  Result<FeedQuery> given = parseFeedQuery("limit=900&since=12&other=x");
  ASSERT_TRUE(given.isOk());
  EXPECT_EQ(given->since, 12u);
  EXPECT_EQ(given->limit, 500u);
  EXPECT_TRUE(parseFeedQuery("since=").isOk()); // from the start, as a first poll sends it
  EXPECT_EQ(parseFeedQuery("since=abc").status().message(),
            "since: must be a seq (decimal digits), as given in next");
  EXPECT_FALSE(parseFeedQuery("limit=0").isOk());
}

TEST_F(FeedStoreTest, AppendsOncePerKeyAndPagesWithNext) {
  ASSERT_EQ(*feed.append("ticket", "application/json", R"({"content":"a"})", "k1"), 1u);
  ASSERT_EQ(*feed.append("ticket", "application/json", R"({"content":"a"})", "k1"), 1u);
  ASSERT_EQ(*feed.append("event", "application/json", R"({"type":"urged"})", "k2"), 2u);
  ASSERT_EQ(*feed.append("event", "application/json", R"({"type":"closed"})", ""), 3u);
  EXPECT_EQ(state["feed-seq"], "3");
  EXPECT_EQ(state["feed-key:k2"], "2");
  Result<std::string> first = feed.pageData({0, 2});
  ASSERT_TRUE(first.isOk());
  EXPECT_EQ(*first, R"({"items":[{"seq":1,"kind":"ticket","body":{"content":"a"}},)"
                    R"({"seq":2,"kind":"event","body":{"type":"urged"}}],"next":"2"})");
  EXPECT_EQ(*feed.pageData({2, 100}),
            R"({"items":[{"seq":3,"kind":"event","body":{"type":"closed"}}],"next":"3"})");
  EXPECT_EQ(*feed.pageData({3, 100}), R"({"items":[],"next":"3"})");
}

TEST_F(FeedStoreTest, XmlBodiesTravelAsStringsWithTheirContentType) {
  ASSERT_TRUE(feed.append("ticket", "application/xml", "<a>1</a>", "k").isOk());
  EXPECT_EQ(*feed.pageData({0, 10}),
            R"({"items":[{"seq":1,"kind":"ticket","content_type":"application/xml",)"
            R"("body":"<a>1</a>"}],"next":"1"})");
}

TEST_F(FeedStoreTest, AJsonBodyThatIsNotAnObjectIsRefused) {
  Result<uint64_t> seq = feed.append("event", "application/json", "[1,2]", "k");
  ASSERT_FALSE(seq.isOk());
  EXPECT_EQ(seq.status().message(), "body: not a JSON object (a canonical event)");
  EXPECT_EQ(state.count("feed-seq"), 0u);
}

TEST(PeerPage, ReadsItemsInOrderWithTheirBodiesAsText) {
  std::ifstream file(std::string(EXCHANGE_SAMPLES_DIR) + "/feed-page.json");
  std::stringstream text;
  text << file.rdbuf();
  Result<PeerPage> page = parsePeerPage(text.str());
  ASSERT_TRUE(page.isOk()) << page.status().toString();
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].seq, "7");
  EXPECT_EQ(page->items[0].kind, "ticket");
  EXPECT_EQ(page->items[0].content_type, "application/json");
  EXPECT_EQ(page->items[0].body.rfind(R"({"refs":[{"system":"shangqiu-12345")", 0), 0u);
  EXPECT_EQ(page->items[1].kind, "event");
  EXPECT_EQ(page->next, "8");
}

TEST(PeerPage, RefusalsNameWhatIsWrong) {
  EXPECT_EQ(parsePeerPage(R"({"code":401,"message":"X-Nonce: missing"})").status().message(),
            "feed page has code 401: X-Nonce: missing");
  EXPECT_EQ(parsePeerPage(R"({"code":0,"data":{}})").status().message(),
            "feed page has no data.items list");
  EXPECT_EQ(parsePeerPage(R"({"code":0,"data":{"items":[{"seq":1,"kind":"event","body":3}]}})")
                .status()
                .message(),
            "data.items[0].body: expected a JSON object (or an XML string)");
}

} // namespace
} // namespace hotline::connectors::exchange
