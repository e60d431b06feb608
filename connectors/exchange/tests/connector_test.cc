// The connector driven through the SDK over a fake host: the peer's signed calls, refusals,
// numbers, the pull-mode feed, and deliveries that need no peer (outbound_test.cc has those
// that reach one).

#include "connector_fixture.h"

#include <rapidjson/document.h>

namespace hotline::connectors::exchange {
namespace {

constexpr const char* kTickets = "/connectors/county-yucheng/exchange/v1/tickets";
constexpr const char* kEscalation =
    R"({"refs":[{"system":"yucheng-12345","number":"YC20261128-0001"}],"channel":"phone",)"
    R"("title":"路灯不亮","content":"文化路路灯不亮","status":"escalated"})";
constexpr const char* kAction =
    R"({"event_id":"yucheng-12345-EV-7","ticket":{"system":"yucheng-12345","number":"YC20261128-0001"},)"
    R"("type":"urged","at":"2026-11-28T12:00:00+08:00","source":"yucheng-12345"})";

class ConnectorTest : public testing::ConnectorFixture {
protected:
  testing::Call escalate(const std::string& body = kEscalation, bool sign = true,
                         const std::string& key_header = "ESC-1") {
    return fake.call("POST", "/exchange/v1/tickets", kTickets, body, key, sign,
                     {{"Content-Type", "application/json"}, {"Idempotency-Key", key_header}});
  }
  testing::Call act(const std::string& no, const std::string& body = kAction) {
    return fake.call("POST", "/exchange/v1/tickets/{no}/actions",
                     std::string(kTickets) + "/" + no + "/actions", body, key, true,
                     {{"Content-Type", "application/json"}}, {{"no", no}});
  }
  testing::Call readFeed(const std::string& query) {
    return fake.call("GET", "/exchange/v1/actions",
                     "/connectors/county-yucheng/exchange/v1/actions" + query, "", key);
  }
  plugin::Outbound event(const std::string& type, const std::string& idempotency_key) {
    return {"T-1",
            "event",
            "application/json",
            R"({"event_id":")" + idempotency_key + R"(","ticket":{"id":"T-1"},"type":")" + type +
                R"(","at":"2026-11-28T12:00:00+08:00","source":"shangqiu-12345"})",
            {{"event_type", type}, {"ref:yucheng-12345", "YC-1"}},
            idempotency_key,
            1};
  }

  void SetUp() override {
    ASSERT_TRUE(configure().isOk());
    ASSERT_TRUE(connector.start().isOk());
  }
};

TEST_F(ConnectorTest, EscalationIsNormalisedSubmittedAndAnsweredWithOurNumber) {
  testing::Call call = escalate();
  EXPECT_EQ(call.response.status, 201) << call.response.body;
  EXPECT_EQ(call.response.body, R"({"code":0,"message":"ok","data":{"number":"T-20261128-0001",)"
                                R"("ticket_id":"T-20261128-0001","duplicate":false}})");
  expectSignedReply(call, kTickets);
  ASSERT_EQ(fake.submitted.size(), 1u);
  EXPECT_EQ(fake.submitted[0].kind, "ticket");
  EXPECT_EQ(fake.submitted[0].idempotency_key, "ESC-1");
  EXPECT_EQ(fake.submitted[0].body,
            R"({"refs":[{"system":"yucheng-12345","number":"YC20261128-0001"}],"channel":"county",)"
            R"("title":"路灯不亮","content":"文化路路灯不亮","status":"submitted"})");
  EXPECT_EQ(fake.state["peer-ticket:YC20261128-0001"], "T-20261128-0001");
}

