// `hotline-sim department` sending callbacks to a fake gateway connector: behaviour scripts,
// /sim/act, the XML variant, pull mode, and a clean stop with steps still pending.

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <csignal>
#include <regex>
#include <set>

#include "tests/support/child_process.h"
#include "tests/unit/simulators/department_test_peer.h"
#include "tests/unit/simulators/sim_client.h"

namespace hotline::sim::testing {
namespace {

constexpr std::chrono::seconds kCallbackWait{10};

rapidjson::Document parsed(const std::string& json) {
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  EXPECT_TRUE(doc.IsObject()) << json;
  return doc;
}

bool hasCallbacks(const FakeGateway& gateway, size_t count) {
  return gateway.callbacks().size() >= count;
}

TEST(DepartmentSimulatorCallbacks, BehaviourStepsArriveSignedAndInOrder) {
  FakeGateway gateway;
  RunningDepartment department =
      startDepartment({"--gateway", gateway.url(), "--unit-code", "CGJ", "--handler", "李四"});
  SimClient sim(department.port);
  ASSERT_EQ(sim.post("/sim/behaviour",
                     R"({"steps":[{"action":"sign","after_ms":20},
                                  {"action":"progress","after_ms":5,"content":"已派人勘查"},
                                  {"action":"extension","after_ms":5,"days":3,"reason":"需协调供电公司"},
                                  {"action":"result","after_ms":5,"content":"已修复"}]})")
                .status,
            200);
  ASSERT_EQ(pushTask(department.port, push(jsonTicket("YC2404100001"))).status, 200);
  ASSERT_TRUE(waitFor([&] { return hasCallbacks(gateway, 4); }, kCallbackWait))
      << "callbacks: " << gateway.callbacks().size() << "\n"
      << SimClient(department.port).get("/sim/callbacks").body;

  const std::vector<ReceivedCallback> callbacks = gateway.callbacks();
  ASSERT_EQ(callbacks.size(), 4u);
  const std::vector<std::string> codes{"01", "02", "04", "03"};
  const std::regex department_time(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)");
  std::set<std::string> msg_ids;
  for (size_t i = 0; i < callbacks.size(); ++i) {
    EXPECT_TRUE(callbacks[i].verified) << i;
    EXPECT_EQ(callbacks[i].target, "/connectors/dept-cgj/dept/v1/callbacks");
    EXPECT_EQ(callbacks[i].content_type, "application/json");
    rapidjson::Document body = parsed(callbacks[i].body);
    EXPECT_EQ(body["actionCode"].GetString(), codes[i]) << callbacks[i].body;
    EXPECT_STREQ(body["ticketNo"].GetString(), "YC2404100001");
    EXPECT_STREQ(body["deptCaseNo"].GetString(), "CGJ-2026-000001");
    EXPECT_STREQ(body["unitCode"].GetString(), "CGJ");
    EXPECT_STREQ(body["handler"].GetString(), "李四");
    EXPECT_TRUE(std::regex_match(std::string(body["actionTime"].GetString()), department_time));
    msg_ids.insert(body["msgId"].GetString());
  }
  EXPECT_EQ(msg_ids.size(), 4u); // unique per callback
  rapidjson::Document extension = parsed(callbacks[2].body);
  EXPECT_STREQ(extension["content"].GetString(), "需协调供电公司");
  EXPECT_EQ(extension["applyDays"].GetInt(), 3);
  EXPECT_STREQ(parsed(callbacks[3].body)["content"].GetString(), "已修复");

  // The simulator verified every signed reply of the gateway.
  ASSERT_TRUE(waitFor([&] { return sim.stats()["callbacks_sent"] == 4; }, kCallbackWait));
  rapidjson::Document sent = sim.get("/sim/callbacks").json();
  for (const rapidjson::Value& callback : sent["callbacks"].GetArray()) {
    EXPECT_EQ(callback["status"].GetInt(), 200);
    EXPECT_TRUE(callback["reply_verified"].GetBool());
  }
  EXPECT_EQ(sim.stats()["callbacks_failed"], 0u);
}

TEST(DepartmentSimulatorCallbacks, XmlVariantFromABehaviourFile) {
  FakeGateway gateway;
  const std::string script = hotline::testing::writeTempFile(
      "return.json", R"({"steps":[{"action":"return","after_ms":1,"reason":"不属于本单位职责"}]})");
  RunningDepartment department = startDepartment(
      {"--gateway", gateway.url(), "--format", "xml", "--unit-code", "ZJJ", "--behaviour", script});
  const std::string body =
      R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:d="urn:yucheng:zjj:ticket:v1">)"
      R"(<s:Body><d:PushTicket><d:Ticket><d:TicketNo>YC2404110002</d:TicketNo></d:Ticket>)"
      R"(</d:PushTicket></s:Body></s:Envelope>)";
  ASSERT_EQ(pushTask(department.port, push(body).typed("text/xml")).status, 200);
  ASSERT_TRUE(waitFor([&] { return hasCallbacks(gateway, 1); }, kCallbackWait));
  const ReceivedCallback callback = gateway.callbacks()[0];
  EXPECT_TRUE(callback.verified);
  EXPECT_TRUE(callback.content_type.starts_with("text/xml")) << callback.content_type;
  for (const char* part : {"<d:ReportAction><d:Action>", "<d:TicketNo>YC2404110002</d:TicketNo>",
                           "<d:Code>05</d:Code>", "<d:UnitCode>ZJJ</d:UnitCode>",
                           "<d:Content><![CDATA[不属于本单位职责]]></d:Content>"}) {
    EXPECT_NE(callback.body.find(part), std::string::npos) << part << " in " << callback.body;
  }
}

