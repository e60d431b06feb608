// The downlink: the core platform posts a canonical ticket naming a connector instance; the
// gateway stores it durably, maps it with the instance's outbound mapping and delivers it
// through the connector to the peer (a second simulator process standing in for a
// department system). Bad credentials, unknown targets and unmappable rows are refused or
// dead-lettered with their reason.
#include "tests/e2e/world.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace hotline::testing {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

// Canonical -> the department system's own JSON shape.
constexpr const char* kOutMapping = R"({"mapping": 1, "direction": "outbound", "kind": "ticket",
  "target": {"format": "json"},
  "fields": [
    {"to": "/task/gatewayId", "from": "/id"},
    {"to": "/task/countyNo", "from": "/refs/[system=yucheng-12345]/number",
     "transforms": ["required"]},
    {"to": "/task/subject", "from": ["/title", "/content"], "transforms": ["upper"]},
    {"to": "/task/detail", "from": "/content"}
  ]})";

class PipelineDownlink : public ::testing::Test {
protected:
  PipelineDownlink()
      : receiver_(HOTLINE_SIM_BIN, std::vector<std::string>{"sink", "--port", "0"}),
        world_(options()) {
    world_.startGateway();
  }

  WorldOptions options() {
    std::optional<std::string> address =
        receiver_.waitForLine("listening on 127.0.0.1:", std::chrono::seconds(20));
    receiver_port_ = address ? static_cast<uint16_t>(std::stoi(*address)) : 0;
    const fs::path dir = makeTempDir();
    fs::create_directories(dir / "mappings" / "dept-housing");
    std::ofstream(dir / "mappings" / "dept-housing" / "ticket.out.json") << kOutMapping;
    std::ofstream(dir / "core.token") << "core-secret\n";
    WorldOptions options;
    options.extra_sections = R"("mappings": {"dir": ")" + (dir / "mappings").string() + R"("},)";
    options.core_platform_extra =
        R"(, "outbound_token": "file:)" + (dir / "core.token").string() + R"(")";
    options.extra_connectors = R"(, {"name": "dept-housing", "type": "example",
        "units": ["411425-ZJJ"], "config":
        {"path": "/callbacks", "deliver_url": "http://127.0.0.1:)" +
                               std::to_string(receiver_port_) + R"(/dept/v1/tasks"}})";
    return options;
  }

  // What the department system received so far.
  rapidjson::Document received() {
    rapidjson::Document doc;
    doc.Parse(httpCall(receiver_port_, "GET", "/sim/requests").body.c_str());
    return doc;
  }
  size_t receivedCount() {
    rapidjson::Document doc = received();
    return doc.IsObject() && doc.HasMember("requests") ? doc["requests"].Size() : 0;
  }

  HttpReply postDownlink(const std::string& body, const std::string& targets,
                         const std::string& token = "core-secret") {
    return httpCall(world_.gatewayPort(), "POST", "/v1/outbound/tickets", body,
                    {{"Authorization", "Bearer " + token},
                     {"X-Hotline-Targets", targets},
                     {"Idempotency-Key", "core-msg-" + std::to_string(++sent_)},
                     {"Content-Type", "application/json"}});
  }

  ChildProcess receiver_;
  uint16_t receiver_port_ = 0;
  World world_;
  int sent_ = 0;
};

const std::string kAssigned = R"({"refs":[{"system":"yucheng-12345","number":"YC-0007"}],)"
                              R"("channel":"phone","content":"lift broken in block 3",)"
                              R"("status":"submitted"})";