TEST_F(ConnectorTest, ForgedEscalationIs401AndAudited) {
  key.secret = "not-the-link-secret";
  testing::Call call = escalate();
  EXPECT_EQ(call.response.status, 401);
  EXPECT_NE(call.response.body.find(R"("code":401,"message":"X-Signature: does not match)"),
            std::string::npos)
      << call.response.body;
  EXPECT_TRUE(fake.submitted.empty());
  ASSERT_EQ(fake.audits.size(), 1u);
  EXPECT_EQ(fake.audits[0].rfind("refused_signature||X-Signature: does not match", 0), 0u);
  EXPECT_NE(fake.audits[0].find("(from 10.9.8.7)"), std::string::npos);
}

class ReplayCacheTest : public testing::ConnectorFixture {};

TEST_F(ReplayCacheTest, APeerBeyondItsReplayCacheIsAnswered503) {
  ASSERT_TRUE(configure({{"replay_cache", "1000"}}).isOk());
  ASSERT_TRUE(connector.start().isOk());
  const std::string body = R"({"refs":[{"system":"shangqiu-12345","number":"SQ-1"}],)"
                           R"("channel":"city","content":"c","status":"accepted"})";
  int answered = 0;
  testing::Call last;
  // Each call is signed with a fresh nonce; the 1,001st no longer fits within the window.
  for (int i = 0; i <= 1000; ++i) {
    last = fake.call("POST", "/exchange/v1/tickets", kTickets, body, key, true,
                     {{"Content-Type", "application/json"}});
    answered += last.response.status == 503 ? 0 : 1;
  }
  EXPECT_EQ(answered, 1000);
  EXPECT_EQ(last.response.status, 503);
  EXPECT_NE(last.response.body.find("replay protection is full"), std::string::npos)
      << last.response.body;
  connector.stop();
}

TEST_F(ConnectorTest, EscalationWithoutTheSendersRefIs400NamingRefs) {
  testing::Call call = escalate(R"({"channel":"phone","content":"c","status":"escalated"})");
  EXPECT_EQ(call.response.status, 400);
  EXPECT_NE(call.response.body.find(R"("message":"refs: no ref of system \"yucheng-12345\")"),
            std::string::npos)
      << call.response.body;
  expectSignedReply(call, kTickets);
  EXPECT_TRUE(fake.submitted.empty());
}

TEST_F(ConnectorTest, TheSameTicketUnderAnotherKeyGetsTheSameNumber) {
  ASSERT_EQ(escalate().response.status, 201);
  fake.submit_code = HL_CONFLICT;
  fake.submit_error = "ticket yucheng-12345/YC20261128-0001 already exists as T-20261128-0001; "
                      "send events to change it";
  testing::Call again = escalate(kEscalation, true, "ESC-2");
  EXPECT_EQ(again.response.status, 200) << again.response.body;
  EXPECT_NE(again.response.body.find(R"("number":"T-20261128-0001")"), std::string::npos);
  EXPECT_NE(again.response.body.find(R"("duplicate":true)"), std::string::npos);
}

TEST_F(ConnectorTest, ActionIsSubmittedUnderItsEventId) {
  testing::Call call = act("YC20261128-0001");
  EXPECT_EQ(call.response.status, 201) << call.response.body;
  EXPECT_EQ(call.response.body, R"({"code":0,"message":"ok","data":{"ticket_id":)"
                                R"("T-20261128-0001","status":"signed","duplicate":false}})");
  expectSignedReply(call, std::string(kTickets) + "/YC20261128-0001/actions");
  ASSERT_EQ(fake.submitted.size(), 1u);
  EXPECT_EQ(fake.submitted[0].kind, "event");
  EXPECT_EQ(fake.submitted[0].body, kAction);
  EXPECT_EQ(fake.submitted[0].idempotency_key, "yucheng-12345-EV-7");
}

TEST_F(ConnectorTest, ActionWhosePathNamesAnotherTicketIs400) {
  testing::Call call = act("YC20261128-0002");
  EXPECT_EQ(call.response.status, 400);
  EXPECT_NE(
      call.response.body.find(R"({no}: \"YC20261128-0002\" does not name the event's ticket)"),
      std::string::npos)
      << call.response.body;
  EXPECT_TRUE(fake.submitted.empty());
}

