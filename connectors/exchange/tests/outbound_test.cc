// Calls that reach a peer: pushes and polls against a loopback server (loopback_server.h)
// that verifies our signature the way a peer does and signs its replies.

#include "connector_fixture.h"
#include "loopback_server.h"

#include "hotline/support/request_signing_verifier.h"

#include <fstream>
#include <sstream>

namespace hotline::connectors::exchange {
namespace {

using testing::LoopbackServer;

constexpr const char* kTicketBody =
    R"({"id":"T-1","refs":[{"system":"yucheng-12345","number":"YC20261128-0001"}],)"
    R"("channel":"phone","content":"c","status":"escalated"})";

std::string feedPageSample() {
  std::ifstream file(std::string(EXCHANGE_SAMPLES_DIR) + "/feed-page.json");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

class OutboundTest : public testing::ConnectorFixture {
protected:
  // The peer: verifies each call with the link's key and answers `reply` (signed unless
  // sign_replies is false) with `status`.
  LoopbackServer peer{[this](const LoopbackServer::Request& request) {
    LoopbackServer::Reply out{status, {{"Content-Type", "application/json"}}, reply};
    if (!retry_after.empty()) {
      out.headers.emplace_back("Retry-After", retry_after);
    }
    auto caller = verifier.verify(request.method, request.target, request.headers, request.body);
    if (!caller) {
      return LoopbackServer::Reply{401, {}, caller.status().message()};
    }
    if (sign_replies) {
      for (auto& header : verifier.signReply(*caller, request.target, out.body)->toHeaderList()) {
        out.headers.push_back(std::move(header));
      }
    }
    return out;
  }};
  support::RequestVerifier verifier{
      support::fixedKeys({{key.app_key, {key.secret, {key.algorithm}, {}}}})};
  int status = 200;
  std::string reply = R"({"code":0,"message":"ok","data":{"number":"SQ-20261128-000001"}})";
  std::string retry_after;
  bool sign_replies = true;

  void SetUp() override {
    ASSERT_TRUE(configure({{"role", "county"},
                           {"peer_url", peer.url()},
                           {"system", "yucheng-12345"},
                           {"peer_system", "shangqiu-12345"}})
                    .isOk());
    ASSERT_TRUE(connector.start().isOk());
  }

  plugin::Outbound ticket() {
    return {"T-1", "ticket", "application/json", kTicketBody, {}, "out-1", 1};
  }
};

TEST_F(OutboundTest, EscalationIsPushedSignedAndThePeersNumberLinked) {
  plugin::Delivery delivery = connector.deliver(ticket());
  ASSERT_EQ(delivery.kind, plugin::Delivery::Kind::Ok) << delivery.reason;
  std::vector<LoopbackServer::Request> requests = peer.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].target, "/exchange/v1/tickets");
  EXPECT_EQ(requests[0].header("Idempotency-Key"), "out-1");
  EXPECT_EQ(requests[0].body, R"({"refs":[{"system":"yucheng-12345","number":"YC20261128-0001"}],)"
                              R"("channel":"phone","content":"c","status":"escalated"})");
  EXPECT_EQ(fake.links, (std::vector<std::string>{"T-1|shangqiu-12345|SQ-20261128-000001"}));
  EXPECT_EQ(fake.state["peer-ticket:SQ-20261128-000001"], "T-1");
  EXPECT_EQ(fake.state["our-number:T-1"], "YC20261128-0001");
}

TEST_F(OutboundTest, AKnownNumberIsNotLinkedAgain) {
  plugin::Outbound known = ticket();
  known.attrs = {{"ref:shangqiu-12345", "SQ-20261128-000001"}};
  ASSERT_EQ(connector.deliver(known).kind, plugin::Delivery::Kind::Ok);
  EXPECT_TRUE(fake.links.empty());
}

// The receiver always knows its own numbers (even in pull mode, where it never answered us
// one), so the action names the ticket by the peer's number when we know it.
TEST_F(OutboundTest, ActionGoesToThePeersNumberNamingItByThePeersNumber) {
  reply = R"({"code":0,"message":"ok","data":{"ticket_id":"SQ-2","status":"signed"}})";
  plugin::Outbound urged{
      "T-1",
      "event",
      "application/json",
      R"({"event_id":"E-9","ticket":{"id":"T-1"},"type":"urged","at":"2026-11-28T12:00:00+08:00"})",
      {{"event_type", "urged"}, {"ref:yucheng-12345", "YC 1"}, {"ref:shangqiu-12345", "SQ/2"}},
      "E-9",
      1};
  ASSERT_EQ(connector.deliver(urged).kind, plugin::Delivery::Kind::Ok);
  std::vector<LoopbackServer::Request> requests = peer.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].target, "/exchange/v1/tickets/SQ%2F2/actions");
  EXPECT_EQ(requests[0].body, R"({"event_id":"E-9","ticket":{"system":"shangqiu-12345","number":)"
                              R"("SQ/2"},"type":"urged","at":"2026-11-28T12:00:00+08:00"})");
  EXPECT_TRUE(fake.links.empty());
}

