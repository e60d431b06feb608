// `hotline-sim department` as a process, pushed to as the gateway's department connector does:
// verification, signed replies, idempotency, the XML variant, a department that is down.

#include <gtest/gtest.h>

#include "tests/unit/simulators/department_test_peer.h"
#include "tests/unit/simulators/sim_client.h"

namespace hotline::sim::testing {
namespace {

TEST(DepartmentSimulatorPush, SignedTaskGetsSignedReplyWithCaseNumber) {
  RunningDepartment department = startDepartment();
  PushReply reply =
      pushTask(department.port,
               push(jsonTicket("YC2404100001")).forTicket("T-7").withIdempotencyKey("push-T-7-1"));
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_TRUE(reply.reply_signature.isOk()) << reply.reply_signature.message();
  EXPECT_EQ(reply.body, R"({"code":0,"message":"ok","data":{"caseNo":"CGJ-2026-000001"}})");

  SimClient sim(department.port);
  rapidjson::Document tasks = sim.get("/sim/tasks").json();
  ASSERT_EQ(tasks["tasks"].Size(), 1u);
  const rapidjson::Value& task = tasks["tasks"][0];
  EXPECT_STREQ(task["ticket_id"].GetString(), "T-7");
  EXPECT_STREQ(task["hotline_number"].GetString(), "YC2404100001");
  EXPECT_STREQ(task["kind"].GetString(), "ticket");
  EXPECT_STREQ(task["idempotency_key"].GetString(), "push-T-7-1");
  EXPECT_TRUE(task["verified"].GetBool());
  EXPECT_EQ(sim.stats()["received"], 1u);
}

TEST(DepartmentSimulatorPush, ActionOnAKnownTaskAnswersItsCaseNumber) {
  RunningDepartment department = startDepartment();
  ASSERT_EQ(pushTask(department.port, push(jsonTicket("YC1")).forTicket("T-1")).status, 200);
  ASSERT_EQ(pushTask(department.port, push(jsonTicket("YC2")).forTicket("T-2")).status, 200);
  PushReply action = pushTask(
      department.port, push(R"({"type":"urged"})").to("/api/tasks/T-1/actions").forTicket("T-1"));
  ASSERT_EQ(action.status, 200) << action.body;
  EXPECT_TRUE(action.reply_signature.isOk()) << action.reply_signature.message();
  EXPECT_EQ(action.body, R"({"code":0,"message":"ok","data":{"caseNo":"CGJ-2026-000001"}})");
  rapidjson::Document tasks = SimClient(department.port).get("/sim/tasks").json();
  ASSERT_EQ(tasks["tasks"].Size(), 3u);
  EXPECT_STREQ(tasks["tasks"][2]["kind"].GetString(), "action");
  EXPECT_STREQ(tasks["tasks"][2]["hotline_number"].GetString(), "YC1");
}

TEST(DepartmentSimulatorPush, ForgedSignatureIsRefusedWith401) {
  RunningDepartment department = startDepartment();
  support::SigningKey forged = kDepartmentKey;
  forged.secret = "guessed-secret";
  PushReply reply = pushTask(department.port, push(jsonTicket("YC2404100001")).signedWith(forged));
  EXPECT_EQ(reply.status, 401);
  EXPECT_TRUE(reply.body.starts_with(R"({"code":401,"message":"X-Signature: does not match)"))
      << reply.body;
  EXPECT_TRUE(reply.body.ends_with(R"(,"data":null})")) << reply.body;
  EXPECT_EQ(reply.body.find("guessed-secret"), std::string::npos);

  SimClient sim(department.port);
  EXPECT_EQ(sim.stats()["refused_signature"], 1u);
  EXPECT_EQ(sim.stats()["received"], 0u);
  rapidjson::Document tasks = sim.get("/sim/tasks").json();
  ASSERT_EQ(tasks["tasks"].Size(), 1u);
  EXPECT_FALSE(tasks["tasks"][0]["verified"].GetBool());
}

TEST(DepartmentSimulatorPush, UnsignedTaskIsRefusedWith401NamingTheHeaders) {
  RunningDepartment department = startDepartment();
  SimClient sim(department.port);
  Reply reply = sim.post("/api/tasks", jsonTicket("YC1"));
  EXPECT_EQ(reply.status, 401);
  EXPECT_NE(reply.body.find("X-App-Key: missing"), std::string::npos) << reply.body;
}

TEST(DepartmentSimulatorPush, RepeatedIdempotencyKeyGetsTheFirstAnswer) {
  RunningDepartment department = startDepartment();
  const Push task = push(jsonTicket("YC1")).forTicket("T-1").withIdempotencyKey("k-1");
  PushReply first = pushTask(department.port, task);
  PushReply again = pushTask(department.port, task); // a retry: same key, fresh nonce
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, first.body);
  EXPECT_TRUE(again.reply_signature.isOk()) << again.reply_signature.message();
  PushReply other =
      pushTask(department.port, push(jsonTicket("YC2")).forTicket("T-2").withIdempotencyKey("k-2"));
  EXPECT_NE(other.body, first.body);

  auto stats = SimClient(department.port).stats();
  EXPECT_EQ(stats["received"], 2u);
  EXPECT_EQ(stats["duplicates"], 1u);
}

TEST(DepartmentSimulatorPush, TicketWithoutHotlineNumberIsRefusedWith400) {
  RunningDepartment department = startDepartment();
  PushReply reply = pushTask(department.port, push(R"({"code":"0","data":{"sqnr":"x"}})"));
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("/data/gdbh: missing"), std::string::npos) << reply.body;
  EXPECT_TRUE(reply.reply_signature.isOk()) << reply.reply_signature.message();
  EXPECT_EQ(SimClient(department.port).stats()["refused_payload"], 1u);
}

TEST(DepartmentSimulatorPush, XmlVariantAnswersPushTicketResponse) {
  RunningDepartment department =
      startDepartment({"--format", "xml", "--base-path", "/ws/zjj", "--case-prefix", "ZJJ-2026"});
  const std::string body =
      R"(<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/")"
      R"( xmlns:d="urn:yucheng:zjj:ticket:v1"><s:Body><d:PushTicket><d:Ticket version="2">)"
      R"(<d:TicketNo>YC2404110002</d:TicketNo><d:Content><![CDATA[楼道积水]]></d:Content>)"
      R"(</d:Ticket></d:PushTicket></s:Body></s:Envelope>)";
  PushReply reply =
      pushTask(department.port, push(body).to("/ws/zjj/tasks").typed("text/xml; charset=utf-8"));
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_TRUE(reply.reply_signature.isOk()) << reply.reply_signature.message();
  EXPECT_TRUE(reply.content_type.starts_with("text/xml")) << reply.content_type;
  EXPECT_NE(reply.body.find("<d:PushTicketResponse><d:Code>0</d:Code><d:Message>ok</d:Message>"
                            "<d:DeptNo>ZJJ-2026-000001</d:DeptNo></d:PushTicketResponse>"),
            std::string::npos)
      << reply.body;
  rapidjson::Document tasks = SimClient(department.port).get("/sim/tasks").json();
  ASSERT_EQ(tasks["tasks"].Size(), 1u);
  EXPECT_STREQ(tasks["tasks"][0]["hotline_number"].GetString(), "YC2404110002");
}