TEST_F(ConnectorTest, ActionMayPutOurNumberInThePath) {
  ASSERT_EQ(escalate().response.status, 201); // remembers YC20261128-0001 -> T-20261128-0001
  EXPECT_EQ(act("T-20261128-0001").response.status, 201);
}

TEST_F(ConnectorTest, HostsRefusalIsAnsweredInTheEnvelopeSigned) {
  fake.submit_code = HL_CONFLICT;
  fake.submit_error = "L-URGE: urged requires an open ticket (status is closed)";
  testing::Call call = act("YC20261128-0001");
  EXPECT_EQ(call.response.status, 409);
  EXPECT_EQ(call.response.body, R"x({"code":409,"message":"L-URGE: urged requires an open ticket )x"
                                R"x((status is closed)","data":null})x");
  expectSignedReply(call, std::string(kTickets) + "/YC20261128-0001/actions");
}

TEST_F(ConnectorTest, TheFeedIs404InPushMode) {
  // (knowledge_test.cc has the knowledge endpoint)
  testing::Call feed = readFeed("?since=0");
  EXPECT_EQ(feed.response.status, 404);
  EXPECT_NE(feed.response.body.find("mode is not pull"), std::string::npos);
}

TEST_F(ConnectorTest, EscalatedAndDispatchedEventsAreOkWithoutARequest) {
  // peer_url points at port 1: a request would come back as a retry.
  EXPECT_EQ(connector.deliver(event("escalated", "e1")).kind, plugin::Delivery::Kind::Ok);
  EXPECT_EQ(connector.deliver(event("dispatched_down", "e2")).kind, plugin::Delivery::Kind::Ok);
  EXPECT_EQ(connector.health().state, plugin::Health::State::Healthy);
}

TEST_F(ConnectorTest, ThePeersOwnActionIsNotSentBack) {
  plugin::Outbound own = event("signed", "e3");
  own.body = R"({"event_id":"e3","ticket":{"id":"T-1"},"type":"signed",)"
             R"("at":"2026-11-28T12:00:00+08:00","source":"yucheng-12345"})";
  EXPECT_EQ(connector.deliver(own).kind, plugin::Delivery::Kind::Ok);
}

TEST_F(ConnectorTest, UnreachablePeerIsRetriedAndDegradesHealth) {
  for (int i = 0; i < 3; ++i) {
    plugin::Delivery delivery = connector.deliver(event("urged", "u" + std::to_string(i)));
    EXPECT_EQ(delivery.kind, plugin::Delivery::Kind::Retry);
    EXPECT_EQ(delivery.reason.rfind("county-yucheng: POST http://127.0.0.1:1/connectors/"
                                    "city-exchange/exchange/v1/tickets/YC-1/actions: ",
                                    0),
              0u)
        << delivery.reason;
  }
  EXPECT_EQ(connector.health().state, plugin::Health::State::Degraded);
  connector.stop();
  EXPECT_EQ(connector.health().state, plugin::Health::State::Down);
}

TEST_F(ConnectorTest, OtherKindsArePermanent) {
  plugin::Outbound contact{"T-1", "contact", "application/json", "{}", {}, "k", 1};
  plugin::Delivery delivery = connector.deliver(contact);
  EXPECT_EQ(delivery.kind, plugin::Delivery::Kind::Permanent);
  EXPECT_EQ(delivery.reason, "county-yucheng: kind \"contact\" is not exchanged with peers "
                             "(ticket, event, knowledge)");
}

class PullModeTest : public testing::ConnectorFixture {};

