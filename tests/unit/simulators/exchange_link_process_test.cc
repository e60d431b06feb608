// `hotline-sim exchange` as a separate process, called the way a county gateway calls its
// city platform: signed escalations and actions, the signature refusals (forged, replayed,
// stale), duplicates, errors that name the field, knowledge, and a simulated outage.

#include <gtest/gtest.h>

#include <regex>

#include "hotline/support/request_signing.h"
#include "tests/unit/simulators/exchange_payloads.h"
#include "tests/unit/simulators/exchange_test_peers.h"

namespace hotline::sim::testing {
namespace {

using model::EventType;

constexpr const char* kTickets = "/exchange/v1/tickets";

std::string dataString(const SignedReply& reply, const char* name) {
  rapidjson::Document doc = parseJson(reply.body);
  if (!doc.IsObject() || !doc.HasMember("data") || !doc["data"].IsObject() ||
      !doc["data"].HasMember(name) || !doc["data"][name].IsString()) {
    ADD_FAILURE() << "no data." << name << " in " << reply.body;
    return "";
  }
  return doc["data"][name].GetString();
}

uint64_t stat(int port, const char* name) {
  SignedReply reply = control(port, "GET", "/sim/stats");
  rapidjson::Document doc = parseJson(reply.body);
  EXPECT_TRUE(doc.IsObject() && doc["data"].HasMember(name)) << reply.body;
  return doc.IsObject() && doc["data"].HasMember(name) ? doc["data"][name].GetUint64() : ~0ull;
}

class ExchangeLinkProcessTest : public ::testing::Test {
protected:
  void SetUp() override {
    exchange_ = startExchange();
    ASSERT_GT(exchange_.port, 0);
  }