TEST_F(OutboundTest, WithoutThePeersNumberTheActionNamesOurs) {
  reply = R"({"code":0,"message":"ok","data":{"ticket_id":"SQ-2","status":"signed"}})";
  plugin::Outbound urged{
      "T-1",
      "event",
      "application/json",
      R"({"event_id":"E-9","ticket":{"id":"T-1"},"type":"urged","at":"2026-11-28T12:00:00+08:00"})",
      {{"event_type", "urged"}, {"ref:yucheng-12345", "YC 1"}},
      "E-9",
      1};
  ASSERT_EQ(connector.deliver(urged).kind, plugin::Delivery::Kind::Ok);
  std::vector<LoopbackServer::Request> requests = peer.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].target, "/exchange/v1/tickets/YC%201/actions");
  EXPECT_EQ(requests[0].body, R"({"event_id":"E-9","ticket":{"system":"yucheng-12345","number":)"
                              R"("YC 1"},"type":"urged","at":"2026-11-28T12:00:00+08:00"})");
}

TEST_F(OutboundTest, ARefusalIsPermanentAndMasked) {
  reply = R"({"code":400,"message":"requester phone 13812345678 invalid","data":null})";
  plugin::Delivery delivery = connector.deliver(ticket());
  EXPECT_EQ(delivery.kind, plugin::Delivery::Kind::Permanent);
  EXPECT_NE(delivery.reason.find("refused with code 400"), std::string::npos) << delivery.reason;
  EXPECT_EQ(delivery.reason.find("13812345678"), std::string::npos);
  status = 404;
  EXPECT_EQ(connector.deliver(ticket()).kind, plugin::Delivery::Kind::Permanent);
}

TEST_F(OutboundTest, UnsignedRepliesAndOutagesAreRetried) {
  sign_replies = false;
  plugin::Delivery unsigned_reply = connector.deliver(ticket());
  EXPECT_EQ(unsigned_reply.kind, plugin::Delivery::Kind::Retry);
  EXPECT_NE(unsigned_reply.reason.find("reply X-App-Key: missing"), std::string::npos);
  status = 503;
  retry_after = "2";
  plugin::Delivery outage = connector.deliver(ticket());
  EXPECT_EQ(outage.kind, plugin::Delivery::Kind::Retry);
  EXPECT_EQ(outage.retry_after_ms, 2000u);
  EXPECT_TRUE(fake.links.empty());
}

TEST_F(OutboundTest, PollSubmitsThePageInOrderAndAdvancesTheCursor) {
  reply = feedPageSample();
  ASSERT_TRUE(connector.pollOnce().isOk());
  ASSERT_EQ(peer.requests().size(), 1u);
  EXPECT_EQ(peer.requests()[0].method, "GET");
  EXPECT_EQ(peer.requests()[0].target, "/exchange/v1/actions?since=&limit=100");
  ASSERT_EQ(fake.submitted.size(), 2u);
  EXPECT_EQ(fake.submitted[0].kind, "ticket");
  EXPECT_NE(fake.submitted[0].body.find(R"("channel":"city")"), std::string::npos);
  EXPECT_EQ(fake.submitted[1].kind, "event");
  EXPECT_EQ(fake.submitted[1].idempotency_key, "shangqiu-12345-EV-1795831200000-2");
  EXPECT_EQ(fake.state["pull-cursor"], "8");
  ASSERT_TRUE(connector.pollOnce().isOk());
  EXPECT_EQ(peer.requests()[1].target, "/exchange/v1/actions?since=8&limit=100");
}

TEST_F(OutboundTest, AnUnavailablePipelineStopsThePageBeforeTheItem) {
  reply = feedPageSample();
  fake.on_submit = [](const plugin::Inbound& inbound) {
    plugin::testing::SubmitAnswer answer;
    if (inbound.kind == "event") {
      answer.code = HL_UNAVAILABLE;
      answer.error = "store is busy";
    }
    return answer;
  };
  ASSERT_TRUE(connector.pollOnce().isOk());
  EXPECT_EQ(fake.state["pull-cursor"], "7");
  EXPECT_TRUE(fake.audits.empty());
}

TEST_F(OutboundTest, ARefusedItemIsAuditedAndPassed) {
  reply = feedPageSample();
  fake.on_submit = [](const plugin::Inbound& inbound) {
    plugin::testing::SubmitAnswer answer;
    if (inbound.kind == "ticket") {
      answer.code = HL_INVALID_ARGUMENT;
      answer.error = "/category/type: not one of consult, help, ...";
    }
    return answer;
  };
  ASSERT_TRUE(connector.pollOnce().isOk());
  EXPECT_EQ(fake.state["pull-cursor"], "8");
  ASSERT_EQ(fake.audits.size(), 1u);
  EXPECT_EQ(fake.audits[0].rfind("pull_item_refused||county-yucheng: item 7 (ticket) of "
                                 "shangqiu-12345's feed: HTTP 400: /category/type",
                                 0),
            0u)
      << fake.audits[0];
}

TEST_F(OutboundTest, AFailedPollKeepsTheCursorAndCountsTowardsDegraded) {
  status = 503;
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(connector.pollOnce().isOk());
  }
  EXPECT_EQ(fake.state.count("pull-cursor"), 0u);
  EXPECT_EQ(connector.health().state, plugin::Health::State::Degraded);
}

} // namespace
} // namespace hotline::connectors::exchange