TEST_F(PipelineDownlink, ATicketNamedForAConnectorIsMappedAndDeliveredThroughIt) {
  HttpReply reply = postDownlink(kAssigned, "dept-housing");
  ASSERT_EQ(reply.status, 201) << reply.body;
  const std::string id = ticketIdOf(reply.body);
  ASSERT_FALSE(id.empty());
  ASSERT_TRUE(waitFor([&] { return receivedCount() >= 1; }, std::chrono::seconds(20)))
      << world_.gatewayLog();
  rapidjson::Document doc = received();
  const rapidjson::Value& request = doc["requests"][0];
  EXPECT_STREQ(request["method"].GetString(), "POST");
  EXPECT_STREQ(request["target"].GetString(), "/dept/v1/tasks");
  EXPECT_STREQ(request["headers"]["X-Hotline-Ticket"].GetString(), id.c_str());
  EXPECT_STREQ(request["headers"]["Content-Type"].GetString(), "application/json");
  EXPECT_THAT(request["headers"]["Idempotency-Key"].GetString(), ::testing::StartsWith("hl-"));
  // The instance's outbound mapping made the department's shape of the ticket.
  EXPECT_EQ(std::string(request["body"].GetString()),
            R"({"task":{"gatewayId":")" + id +
                R"(","countyNo":"YC-0007","subject":"LIFT BROKEN IN BLOCK 3",)"
                R"("detail":"lift broken in block 3"}})");
  // The core platform itself is not sent its own downlink message.
  EXPECT_EQ(world_.simStats().received, 0);
}

TEST_F(PipelineDownlink, ADepartmentSystemThatIsDownGetsTheSameMessageUnderTheSameKeyLater) {
  ASSERT_EQ(httpCall(receiver_port_, "POST", "/sim/answer", R"({"status":503})").status, 200);
  HttpReply reply = postDownlink(kAssigned, "dept-housing");
  ASSERT_EQ(reply.status, 201) << reply.body;
  ASSERT_TRUE(waitFor([&] { return receivedCount() >= 2; }, std::chrono::seconds(20)))
      << world_.gatewayLog();
  ASSERT_EQ(httpCall(receiver_port_, "POST", "/sim/answer", R"({"status":200})").status, 200);
  ASSERT_TRUE(waitFor(
      [&] {
        return world_.admin("GET", "/admin/v1/outbox?state=delivered").body.find("dept-housing") !=
               std::string::npos;
      },
      std::chrono::seconds(20)))
      << world_.gatewayLog();
  rapidjson::Document doc = received();
  const size_t attempts = doc["requests"].Size();
  ASSERT_GE(attempts, 3u);
  const std::string key = doc["requests"][0]["headers"]["Idempotency-Key"].GetString();
  for (size_t i = 0; i < attempts; ++i) {
    EXPECT_EQ(doc["requests"][static_cast<rapidjson::SizeType>(i)]["headers"]["Idempotency-Key"]
                  .GetString(),
              key);
  }
}

TEST_F(PipelineDownlink, WithoutNamedTargetsATicketGoesToTheInstancesOfItsUnits) {
  // Lead unit served by dept-housing; the co-handling unit by nobody.
  const std::string assigned =
      R"({"refs":[{"system":"yucheng-12345","number":"YC-0008"}],"channel":"phone",)"
      R"("content":"flooded basement","status":"assigned","assignments":[{"seq":1,)"
      R"("lead_unit":{"code":"411425-ZJJ"},"co_units":[{"code":"411425-NOBODY"}]}]})";
  HttpReply reply = postDownlink(assigned, "");
  ASSERT_EQ(reply.status, 201) << reply.body;
  ASSERT_TRUE(waitFor([&] { return receivedCount() >= 1; }, std::chrono::seconds(20)))
      << world_.gatewayLog();
  // The unit nobody serves is a dead letter naming it, not a silent drop.
  ASSERT_TRUE(waitFor(
      [&] {
        return world_.admin("GET", "/admin/v1/dlq").body.find("411425-NOBODY") != std::string::npos;
      },
      std::chrono::seconds(20)))
      << world_.admin("GET", "/admin/v1/dlq").body;
  EXPECT_THAT(world_.admin("GET", "/admin/v1/dlq").body, HasSubstr("unrouted"));
  // An event that names no units goes to the instance holding the ticket: dept-housing, not
  // the core platform that sent it, and not again to `unrouted`.
  HttpReply urge = httpCall(world_.gatewayPort(), "POST", "/v1/outbound/events",
                            R"({"ticket":{"id":")" + ticketIdOf(reply.body) +
                                R"("},"type":"urged","at":"2026-11-28T11:00:00+08:00"})",
                            {{"Authorization", "Bearer core-secret"}, {"Idempotency-Key", "u-1"}});
  EXPECT_EQ(urge.status, 201) << urge.body;
  ASSERT_TRUE(waitFor([&] { return receivedCount() >= 2; }, std::chrono::seconds(20)))
      << world_.gatewayLog();
  rapidjson::Document doc = received();
  EXPECT_THAT(doc["requests"][1]["body"].GetString(), HasSubstr("\"type\":\"urged\""));
  HttpReply outbox = world_.admin("GET", "/admin/v1/tickets/" + ticketIdOf(reply.body) + "/trace");
  EXPECT_EQ(outbox.body.find("\"target\":\"core\""), std::string::npos) << outbox.body;
}