TEST_F(PullModeTest, DeliveriesArePublishedOnceAndPagedWithNext) {
  ASSERT_TRUE(configure({{"mode", "pull"}}).isOk()); // not started: no poller thread
  plugin::Outbound ticket{"T-1",
                          "ticket",
                          "application/json",
                          R"({"id":"T-1","channel":"phone","content":"c","status":"dispatched"})",
                          {{"ref:shangqiu-12345", "SQ-1"}},
                          "k1",
                          1};
  EXPECT_EQ(connector.deliver(ticket).kind, plugin::Delivery::Kind::Ok);
  EXPECT_EQ(connector.deliver(ticket).kind, plugin::Delivery::Kind::Ok); // a retry: no 2nd item
  plugin::Outbound urged{
      "T-1",
      "event",
      "application/json",
      R"({"event_id":"E2","ticket":{"id":"T-1"},"type":"urged","at":"2026-11-28T12:00:00+08:00"})",
      {{"event_type", "urged"}, {"ref:shangqiu-12345", "SQ-1"}},
      "E2",
      1};
  EXPECT_EQ(connector.deliver(urged).kind, plugin::Delivery::Kind::Ok);
  testing::Call first =
      fake.call("GET", "/exchange/v1/actions",
                "/connectors/county-yucheng/exchange/v1/actions?since=&limit=1", "", key);
  ASSERT_EQ(first.response.status, 200) << first.response.body;
  expectSignedReply(first, "/connectors/county-yucheng/exchange/v1/actions?since=&limit=1");
  EXPECT_EQ(first.response.body,
            R"({"code":0,"message":"ok","data":{"items":[{"seq":1,"kind":"ticket","body":)"
            R"({"channel":"phone","content":"c","status":"dispatched","refs":[{"system":)"
            R"("shangqiu-12345","number":"SQ-1"}]}}],"next":"1"}})");
  testing::Call second =
      fake.call("GET", "/exchange/v1/actions",
                "/connectors/county-yucheng/exchange/v1/actions?since=1", "", key);
  EXPECT_EQ(second.response.body,
            R"({"code":0,"message":"ok","data":{"items":[{"seq":2,"kind":"event","body":)"
            R"({"event_id":"E2","ticket":{"system":"shangqiu-12345","number":"SQ-1"},)"
            R"("type":"urged","at":"2026-11-28T12:00:00+08:00"}}],"next":"2"}})");
}

TEST_F(PullModeTest, BadQueryIs400) {
  ASSERT_TRUE(configure({{"mode", "pull"}}).isOk());
  testing::Call call = fake.call("GET", "/exchange/v1/actions",
                                 "/connectors/county-yucheng/exchange/v1/actions?limit=x", "", key);
  EXPECT_EQ(call.response.status, 400);
  EXPECT_NE(call.response.body.find("limit: must be a number from 1 to 500"), std::string::npos);
}

TEST_F(PullModeTest, StartAndStopJoinThePoller) {
  ASSERT_TRUE(configure({{"mode", "pull"}}).isOk());
  ASSERT_TRUE(connector.start().isOk());
  EXPECT_NE(connector.health().state, plugin::Health::State::Down);
  connector.stop(); // returns only once the poller thread has been joined
  EXPECT_EQ(connector.health().state, plugin::Health::State::Down);
}

class ConfigTest : public testing::ConnectorFixture {};

TEST_F(ConfigTest, RefusesWhatCannotWork) {
  const std::vector<std::pair<std::map<std::string, std::string>, std::string>> cases{
      {{{"peer_url", "ftp://x/y"}}, "peer_url: \"ftp://x/y\" is not an http://"},
      {{{"peer_url", "http://x/y?a=1"}}, "peer_url:"},
      {{{"peer_system", "shangqiu-12345"}}, "peer_system: equals system"},
      {{{"role", "province"}}, "role: must be county or city"},
      {{{"app_key", "has space"}}, "app_key: must be 1 to 128 visible ASCII characters"}};
  for (const auto& [overrides, expected] : cases) {
    Status status = configure(overrides);
    EXPECT_EQ(status.code(), StatusCode::InvalidArgument) << expected;
    EXPECT_EQ(status.message().rfind(expected, 0), 0u) << status.message();
  }
}

} // namespace
} // namespace hotline::connectors::exchange
