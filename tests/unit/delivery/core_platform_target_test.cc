#include "core/delivery/core_platform_target.h"
#include "tests/unit/delivery/recording_server.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <future>

namespace hotline::delivery {
namespace {

using namespace std::chrono_literals;
using testing::CannedResponse;
using testing::RecordedRequest;
using testing::RecordingServer;

store::OutboxRow row(int64_t id, std::string ticket, std::string kind = "event") {
  store::OutboxRow r;
  r.id = id;
  r.target = "core";
  r.ticket_id = std::move(ticket);
  r.kind = std::move(kind);
  r.content_type = "application/json";
  r.body = R"({"id":)" + std::to_string(id) + "}";
  r.idempotency_key = "idem-" + std::to_string(id);
  return r;
}

// Sends and waits for the verdicts.
std::vector<ItemVerdict> deliver(DeliveryTarget& target,
                                 std::vector<const store::OutboxRow*> rows) {
  std::promise<std::vector<ItemVerdict>> promise;
  auto future = promise.get_future();
  target.send(std::move(rows), [&promise](std::vector<ItemVerdict> verdicts) {
    promise.set_value(std::move(verdicts));
  });
  if (future.wait_for(20s) != std::future_status::ready) {
    ADD_FAILURE() << "no verdicts within 20 s";
    return {};
  }
  return future.get();
}

CannedResponse reply(int status, std::string body) {
  CannedResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

class CorePlatformTargetTest : public ::testing::Test {
protected:
  CorePlatformTarget makeTarget(size_t max_batch = 50) {
    CorePlatformOptions options;
    options.base_url = server_.baseUrl() + "/";
    options.max_batch = max_batch;
    options.timeout = 5s;
    options.extra_headers = {{"Authorization", "Bearer t"}};
    return CorePlatformTarget(options, client_);
  }

  RecordingServer server_;
  HttpClient client_;
};

TEST_F(CorePlatformTargetTest, SingleTicketGoesToTicketsWithItsHeaders) {
  server_.setHandler([](const RecordedRequest&) { return reply(201, R"({"code":0})"); });
  CorePlatformTarget target = makeTarget();
  store::OutboxRow r = row(17, "HL-1", "ticket");
  auto verdicts = deliver(target, {&r});
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_EQ(verdicts[0].kind, ItemVerdict::Kind::Ok);
  EXPECT_EQ(verdicts[0].http_status, 201);
  auto requests = server_.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].uri, "/api/v1/tickets");
  EXPECT_EQ(requests[0].header("Idempotency-Key"), "idem-17");
  EXPECT_EQ(requests[0].header("X-Hotline-Ticket"), "HL-1");
  EXPECT_EQ(requests[0].header("X-Hotline-Sequence"), "17");
  EXPECT_EQ(requests[0].header("Content-Type"), "application/json");
  EXPECT_EQ(requests[0].header("Authorization"), "Bearer t");
  EXPECT_EQ(requests[0].body, R"({"id":17})");
}

TEST_F(CorePlatformTargetTest, SingleEventGoesToTheTicketsEvents) {
  CorePlatformTarget target = makeTarget();
  store::OutboxRow r = row(3, "HL/2 x");
  auto verdicts = deliver(target, {&r});
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_EQ(verdicts[0].kind, ItemVerdict::Kind::Ok);
  EXPECT_EQ(server_.requests().at(0).uri, "/api/v1/tickets/HL%2F2%20x/events");
}

TEST_F(CorePlatformTargetTest, RefusalIsPermanentWithAMaskedReason) {
  server_.setHandler([](const RecordedRequest&) {
    return reply(400, R"({"code":4001,"message":"phone 13812345678 is not a ticket field"})");
  });
  CorePlatformTarget target = makeTarget();
  store::OutboxRow r = row(5, "HL-1", "ticket");
  auto verdicts = deliver(target, {&r});
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_EQ(verdicts[0].kind, ItemVerdict::Kind::Permanent);
  EXPECT_EQ(verdicts[0].reason,
            "core POST /api/v1/tickets -> HTTP 400: code 4001: phone 138****5678 is not a "
            "ticket field");
}

TEST_F(CorePlatformTargetTest, UnavailableIsRetryWithRetryAfter) {
  server_.setHandler([](const RecordedRequest&) {
    CannedResponse response = reply(503, R"({"code":5030,"message":"maintenance"})");
    response.headers = {{"Retry-After", "7"}};
    return response;
  });
  CorePlatformTarget target = makeTarget();
  store::OutboxRow r = row(5, "HL-1");
  auto verdicts = deliver(target, {&r});
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_EQ(verdicts[0].kind, ItemVerdict::Kind::Retry);
  EXPECT_EQ(verdicts[0].retry_after, std::chrono::milliseconds(7000));
}

TEST_F(CorePlatformTargetTest, SingleKnowledgeArticleGoesToKnowledgeWithItsHeaders) {
  CorePlatformTarget target = makeTarget();
  store::OutboxRow r = row(21, "kb:KB-1", "knowledge");
  r.body = R"({"id":"KB-1","title":"路灯报修","content":"拨打12345"})";
  auto verdicts = deliver(target, {&r});
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_EQ(verdicts[0].kind, ItemVerdict::Kind::Ok) << verdicts[0].reason;
  EXPECT_EQ(target.singleUrl(r), server_.baseUrl() + "/api/v1/knowledge");
  auto requests = server_.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].uri, "/api/v1/knowledge");
  EXPECT_EQ(requests[0].header("Idempotency-Key"), "idem-21");
  EXPECT_EQ(requests[0].header("X-Hotline-Ticket"), "kb:KB-1");
  EXPECT_EQ(requests[0].header("X-Hotline-Sequence"), "21");
  EXPECT_EQ(requests[0].header("Content-Type"), "application/json");
  EXPECT_EQ(requests[0].body, r.body);
}

