// `hotline-sim exchange` sending actions back to the county: behaviour steps pushed to a
// county gateway stub (signed, in order, retried through 5xx), the pull-mode feed paged by
// its cursor, and tickets sent down (下派).

#include <gtest/gtest.h>

#include "hotline/support/request_signing.h"
#include "tests/unit/simulators/exchange_payloads.h"
#include "tests/unit/simulators/exchange_test_peers.h"

namespace hotline::sim::testing {
namespace {

constexpr const char* kTickets = "/exchange/v1/tickets";
constexpr const char* kFourSteps =
    R"({"steps":[{"action":"signed","after_ms":100},)"
    R"({"action":"progress","after_ms":50,"data":{"progress":"已转交市住建局"}},)"
    R"({"action":"result_submitted","after_ms":50,"data":{"result":"已处理"}},)"
    R"({"action":"closed","after_ms":50}]})";

std::vector<std::string> pushArgs(const CountyGatewayStub& stub) {
  return {"--gateway",   stub.baseUrl(),
          "--own-key",   countyKeySpec(),
          "--behaviour", hotline::testing::writeTempFile("behaviour.json", kFourSteps)};
}

uint64_t stat(int port, const char* name) {
  rapidjson::Document doc = parseJson(control(port, "GET", "/sim/stats").body);
  return doc.IsObject() ? doc["data"][name].GetUint64() : ~0ull;
}

TEST(ExchangeDeliveryProcessTest, BehaviourStepsArriveSignedAndInOrder) {
  CountyGatewayStub stub;
  RunningExchange exchange = startExchange(pushArgs(stub));
  ASSERT_GT(exchange.port, 0);
  CountyCaller county(exchange.port);
  ASSERT_EQ(county.post(kTickets, escalationJson("YC-0100"), "k100").status, 200);

  ASSERT_TRUE(waitFor([&] { return stub.received().size() >= 4; }, std::chrono::seconds(10)))
      << "received " << stub.received().size() << "; stderr:\n"
      << exchange.process->errorOutput();
  const auto received = stub.received();
  ASSERT_EQ(received.size(), 4u);
  const std::vector<std::string> expected_types{"signed", "progress", "result_submitted", "closed"};
  std::string previous_at;
  for (size_t i = 0; i < received.size(); ++i) {
    SCOPED_TRACE("action " + std::to_string(i));
    EXPECT_EQ(received[i].verify_error, "");
    EXPECT_EQ(received[i].target, "/connectors/city-exchange/exchange/v1/tickets/YC-0100/actions");
    rapidjson::Document event = parseJson(received[i].body);
    EXPECT_EQ(event["type"].GetString(), expected_types[i]);
    EXPECT_STREQ(event["ticket"]["system"].GetString(), kCountySystem);
    EXPECT_STREQ(event["ticket"]["number"].GetString(), "YC-0100");
    EXPECT_STREQ(event["actor"]["role"].GetString(), "city");
    EXPECT_STREQ(event["source"].GetString(), "shangqiu-12345");
    EXPECT_EQ(received[i].idempotency_key, event["event_id"].GetString());
    const std::string at = event["at"].GetString();
    EXPECT_TRUE(at.ends_with("+08:00")) << at;
    EXPECT_GE(at, previous_at) << "same offset, so the text orders like the instant";
    previous_at = at;
  }
  EXPECT_STREQ(parseJson(received[1].body)["data"]["progress"].GetString(), "已转交市住建局");
  EXPECT_TRUE(waitFor([&] { return stat(exchange.port, "sent") == 4; }, std::chrono::seconds(5)));
  EXPECT_EQ(stat(exchange.port, "send_failures"), 0u);
}

TEST(ExchangeDeliveryProcessTest, PushRetriesThrough5xxWithTheSameEventAndLosesNothing) {
  CountyGatewayStub stub;
  RunningExchange exchange =
      startExchange({"--gateway", stub.baseUrl(), "--own-key", countyKeySpec()});
  ASSERT_GT(exchange.port, 0);
  CountyCaller county(exchange.port);
  ASSERT_EQ(county.post(kTickets, escalationJson("YC-0200")).status, 200);
  stub.failNext(2, 503);
  SignedReply act =
      control(exchange.port, "POST", "/sim/act", R"({"number":"YC-0200","type":"signed"})");
  ASSERT_EQ(act.status, 200) << act.body;
  ASSERT_EQ(control(exchange.port, "POST", "/sim/act",
                    R"({"number":"YC-0200","type":"progress","data":{"progress":"现场查看"}})")
                .status,
            200);

  ASSERT_TRUE(waitFor([&] { return stat(exchange.port, "sent") == 2; }, std::chrono::seconds(10)))
      << exchange.process->errorOutput();
  const auto received = stub.received();
  ASSERT_EQ(received.size(), 4u) << "two refused attempts, then both actions";
  EXPECT_EQ(received[0].body, received[1].body);
  EXPECT_EQ(received[1].body, received[2].body) << "the same action until it is taken";
  EXPECT_STREQ(parseJson(received[2].body)["type"].GetString(), "signed");
  EXPECT_STREQ(parseJson(received[3].body)["type"].GetString(), "progress");
  EXPECT_EQ(stat(exchange.port, "send_failures"), 2u);
}

TEST(ExchangeDeliveryProcessTest, PullModeFeedPagesBySince) {
  RunningExchange exchange =
      startExchange({"--behaviour", hotline::testing::writeTempFile("behaviour.json", kFourSteps)});
  ASSERT_GT(exchange.port, 0);
  CountyCaller county(exchange.port);
  ASSERT_EQ(county.post(kTickets, escalationJson("YC-0300")).status, 200);
  ASSERT_TRUE(
      waitFor([&] { return stat(exchange.port, "feed_items") == 4; }, std::chrono::seconds(10)));

  SignedReply first = county.get("/exchange/v1/actions?since=0&limit=3");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(county.verify(first).isOk()) << "the query is inside the signed target";
  rapidjson::Document page = parseJson(first.body);
  ASSERT_EQ(page["data"]["items"].Size(), 3u);
  EXPECT_EQ(page["data"]["items"][0]["seq"].GetUint64(), 1u);
  EXPECT_STREQ(page["data"]["items"][0]["kind"].GetString(), "event");
  EXPECT_STREQ(page["data"]["items"][0]["body"]["type"].GetString(), "signed");
  const std::string next = page["data"]["next"].GetString();
  EXPECT_EQ(next, "3");

  rapidjson::Document rest = parseJson(county.get("/exchange/v1/actions?since=" + next).body);
  ASSERT_EQ(rest["data"]["items"].Size(), 1u);
  EXPECT_STREQ(rest["data"]["items"][0]["body"]["type"].GetString(), "closed");
  rapidjson::Document none = parseJson(county.get("/exchange/v1/actions?since=4&limit=10").body);
  EXPECT_EQ(none["data"]["items"].Size(), 0u);
  EXPECT_STREQ(none["data"]["next"].GetString(), "4");

  EXPECT_EQ(county.get("/exchange/v1/actions?since=x").status, 400);
}

TEST(ExchangeDeliveryProcessTest, DispatchSendsATicketDownAndActionsUseTheCountysNumber) {
  CountyGatewayStub stub;
  RunningExchange exchange = startExchange({"--gateway", stub.baseUrl(), "--own-key",
                                            countyKeySpec(), "--county-system", kCountySystem});
  ASSERT_GT(exchange.port, 0);
  SignedReply dispatched =
      control(exchange.port, "POST", "/sim/dispatch",
              R"({"channel":"city","content":"市级交办：道路积水","status":"accepted"})");
  ASSERT_EQ(dispatched.status, 200) << dispatched.body;
  rapidjson::Document doc = parseJson(dispatched.body);
  EXPECT_STREQ(doc["data"]["county_number"].GetString(), "YC-DOWN-0001");
  const std::string number = doc["data"]["number"].GetString();

  auto received = stub.received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].verify_error, "");
  EXPECT_EQ(received[0].target, "/connectors/city-exchange/exchange/v1/tickets");
  rapidjson::Document ticket = parseJson(received[0].body);
  EXPECT_FALSE(ticket.HasMember("id"));
  EXPECT_EQ(std::string(ticket["refs"][0]["number"].GetString()), number);