  RunningExchange exchange_;
};

TEST_F(ExchangeLinkProcessTest, SignedEscalationIsAnsweredWithOurNumberInASignedReply) {
  CountyCaller county(exchange_.port);
  SignedReply reply = county.post(kTickets, escalationJson("YC-0001"), "esc-1");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_TRUE(county.verify(reply).isOk()) << county.verify(reply).message();
  EXPECT_TRUE(std::regex_match(dataString(reply, "number"), std::regex(R"(SQ-\d{8}-\d{6})")))
      << reply.body;

  SignedReply tickets = control(exchange_.port, "GET", "/sim/tickets");
  rapidjson::Document doc = parseJson(tickets.body);
  ASSERT_EQ(doc["data"]["tickets"].Size(), 1u) << tickets.body;
  const auto& ticket = doc["data"]["tickets"][0];
  EXPECT_EQ(std::string(ticket["number"].GetString()), dataString(reply, "number"));
  EXPECT_STREQ(ticket["county_ref"]["system"].GetString(), kCountySystem);
  EXPECT_STREQ(ticket["county_ref"]["number"].GetString(), "YC-0001");
  EXPECT_STREQ(ticket["title"].GetString(), "小区路灯不亮");
  EXPECT_TRUE(ticket["verified"].GetBool());
}

TEST_F(ExchangeLinkProcessTest, ForgedSignatureIsRefused401WithTheReason) {
  CountyCaller forger(exchange_.port, support::SigningKey{"yucheng-county", "wrong-secret",
                                                          support::HmacAlgorithm::Sha256});
  SignedReply reply = forger.post(kTickets, escalationJson("YC-0002"));
  EXPECT_EQ(reply.status, 401);
  rapidjson::Document doc = parseJson(reply.body);
  EXPECT_EQ(doc["code"].GetInt(), 401);
  EXPECT_TRUE(doc["data"].IsNull());
  EXPECT_NE(std::string(doc["message"].GetString()).find("X-Signature: does not match"),
            std::string::npos)
      << reply.body;
  EXPECT_EQ(stat(exchange_.port, "refused_signature"), 1u);
  EXPECT_EQ(stat(exchange_.port, "tickets"), 0u);
}

TEST_F(ExchangeLinkProcessTest, ReplayedNonceIsRefused) {
  CountyCaller county(exchange_.port);
  const std::string body = escalationJson("YC-0003");
  auto headers = support::signRequest(countyKey(), "POST", kTickets, body);
  ASSERT_TRUE(headers.isOk());
  EXPECT_EQ(county.send("POST", kTickets, body, *headers, "esc-3").status, 200);
  SignedReply replay = county.send("POST", kTickets, body, *headers, "esc-3");
  EXPECT_EQ(replay.status, 401);
  EXPECT_NE(replay.body.find("already used"), std::string::npos) << replay.body;
}

TEST_F(ExchangeLinkProcessTest, StaleTimestampIsRefused) {
  CountyCaller county(exchange_.port);
  const std::string body = escalationJson("YC-0004");
  auto headers = support::signRequest(countyKey(), "POST", kTickets, body,
                                      support::systemMillis() - 400'000, "stale-nonce-0004");
  ASSERT_TRUE(headers.isOk());
  SignedReply reply = county.send("POST", kTickets, body, *headers, "");
  EXPECT_EQ(reply.status, 401);
  EXPECT_NE(reply.body.find("X-Timestamp"), std::string::npos) << reply.body;
}

TEST_F(ExchangeLinkProcessTest, DuplicatesGetTheFirstNumberAgain) {
  CountyCaller county(exchange_.port);
  const std::string first =
      dataString(county.post(kTickets, escalationJson("YC-0005"), "k5"), "number");
  // The same Idempotency-Key (a retry), then the same county number under a new key.
  EXPECT_EQ(dataString(county.post(kTickets, escalationJson("YC-0005"), "k5"), "number"), first);
  EXPECT_EQ(dataString(county.post(kTickets, escalationJson("YC-0005"), "k5b"), "number"), first);
  const std::string other =
      dataString(county.post(kTickets, escalationJson("YC-0006"), "k6"), "number");
  EXPECT_NE(other, first);
  EXPECT_EQ(stat(exchange_.port, "tickets"), 2u);
}

TEST_F(ExchangeLinkProcessTest, ActionsAreJudgedForDuplicatesAndOrder) {
  CountyCaller county(exchange_.port);
  const std::string number = dataString(county.post(kTickets, escalationJson("YC-0007")), "number");
  const int64_t t0 = support::systemMillis();
  // By our number, then by the county's own number (both name the ticket).
  SignedReply urged = county.post("/exchange/v1/tickets/" + number + "/actions",
                                  countyEventJson("EV-1", "YC-0007", EventType::Urged, t0));
  ASSERT_EQ(urged.status, 200) << urged.body;
  EXPECT_TRUE(county.verify(urged).isOk());
  EXPECT_EQ(dataString(urged, "ticket_id"), number);
  SignedReply earlier =
      county.post("/exchange/v1/tickets/YC-0007/actions",
                  countyEventJson("EV-2", "YC-0007", EventType::Comment, t0 - 5000));
  ASSERT_EQ(earlier.status, 200) << earlier.body;
  SignedReply again = county.post("/exchange/v1/tickets/YC-0007/actions",
                                  countyEventJson("EV-1", "YC-0007", EventType::Urged, t0));
  ASSERT_EQ(again.status, 200) << again.body;

  rapidjson::Document actions = parseJson(control(exchange_.port, "GET", "/sim/actions").body);
  const auto& list = actions["data"]["tickets"][number.c_str()];
  ASSERT_EQ(list.Size(), 3u);
  EXPECT_STREQ(list[0]["event_id"].GetString(), "EV-1");
  EXPECT_TRUE(list[1]["out_of_order"].GetBool());
  EXPECT_TRUE(list[2]["duplicate"].GetBool());
  EXPECT_EQ(stat(exchange_.port, "actions"), 3u);
  EXPECT_EQ(stat(exchange_.port, "duplicates"), 1u);
  EXPECT_EQ(stat(exchange_.port, "order_violations"), 1u);
}

TEST_F(ExchangeLinkProcessTest, UnknownNumberIs404AndAMalformedBodyIs400NamingTheField) {
  CountyCaller county(exchange_.port);
  SignedReply unknown = county.post("/exchange/v1/tickets/NOPE-1/actions",
                                    countyEventJson("EV-9", "NOPE-1", EventType::Urged, 0));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(county.verify(unknown).isOk()) << "refusals to a verified call are signed too";
  EXPECT_NE(unknown.body.find("NOPE-1"), std::string::npos);

  const std::string number = dataString(county.post(kTickets, escalationJson("YC-0008")), "number");
  SignedReply bad =
      county.post("/exchange/v1/tickets/" + number + "/actions",
                  R"({"event_id":"EV-10","type":"urged","at":"2026-11-28T10:00:00+08:00"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("/ticket"), std::string::npos) << bad.body;

  SignedReply with_id = county.post(kTickets, R"({"id":"01X","channel":"phone"})");
  EXPECT_EQ(with_id.status, 400);
  EXPECT_NE(with_id.body.find("id: must be absent"), std::string::npos) << with_id.body;

  SignedReply without_ref =
      county.post(kTickets, R"({"channel":"phone","content":"无单号","status":"escalated"})");
  EXPECT_EQ(without_ref.status, 400);
  EXPECT_NE(without_ref.body.find("refs:"), std::string::npos) << without_ref.body;
}

TEST_F(ExchangeLinkProcessTest, KnowledgeArticleIsAccepted) {
  CountyCaller county(exchange_.port);
  SignedReply reply = county.post("/exchange/v1/knowledge",
                                  R"({"id":"KB-1","title":"路灯报修","content":"拨打12345"})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(dataString(reply, "id"), "KB-1");
  EXPECT_EQ(stat(exchange_.port, "knowledge"), 1u);
}

TEST_F(ExchangeLinkProcessTest, DownAnswers503UntilItIsUpAgain) {
  CountyCaller county(exchange_.port);
  ASSERT_EQ(control(exchange_.port, "POST", "/sim/down", R"({"down":true})").status, 200);
  SignedReply down = county.post(kTickets, escalationJson("YC-0009"), "k9");
  EXPECT_EQ(down.status, 503);
  EXPECT_EQ(parseJson(down.body)["code"].GetInt(), 503);
  EXPECT_EQ(stat(exchange_.port, "tickets"), 0u) << "nothing is taken while down";

  ASSERT_EQ(control(exchange_.port, "POST", "/sim/down", R"({"down":true,"for_ms":300})").status,
            200);
  EXPECT_EQ(county.post(kTickets, escalationJson("YC-0009"), "k9").status, 503);
  EXPECT_TRUE(
      waitFor([&] { return county.post(kTickets, escalationJson("YC-0009"), "k9").status == 200; },
              std::chrono::seconds(10)));
  EXPECT_EQ(stat(exchange_.port, "tickets"), 1u);
}

} // namespace
} // namespace hotline::sim::testing