TEST_F(PipelineDownlink, EscalationsAndKnowledgeWithNobodyToTakeThemAreRefused) {
  // This world has no instance with "escalations" or "sync": nothing is stored, and the
  // answer says which key to set.
  const std::string escalated = R"({"refs":[{"system":"yucheng-12345","number":"YC-0009"}],)"
                                R"("channel":"phone","content":"cross-county river pollution",)"
                                R"("status":"escalated"})";
  HttpReply escalation = postDownlink(escalated, "");
  EXPECT_EQ(escalation.status, 400) << escalation.body;
  EXPECT_THAT(escalation.body, HasSubstr("escalations"));
  HttpReply article =
      httpCall(world_.gatewayPort(), "POST", "/v1/outbound/knowledge",
               R"({"id":"KB-1","title":"heating fees","content":"per m2"})",
               {{"Authorization", "Bearer core-secret"}, {"Idempotency-Key", "k-1"}});
  EXPECT_EQ(article.status, 400) << article.body;
  EXPECT_THAT(article.body, HasSubstr("no peer platform to share it with"));
  EXPECT_EQ(world_.admin("GET", "/admin/v1/outbox?state=pending").body.find("YC-0009"),
            std::string::npos);
}

TEST_F(PipelineDownlink, BadCredentialsAndUnknownTargetsAreRefused) {
  HttpReply forged = postDownlink(kAssigned, "dept-housing", "guess");
  EXPECT_EQ(forged.status, 401);
  EXPECT_THAT(forged.body, HasSubstr("outbound_token"));
  HttpReply unknown = postDownlink(kAssigned, "dept-nowhere");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_THAT(unknown.body, HasSubstr("dept-nowhere"));
  EXPECT_THAT(unknown.body, HasSubstr("known: actions, dept-housing, intake"));
  HttpReply none = postDownlink(kAssigned, ""); // not assigned: no unit to route by
  EXPECT_EQ(none.status, 400);
  EXPECT_THAT(none.body, HasSubstr("X-Hotline-Targets"));
  EXPECT_EQ(world_.admin("GET", "/admin/v1/outbox?state=pending").body.find("dept-"),
            std::string::npos);
}

TEST_F(PipelineDownlink, ARowTheMappingCannotMapIsDeadLetteredWithTheReason) {
  HttpReply reply = postDownlink(
      R"({"channel":"phone","content":"no county number","status":"submitted"})", "dept-housing");
  ASSERT_EQ(reply.status, 201) << reply.body;
  ASSERT_TRUE(waitFor(
      [&] {
        return world_.admin("GET", "/admin/v1/dlq").body.find("ticket.out.json") !=
               std::string::npos;
      },
      std::chrono::seconds(20)))
      << world_.admin("GET", "/admin/v1/dlq").body;
  std::string dead = world_.admin("GET", "/admin/v1/dlq").body;
  EXPECT_THAT(dead, HasSubstr("dept-housing"));
  EXPECT_THAT(dead, HasSubstr("/task/countyNo"));
  EXPECT_EQ(receivedCount(), 0u); // nothing half-mapped reached the department
}

} // namespace
} // namespace hotline::testing
