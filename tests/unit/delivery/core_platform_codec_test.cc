#include "core/delivery/core_platform_codec.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace hotline::delivery {
namespace {

store::OutboxRow row(int64_t id, std::string key, std::string body,
                     std::string content_type = "application/json") {
  store::OutboxRow r;
  r.id = id;
  r.ticket_id = "T-" + std::to_string(id);
  r.kind = "event";
  r.idempotency_key = std::move(key);
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  return r;
}

std::vector<std::string> lines(const std::string& ndjson) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < ndjson.size()) {
    const size_t end = ndjson.find('\n', start);
    out.push_back(ndjson.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

TEST(CorePlatformCodec, BulkIsOneJsonObjectPerLine) {
  store::OutboxRow a = row(7, "k-7", "{\n  \"type\": \"progress\"\n}");
  store::OutboxRow b = row(9, "k-9", "plain text \"quoted\"", "text/plain");
  const std::string ndjson = encodeBulk({&a, &b});
  ASSERT_EQ(ndjson.back(), '\n');
  auto items = lines(ndjson);
  ASSERT_EQ(items.size(), 2u);
  rapidjson::Document first;
  first.Parse(items[0].c_str());
  ASSERT_FALSE(first.HasParseError()) << items[0];
  EXPECT_STREQ(first["idempotency_key"].GetString(), "k-7");
  EXPECT_STREQ(first["ticket_id"].GetString(), "T-7");
  EXPECT_EQ(first["sequence"].GetInt64(), 7);
  EXPECT_STREQ(first["kind"].GetString(), "event");
  ASSERT_TRUE(first["payload"].IsObject()); // JSON embedded as JSON, compacted
  EXPECT_STREQ(first["payload"]["type"].GetString(), "progress");
  rapidjson::Document second;
  second.Parse(items[1].c_str());
  ASSERT_TRUE(second["payload"].IsString());
  EXPECT_STREQ(second["payload"].GetString(), "plain text \"quoted\"");
}

TEST(CorePlatformCodec, BrokenJsonBodyTravelsAsAString) {
  store::OutboxRow a = row(1, "k", "{not json");
  rapidjson::Document doc;
  const std::string line = lines(encodeBulk({&a})).front();
  doc.Parse(line.c_str());
  ASSERT_TRUE(doc["payload"].IsString());
  EXPECT_STREQ(doc["payload"].GetString(), "{not json");
}

TEST(CorePlatformCodec, AKnowledgeRowIsAKnowledgeLine) {
  store::OutboxRow a = row(3, "kb-3", R"({"id":"KB-1", "title":"t", "content":"c"})");
  a.kind = "knowledge";
  a.ticket_id = "kb:KB-1";
  EXPECT_EQ(encodeBulk({&a}), R"({"idempotency_key":"kb-3","ticket_id":"kb:KB-1","sequence":3,)"
                              R"("kind":"knowledge","payload":{"id":"KB-1","title":"t",)"
                              R"("content":"c"}})"
                              "\n");
}

TEST(CorePlatformCodec, ANumberIsSentExactlyAsStored) {
  // 17 significant digits: RapidJSON's default parse rounds this one to 137.88454591.
  store::OutboxRow a = row(4, "k-4", R"({"location":{"lng":137.88454590999999,"lat":34.1}})");
  EXPECT_NE(encodeBulk({&a}).find(R"({"lng":137.88454590999999,"lat":34.1})"), std::string::npos)
      << encodeBulk({&a});
}

TEST(CorePlatformCodec, DecodesResultsBareAndInTheEnvelope) {
  auto bare = decodeBulkResults(
      R"({"results":[{"idempotency_key":"a","status":201,"message":"created"},
                     {"idempotency_key":"b","status":"duplicate"},
                     {"idempotency_key":null,"status":400,"message":"line 3: not JSON"},
                     {"idempotency_key":"d","status":503,"retry_after_s":2}]})");
  ASSERT_TRUE(bare.isOk());
  EXPECT_EQ(bare->at("a").status, 201);
  EXPECT_EQ(bare->at("a").message, "created");
  EXPECT_EQ(bare->at("b").status, 0);
  EXPECT_EQ(bare->at("b").status_text, "duplicate");
  EXPECT_EQ(bare->at("a").retry_after_s, -1);
  EXPECT_EQ(bare->at("d").retry_after_s, 2);
  EXPECT_EQ(bare->size(), 3u); // the result without a key is skipped
  auto wrapped = decodeBulkResults(
      R"({"code":0,"message":"ok","data":{"results":[{"idempotency_key":"c","status":400}]}})");
  ASSERT_TRUE(wrapped.isOk());
  EXPECT_EQ(wrapped->at("c").status, 400);
}

TEST(CorePlatformCodec, RefusesAnswersWithoutResults) {
  EXPECT_FALSE(decodeBulkResults("<html>").isOk());
  EXPECT_FALSE(decodeBulkResults(R"({"code":0,"data":{}})").isOk());
}

TEST(CorePlatformCodec, BulkKeyIsDerivedFromTheItemKeys) {
  store::OutboxRow a = row(1, "k-1", "{}");
  store::OutboxRow b = row(2, "k-2", "{}");
  const std::string key = bulkIdempotencyKey({&a, &b});
  EXPECT_EQ(key.rfind("bulk-", 0), 0u);
  EXPECT_EQ(key.size(), 5u + 64u);
  EXPECT_EQ(key, bulkIdempotencyKey({&a, &b}));
  EXPECT_NE(key, bulkIdempotencyKey({&b, &a}));
  EXPECT_NE(key, bulkIdempotencyKey({&a}));
}

TEST(CorePlatformCodec, EscapesPathSegments) {
  EXPECT_EQ(escapePathSegment("HL-2026_01.x~"), "HL-2026_01.x~");
  EXPECT_EQ(escapePathSegment("a/b c"), "a%2Fb%20c");
  EXPECT_EQ(escapePathSegment("工"), "%E5%B7%A5");
}

} // namespace
} // namespace hotline::delivery