TEST(DepartmentSimulatorCallbacks, ACallbackTheGatewayDidNotTakeIsSentAgainWithTheSameMsgId) {
  FakeGateway gateway;
  RunningDepartment department =
      startDepartment({"--gateway", gateway.url(), "--callback-retry-ms", "5"});
  SimClient sim(department.port);
  gateway.failNextCallbacks(2, 503);
  rapidjson::Document answer =
      sim.post("/sim/act", R"({"ticket_no":"YC7","action":"sign"})").json();
  EXPECT_EQ(answer["data"]["status"].GetInt(), 200);
  EXPECT_EQ(answer["data"]["attempts"].GetInt(), 3);
  const std::vector<ReceivedCallback> sends = gateway.callbacks();
  ASSERT_EQ(sends.size(), 3u);
  for (const ReceivedCallback& send : sends) {
    EXPECT_TRUE(send.verified); // signed afresh each time
    EXPECT_EQ(parsed(send.body)["msgId"], parsed(sends[0].body)["msgId"]);
  }
  EXPECT_EQ(sim.stats()["callbacks_failed"], 0u);

  // A refusal (4xx) is not sent again; a gateway that stays down is, until the retries end.
  gateway.setCallbackStatus(409);
  answer = sim.post("/sim/act", R"({"ticket_no":"YC7","action":"progress"})").json();
  EXPECT_EQ(answer["data"]["status"].GetInt(), 409);
  EXPECT_EQ(answer["data"]["attempts"].GetInt(), 1);
  gateway.failNextCallbacks(10, 502);
  answer = sim.post("/sim/act", R"({"ticket_no":"YC7","action":"result"})").json();
  EXPECT_EQ(answer["data"]["status"].GetInt(), 502);
  EXPECT_EQ(answer["data"]["attempts"].GetInt(), 4); // the first send and 3 retries (default)
  EXPECT_EQ(gateway.callbacks().size(), 3u + 1u + 4u);
  EXPECT_EQ(sim.stats()["callbacks_failed"], 2u);
}

TEST(DepartmentSimulatorCallbacks, RetryOptionsOutOfRangeAreRefusedNamingTheFlag) {
  for (const std::vector<std::string>& flags :
       {std::vector<std::string>{"--callback-retries", "11"},
        std::vector<std::string>{"--callback-retry-ms", "-1"}}) {
    std::vector<std::string> args{"department", "--port",  "0",      "--app-key", "yc-cgj",
                                  "--secret",   "s3cret!", flags[0], flags[1]};
    hotline::testing::CommandResult run =
        hotline::testing::runCommand(HOTLINE_BINARY_DIR "/bin/hotline-sim", args);
    EXPECT_NE(run.exit_code, 0) << flags[0];
    EXPECT_NE(run.err.find(flags[0]), std::string::npos) << run.err;
  }
}