TEST_F(CorePlatformTargetTest, UnknownKindIsPermanentWithoutARequest) {
  CorePlatformTarget target = makeTarget();
  store::OutboxRow r = row(5, "HL-1", "contact");
  EXPECT_EQ(target.singleUrl(r), "");
  auto verdicts = deliver(target, {&r});
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_EQ(verdicts[0].kind, ItemVerdict::Kind::Permanent);
  EXPECT_NE(verdicts[0].reason.find("unknown outbox kind 'contact' (expected ticket, event or "
                                    "knowledge)"),
            std::string::npos)
      << verdicts[0].reason;
  EXPECT_EQ(server_.requestCount(), 0u);
}

TEST_F(CorePlatformTargetTest, BatchGoesToBulkAsNdjson) {
  server_.setHandler([](const RecordedRequest&) {
    return reply(200, R"({"code":0,"message":"ok","data":{"results":[
        {"idempotency_key":"idem-1","status":201},{"idempotency_key":"idem-2","status":200},
        {"idempotency_key":"idem-3","status":"duplicate"}]}})");
  });
  CorePlatformTarget target = makeTarget();
  store::OutboxRow a = row(1, "A", "ticket");
  store::OutboxRow b = row(2, "B");
  store::OutboxRow c = row(3, "C");
  auto verdicts = deliver(target, {&a, &b, &c});
  ASSERT_EQ(verdicts.size(), 3u);
  for (const ItemVerdict& v : verdicts) {
    EXPECT_EQ(v.kind, ItemVerdict::Kind::Ok) << v.reason;
  }
  auto requests = server_.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].uri, "/api/v1/bulk");
  EXPECT_EQ(requests[0].header("Content-Type"), "application/x-ndjson");
  EXPECT_EQ(requests[0].header("Idempotency-Key").rfind("bulk-", 0), 0u);
  // Three lines carrying each row's own key and sequence.
  std::string body = requests[0].body;
  ASSERT_EQ(std::count(body.begin(), body.end(), '\n'), 3);
  rapidjson::Document line;
  line.Parse(body.substr(0, body.find('\n')).c_str());
  ASSERT_FALSE(line.HasParseError());
  EXPECT_STREQ(line["idempotency_key"].GetString(), "idem-1");
  EXPECT_STREQ(line["kind"].GetString(), "ticket");
  EXPECT_EQ(line["sequence"].GetInt64(), 1);
  EXPECT_EQ(line["payload"]["id"].GetInt(), 1);
}

TEST_F(CorePlatformTargetTest, PartialBulkFailureMapsPerItem) {
  server_.setHandler([](const RecordedRequest&) {
    return reply(200, R"({"results":[
        {"idempotency_key":"idem-1","status":201},
        {"idempotency_key":"idem-2","status":400,"message":"unknown ticket"},
        {"idempotency_key":"idem-3","status":503,"message":"busy","retry_after_s":2}]})");
  });
  CorePlatformTarget target = makeTarget();
  store::OutboxRow a = row(1, "A");
  store::OutboxRow b = row(2, "B");
  store::OutboxRow c = row(3, "C");
  store::OutboxRow d = row(4, "D"); // missing from the answer
  auto verdicts = deliver(target, {&a, &b, &c, &d});
  ASSERT_EQ(verdicts.size(), 4u);
  EXPECT_EQ(verdicts[0].kind, ItemVerdict::Kind::Ok);
  EXPECT_EQ(verdicts[1].kind, ItemVerdict::Kind::Permanent);
  EXPECT_EQ(verdicts[1].reason, "core POST /api/v1/bulk -> item 2 status 400: unknown ticket");
  EXPECT_EQ(verdicts[2].kind, ItemVerdict::Kind::Retry);
  EXPECT_EQ(verdicts[2].retry_after, std::chrono::milliseconds(2000));
  EXPECT_EQ(verdicts[3].kind, ItemVerdict::Kind::Retry);
  EXPECT_NE(verdicts[3].reason.find("missing"), std::string::npos);
}