TEST(DepartmentSimulatorPush, DownAnswers503UntilBackUp) {
  RunningDepartment department = startDepartment();
  SimClient sim(department.port);
  ASSERT_EQ(sim.post("/sim/down", R"({"down":true})").status, 200);
  PushReply down = pushTask(department.port, push(jsonTicket("YC1")));
  EXPECT_EQ(down.status, 503);
  EXPECT_TRUE(down.body.starts_with(R"({"code":503,)")) << down.body;
  ASSERT_EQ(sim.post("/sim/down", R"({"down":false})").status, 200);
  EXPECT_EQ(pushTask(department.port, push(jsonTicket("YC1"))).status, 200);
  auto stats = sim.stats();
  EXPECT_EQ(stats["answered_down"], 1u);
  EXPECT_EQ(stats["received"], 1u);
  EXPECT_EQ(sim.post("/sim/down", R"({"down":"yes"})").status, 400);
}

TEST(DepartmentSimulatorPush, ResetForgetsTasksAndComesBackUp) {
  RunningDepartment department = startDepartment();
  SimClient sim(department.port);
  ASSERT_EQ(pushTask(department.port, push(jsonTicket("YC1"))).status, 200);
  ASSERT_EQ(sim.post("/sim/down", R"({"down":true})").status, 200);
  ASSERT_EQ(sim.post("/sim/reset", "").status, 200);
  EXPECT_EQ(sim.stats()["received"], 0u);
  PushReply reply = pushTask(department.port, push(jsonTicket("YC1")));
  EXPECT_EQ(reply.status, 200);
  EXPECT_NE(reply.body.find("CGJ-2026-000001"), std::string::npos) << reply.body;
}

} // namespace
} // namespace hotline::sim::testing
