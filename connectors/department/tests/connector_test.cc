// The connector driven through the SDK over a fake host (fake_host.h): callbacks, pull mode,
// scope refusals and push failures. Pushes that reach a department are the lead's end-to-end
// tests (with the department simulator); judgePush's branches are push_outcome_test.cc.

#include "department_connector.h"
#include "fake_host.h"

#include <gtest/gtest.h>

#include <rapidjson/document.h>

namespace hotline::connectors::department {
namespace {

using testing::Call;
using testing::FakeHost;

constexpr const char* kCallbacks = "/connectors/dept-cgj/dept/v1/callbacks";
constexpr const char* kCallbackBody =
    R"({"msgId":"CB-1","ticketNo":"YC2611280001","actionCode":"01","actionTime":"2026-11-28 10:05:00"})";

class ConnectorTest : public ::testing::Test {
protected:
  Status configure(const std::string& endpoint) {
    std::vector<std::pair<std::string, std::string>> values{
        {"app_key", key.app_key},   {"secret", key.secret}, {"sign_alg", "HMAC-SHA256"},
        {"endpoint", endpoint},     {"format", "json"},     {"system", "yucheng-cgj"},
        {"verify_replies", "true"}, {"timeout_ms", "2000"}, {"window_s", "300"}};
    std::vector<hl_kv> kv;
    for (const auto& [name, value] : values) {
      kv.push_back({plugin::abi::borrow(name), plugin::abi::borrow(value)});
    }
    hl_config config{sizeof(hl_config), kv.data(), kv.size(), plugin::abi::borrow("dept-cgj")};
    return connector.configure(plugin::Config(config), host);
  }

  Call callback(bool sign = true) {
    return fake.call("POST", "/dept/v1/callbacks", kCallbacks, kCallbackBody, key, sign,
                     {{"Content-Type", "application/json"}, {"X-Request-Id", "CB-1"}});
  }

  Call readTasks(const std::string& query) {
    return fake.call("GET", "/dept/v1/tasks", "/connectors/dept-cgj/dept/v1/tasks" + query, "",
                     key);
  }

  plugin::Outbound outbound(const std::string& ticket, const std::string& kind,
                            const std::string& idempotency_key) {
    return {ticket, kind, "application/json", R"({"code":"0"})", {}, idempotency_key, 1};
  }

  // The reply is signed for the request it answers.
  void expectSignedReply(const Call& call, const std::string& target) {
    support::HeaderList headers(call.response.headers.begin(), call.response.headers.end());
    auto parsed = support::parseSignatureHeaders(headers);
    ASSERT_TRUE(parsed.isOk()) << parsed.status().toString();
    EXPECT_TRUE(support::verifyReply(key, target, call.nonce, *parsed, call.response.body,
                                     support::systemMillis())
                    .isOk());
  }