TEST_F(CorePlatformTargetTest, NonOkBulkAnswerAppliesToEveryItem) {
  CorePlatformTarget target = makeTarget();
  store::OutboxRow a = row(1, "A");
  store::OutboxRow b = row(2, "B");
  server_.setHandler([](const RecordedRequest&) { return reply(502, "bad gateway"); });
  for (const ItemVerdict& v : deliver(target, {&a, &b})) {
    EXPECT_EQ(v.kind, ItemVerdict::Kind::Retry);
    EXPECT_NE(v.reason.find("HTTP 502"), std::string::npos);
  }
  server_.setHandler([](const RecordedRequest&) { return reply(413, "too large"); });
  for (const ItemVerdict& v : deliver(target, {&a, &b})) {
    EXPECT_EQ(v.kind, ItemVerdict::Kind::Permanent);
  }
}

TEST_F(CorePlatformTargetTest, BulkWithAnUnknownKindSendsTheRest) {
  server_.setHandler([](const RecordedRequest&) {
    return reply(200, R"({"results":[{"idempotency_key":"idem-1","status":201},
                                     {"idempotency_key":"idem-3","status":201}]})");
  });
  CorePlatformTarget target = makeTarget();
  store::OutboxRow a = row(1, "A");
  store::OutboxRow b = row(2, "B", "mystery");
  store::OutboxRow c = row(3, "C");
  auto verdicts = deliver(target, {&a, &b, &c});
  ASSERT_EQ(verdicts.size(), 3u);
  EXPECT_EQ(verdicts[0].kind, ItemVerdict::Kind::Ok);
  EXPECT_EQ(verdicts[1].kind, ItemVerdict::Kind::Permanent);
  EXPECT_NE(verdicts[1].reason.find("core POST /api/v1/bulk -> unknown outbox kind 'mystery'"),
            std::string::npos)
      << verdicts[1].reason;
  EXPECT_EQ(verdicts[2].kind, ItemVerdict::Kind::Ok);
  const std::string body = server_.requests().at(0).body;
  EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 2);
}

TEST_F(CorePlatformTargetTest, KnowledgeRowsTravelInBulkAsKnowledgeLines) {
  server_.setHandler([](const RecordedRequest&) {
    return reply(200, R"({"results":[{"idempotency_key":"idem-1","status":201},
                                     {"idempotency_key":"idem-2","status":201}]})");
  });
  CorePlatformTarget target = makeTarget();
  store::OutboxRow a = row(1, "kb:KB-1", "knowledge");
  a.body = R"({"id":"KB-1","title":"t","content":"c"})";
  store::OutboxRow b = row(2, "B", "ticket");
  auto verdicts = deliver(target, {&a, &b});
  ASSERT_EQ(verdicts.size(), 2u);
  EXPECT_EQ(verdicts[0].kind, ItemVerdict::Kind::Ok) << verdicts[0].reason;
  EXPECT_EQ(verdicts[1].kind, ItemVerdict::Kind::Ok) << verdicts[1].reason;
  auto requests = server_.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].uri, "/api/v1/bulk");
  const std::string body = requests[0].body;
  rapidjson::Document line;
  line.Parse(body.substr(0, body.find('\n')).c_str());
  ASSERT_FALSE(line.HasParseError()) << body;
  EXPECT_STREQ(line["kind"].GetString(), "knowledge");
  EXPECT_STREQ(line["ticket_id"].GetString(), "kb:KB-1");
  EXPECT_STREQ(line["payload"]["id"].GetString(), "KB-1");
}

TEST_F(CorePlatformTargetTest, StoppedClientMeansRetryNotLoss) {
  CorePlatformTarget target = makeTarget();
  client_.stop(std::chrono::steady_clock::now());
  store::OutboxRow a = row(1, "A");
  store::OutboxRow b = row(2, "B");
  auto single = deliver(target, {&a});
  ASSERT_EQ(single.size(), 1u);
  EXPECT_EQ(single[0].kind, ItemVerdict::Kind::Retry);
  for (const ItemVerdict& v : deliver(target, {&a, &b})) {
    EXPECT_EQ(v.kind, ItemVerdict::Kind::Retry);
  }
}

} // namespace
} // namespace hotline::delivery