  ASSERT_EQ(
      control(exchange.port, "POST", "/sim/act", R"({"number":")" + number + R"(","type":"urged"})")
          .status,
      200);
  ASSERT_TRUE(waitFor([&] { return stub.received().size() == 2; }, std::chrono::seconds(10)));
  EXPECT_EQ(stub.received()[1].target,
            "/connectors/city-exchange/exchange/v1/tickets/YC-DOWN-0001/actions");
}

TEST(ExchangeDeliveryProcessTest, ControlRefusalsNameTheProblem) {
  RunningExchange exchange = startExchange();
  ASSERT_GT(exchange.port, 0);
  SignedReply unknown =
      control(exchange.port, "POST", "/sim/act", R"({"number":"NOPE","type":"signed"})");
  EXPECT_EQ(unknown.status, 404);
  SignedReply bad_type =
      control(exchange.port, "POST", "/sim/act", R"({"number":"NOPE","type":"sign"})");
  EXPECT_EQ(bad_type.status, 400);
  EXPECT_NE(bad_type.body.find("type:"), std::string::npos) << bad_type.body;
  SignedReply bad_script =
      control(exchange.port, "POST", "/sim/behaviour", R"({"steps":[{"action":"x"}]})");
  EXPECT_EQ(bad_script.status, 400);
  EXPECT_NE(bad_script.body.find("steps[0].action"), std::string::npos) << bad_script.body;
  EXPECT_EQ(control(exchange.port, "POST", "/sim/down", R"({"down":"yes"})").status, 400);
}

} // namespace
} // namespace hotline::sim::testing