TEST(DepartmentSimulatorCallbacks, ActSendsNowAndAnswersTheGatewaysReply) {
  FakeGateway gateway;
  RunningDepartment department = startDepartment({"--gateway", gateway.url()});
  SimClient sim(department.port);
  Reply act = sim.post("/sim/act", R"({"ticket_no":"YC9","action":"progress","content":"在办"})");
  ASSERT_EQ(act.status, 200) << act.body;
  rapidjson::Document answer = act.json();
  EXPECT_EQ(answer["data"]["status"].GetInt(), 200);
  EXPECT_TRUE(answer["data"]["reply_verified"].GetBool());
  EXPECT_STREQ(answer["data"]["reply"]["data"]["status"].GetString(), "signed");
  ASSERT_EQ(gateway.callbacks().size(), 1u); // sent before /sim/act answered
  EXPECT_STREQ(parsed(gateway.callbacks()[0].body)["content"].GetString(), "在办");

  gateway.setCallbackStatus(409);
  act = sim.post("/sim/act", R"({"ticket_no":"YC9","action":"sign","msg_id":"CB-fixed"})");
  answer = act.json();
  EXPECT_EQ(answer["data"]["status"].GetInt(), 409);
  EXPECT_EQ(answer["data"]["reply"]["code"].GetInt(), 409);
  EXPECT_STREQ(answer["data"]["msg_id"].GetString(), "CB-fixed");
  EXPECT_EQ(sim.stats()["callbacks_failed"], 1u);

  EXPECT_EQ(sim.post("/sim/act", R"({"action":"sign"})").status, 400);
  Reply bad = sim.post("/sim/act", R"({"ticket_no":"YC9","action":"close"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("action: required"), std::string::npos) << bad.body;
}

TEST(DepartmentSimulatorCallbacks, CallbackWithoutGatewayIsRecordedAsFailed) {
  RunningDepartment department = startDepartment();
  SimClient sim(department.port);
  rapidjson::Document answer =
      sim.post("/sim/act", R"({"ticket_no":"YC9","action":"sign"})").json();
  EXPECT_EQ(answer["data"]["status"].GetInt(), 0);
  EXPECT_NE(std::string(answer["data"]["error"].GetString()).find("no --gateway"),
            std::string::npos);
  EXPECT_EQ(sim.stats()["callbacks_failed"], 1u);
}

TEST(DepartmentSimulatorCallbacks, PullModeTreatsPulledTicketsAsPushed) {
  FakeGateway gateway;
  gateway.setPullTasks(R"({"seq":1,"ticket_id":"T-9","kind":"ticket",)"
                       R"("content_type":"application/json","body":)" +
                       std::string(R"("{\"code\":\"0\",\"data\":{\"gdbh\":\"YC2404120015\"}}",)") +
                       R"("at":"2026-11-28T10:00:00+08:00"})");
  RunningDepartment department =
      startDepartment({"--gateway", gateway.url(), "--pull-interval-ms", "20"});
  SimClient sim(department.port);
  ASSERT_TRUE(waitFor([&] { return sim.stats()["received"] == 1; }, kCallbackWait));
  ASSERT_TRUE(waitFor([&] { return gateway.pulls() >= 3; }, kCallbackWait));
  rapidjson::Document tasks = sim.get("/sim/tasks").json();
  ASSERT_EQ(tasks["tasks"].Size(), 1u); // the cursor moved on: pulled once
  EXPECT_STREQ(tasks["tasks"][0]["hotline_number"].GetString(), "YC2404120015");
  EXPECT_STREQ(tasks["tasks"][0]["source"].GetString(), "pull");
  EXPECT_EQ(sim.stats()["pull_failures"], 0u);
}

TEST(DepartmentSimulatorCallbacks, PulledTicketRunsTheBehaviour) {
  FakeGateway gateway;
  const std::string script =
      hotline::testing::writeTempFile("sign.json", R"({"steps":[{"action":"sign"}]})");
  gateway.setPullTasks(
      R"({"seq":1,"ticket_id":"T-9","kind":"ticket","content_type":"application/json",)"
      R"("body":"{\"data\":{\"gdbh\":\"YC2404120015\"}}"})");
  RunningDepartment department = startDepartment(
      {"--gateway", gateway.url(), "--pull-interval-ms", "20", "--behaviour", script});
  ASSERT_TRUE(waitFor([&] { return hasCallbacks(gateway, 1); }, kCallbackWait));
  rapidjson::Document sign = parsed(gateway.callbacks()[0].body);
  EXPECT_STREQ(sign["ticketNo"].GetString(), "YC2404120015");
  EXPECT_STREQ(sign["actionCode"].GetString(), "01");
  EXPECT_TRUE(gateway.callbacks()[0].verified);
}

TEST(DepartmentSimulatorCallbacks, SigtermStopsCleanlyWithStepsPending) {
  FakeGateway gateway;
  RunningDepartment department = startDepartment({"--gateway", gateway.url()});
  SimClient sim(department.port);
  ASSERT_EQ(sim.post("/sim/behaviour", R"({"steps":[{"action":"sign","after_ms":600000}]})").status,
            200);
  ASSERT_EQ(pushTask(department.port, push(jsonTicket("YC1"))).status, 200);
  auto exit_code = department.process->stop(SIGTERM, std::chrono::seconds(10));
  ASSERT_TRUE(exit_code.has_value()) << "did not stop within 10 s";
  EXPECT_EQ(*exit_code, 0) << department.process->errorOutput();
  EXPECT_TRUE(gateway.callbacks().empty());
}

TEST(DepartmentSimulatorCallbacks, BadBehaviourFileStopsTheStartWithTheField) {
  const std::string script = hotline::testing::writeTempFile(
      "bad.json", R"({"steps":[{"action":"sign"},{"action":"extension","reason":"r"}]})");
  auto result =
      hotline::testing::runCommand(HOTLINE_SIM_BIN, {"department", "--port", "0", "--app-key", "k",
                                                     "--secret", "s", "--behaviour", script});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("steps[1].days: expected an integer"), std::string::npos) << result.err;
}

} // namespace
} // namespace hotline::sim::testing