  support::SigningKey key{"yc-cgj", "cgj-secret-for-tests", support::HmacAlgorithm::Sha256};
  FakeHost fake;
  plugin::Host host{fake.api};
  DepartmentConnector connector;
};

TEST_F(ConnectorTest, AcceptedCallbackIsSubmittedAndAnsweredSigned) {
  ASSERT_TRUE(configure("").isOk());
  ASSERT_TRUE(connector.start().isOk());
  Call call = callback();
  EXPECT_EQ(call.response.status, 201);
  EXPECT_EQ(call.response.body, R"({"code":0,"message":"ok","data":{"ticket_id":)"
                                R"("T-20261128-0001","status":"signed","duplicate":false}})");
  expectSignedReply(call, kCallbacks);
  ASSERT_EQ(fake.submitted.size(), 1u);
  EXPECT_EQ(fake.submitted[0].kind, "event");
  EXPECT_EQ(fake.submitted[0].body, kCallbackBody);
  EXPECT_EQ(fake.submitted[0].idempotency_key, "CB-1");
  EXPECT_EQ(fake.submitted[0].attrs, (plugin::Attributes{{"app_key", "yc-cgj"}}));
}

TEST_F(ConnectorTest, UnsignedCallbackIsRefusedAndAudited) {
  ASSERT_TRUE(configure("").isOk());
  ASSERT_TRUE(connector.start().isOk());
  Call call = callback(false);
  EXPECT_EQ(call.response.status, 401);
  EXPECT_NE(call.response.body.find(R"("code":401,"message":"X-App-Key: missing)"),
            std::string::npos)
      << call.response.body;
  EXPECT_TRUE(fake.submitted.empty());
  ASSERT_EQ(fake.audits.size(), 1u);
  EXPECT_EQ(fake.audits[0].rfind("refused_signature||X-App-Key: missing", 0), 0u);
  EXPECT_NE(fake.audits[0].find("(from 10.9.8.7)"), std::string::npos);
}

TEST_F(ConnectorTest, CallbackWithAnotherKeyIsRefused) {
  ASSERT_TRUE(configure("").isOk());
  ASSERT_TRUE(connector.start().isOk());
  key.secret = "not-the-department-secret";
  Call call = callback();
  EXPECT_EQ(call.response.status, 401);
  EXPECT_NE(call.response.body.find("X-Signature: does not match"), std::string::npos);
  EXPECT_TRUE(fake.submitted.empty());
}

TEST_F(ConnectorTest, HostsRefusalIsAnsweredInTheEnvelopeSigned) {
  ASSERT_TRUE(configure("").isOk());
  ASSERT_TRUE(connector.start().isOk());
  fake.submit_code = HL_CONFLICT;
  fake.submit_error = "result_submitted requires status signed";
  Call call = callback();
  EXPECT_EQ(call.response.status, 409);
  EXPECT_EQ(call.response.body,
            R"({"code":409,"message":"result_submitted requires status signed","data":null})");
  expectSignedReply(call, kCallbacks);
}

TEST_F(ConnectorTest, PullModeQueuesOnceAndListsWithNext) {
  ASSERT_TRUE(configure("").isOk());
  ASSERT_TRUE(connector.start().isOk());
  EXPECT_EQ(connector.deliver(outbound("T-20261128-0001", "ticket", "k1")).kind,
            plugin::Delivery::Kind::Ok);
  EXPECT_EQ(connector.deliver(outbound("T-20261128-0001", "ticket", "k1")).kind,
            plugin::Delivery::Kind::Ok); // a retry: no second task
  Call call = readTasks("?status=new&since=0&limit=10");
  ASSERT_EQ(call.response.status, 200) << call.response.body;
  expectSignedReply(call, "/connectors/dept-cgj/dept/v1/tasks?status=new&since=0&limit=10");
  rapidjson::Document page;
  page.Parse(call.response.body.c_str());
  ASSERT_TRUE(page.IsObject());
  ASSERT_EQ(page["data"]["tasks"].Size(), 1u);
  EXPECT_STREQ(page["data"]["tasks"][0]["ticket_id"].GetString(), "T-20261128-0001");
  EXPECT_STREQ(page["data"]["tasks"][0]["body"].GetString(), R"({"code":"0"})");
  EXPECT_STREQ(page["data"]["next"].GetString(), "1");
  EXPECT_FALSE(page["data"]["tasks"][0].HasMember("event_type"));
}

TEST_F(ConnectorTest, PullModeEventTasksCarryTheirEventType) {
  ASSERT_TRUE(configure("").isOk());
  plugin::Outbound urged = outbound("T-20261128-0001", "event", "k2");
  urged.attrs = {{"event_type", "urged"}, {"ticket_status", "signed"}};
  ASSERT_EQ(connector.deliver(urged).kind, plugin::Delivery::Kind::Ok);
  Call call = fake.call("GET", "/dept/v1/tasks/{ticket_id}",
                        "/connectors/dept-cgj/dept/v1/tasks/T-20261128-0001", "", key, true, {},
                        {{"ticket_id", "T-20261128-0001"}});
  ASSERT_EQ(call.response.status, 200) << call.response.body;
  EXPECT_NE(call.response.body.find(R"("kind":"event")"), std::string::npos);
  EXPECT_NE(call.response.body.find(R"("event_type":"urged")"), std::string::npos);
}

TEST_F(ConnectorTest, AcceptedCallbackTakesTheTicketOutOfStatusNew) {
  ASSERT_TRUE(configure("").isOk());
  ASSERT_TRUE(connector.start().isOk());
  ASSERT_EQ(connector.deliver(outbound("T-20261128-0001", "ticket", "k1")).kind,
            plugin::Delivery::Kind::Ok);
  ASSERT_EQ(callback().response.status, 201);
  EXPECT_NE(readTasks("").response.body.find(R"("tasks":[],"next":"1")"), std::string::npos);
  EXPECT_NE(readTasks("?status=all").response.body.find(R"("seq":1)"), std::string::npos);
}

TEST_F(ConnectorTest, BadQueryIsA400) {
  ASSERT_TRUE(configure("").isOk());
  Call call = readTasks("?status=done");
  EXPECT_EQ(call.response.status, 400);
  EXPECT_NE(call.response.body.find("status: must be new or all"), std::string::npos);
}

TEST_F(ConnectorTest, TasksOfAnotherDepartmentsTicketAre403AndAudited) {
  ASSERT_TRUE(configure("").isOk());
  Call call =
      fake.call("GET", "/dept/v1/tasks/{ticket_id}", "/connectors/dept-cgj/dept/v1/tasks/T-9", "",
                key, true, {}, {{"ticket_id", "T-9"}});
  EXPECT_EQ(call.response.status, 403);
  EXPECT_NE(call.response.body.find(R"("code":403)"), std::string::npos);
  ASSERT_EQ(fake.audits.size(), 1u);
  EXPECT_EQ(fake.audits[0].rfind("refused_scope|T-9|app key yc-cgj", 0), 0u) << fake.audits[0];
}

TEST_F(ConnectorTest, TaskReadsInPushModeAre404) {
  ASSERT_TRUE(configure("http://127.0.0.1:1/api/").isOk());
  Call call = readTasks("");
  EXPECT_EQ(call.response.status, 404);
  EXPECT_NE(call.response.body.find("pull mode is off"), std::string::npos);
}

TEST_F(ConnectorTest, UnreachableDepartmentIsRetriedAndDegradesHealth) {
  ASSERT_TRUE(configure("http://127.0.0.1:1/api/").isOk());
  EXPECT_EQ(connector.health().state, plugin::Health::State::Down);
  ASSERT_TRUE(connector.start().isOk());
  EXPECT_EQ(connector.health().state, plugin::Health::State::Healthy);
  plugin::Delivery first = connector.deliver(outbound("T-1", "ticket", "k1"));
  EXPECT_EQ(first.kind, plugin::Delivery::Kind::Retry);
  EXPECT_EQ(first.reason.rfind("dept-cgj: POST http://127.0.0.1:1/api/tasks: ", 0), 0u)
      << first.reason;
  plugin::Delivery action = connector.deliver(outbound("T 2", "event", "k2"));
  EXPECT_EQ(action.reason.rfind("dept-cgj: POST http://127.0.0.1:1/api/tasks/T%202/actions", 0), 0u)
      << action.reason;
  EXPECT_EQ(connector.health().state, plugin::Health::State::Healthy);
  (void)connector.deliver(outbound("T-3", "ticket", "k3"));
  EXPECT_EQ(connector.health().state, plugin::Health::State::Degraded);
  EXPECT_TRUE(fake.links.empty());
}

TEST_F(ConnectorTest, RefusesBadEndpointsAndKinds) {
  Status status = configure("ftp://dept.example/api");
  EXPECT_EQ(status.code(), StatusCode::InvalidArgument);
  EXPECT_NE(status.message().find("endpoint:"), std::string::npos);
  ASSERT_TRUE(configure("").isOk());
  EXPECT_EQ(connector.deliver(outbound("T-1", "knowledge", "k")).kind,
            plugin::Delivery::Kind::Permanent);
}

} // namespace
} // namespace hotline::connectors::department
