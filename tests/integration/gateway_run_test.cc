// The real gateway process: starts on a config, answers /healthz, takes tickets and events
// through the example connector, refuses bad ones with the rule or path, logs JSON lines
// with personal data masked, and stops cleanly on SIGTERM.
#include "tests/support/child_process.h"
#include "tests/support/http_call.h"

#include <Poco/Net/ServerSocket.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hotline::testing {
namespace {

using Reply = HttpReply;
using ::testing::HasSubstr;
using ::testing::Not;

Reply send(uint16_t port, const std::string& method, const std::string& path,
           const std::string& body = "", const std::string& request_id = "") {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!request_id.empty()) {
    headers.emplace_back("X-Request-Id", request_id);
  }
  return httpCall(port, method, path, body, headers);
}

// Store, admin token and ports of one test's own, so tests can run in parallel.
std::string isolatedSections() {
  std::string dir = makeTempDir();
  return R"("store": {"path": ")" + dir + R"(/gateway.db"},
    "admin": {"port": 0, "token_file": ")" +
         dir + R"(/admin.token"},
    "core_platform": {"base_url": "http://127.0.0.1:)" +
         std::to_string(freeLoopbackPort()) + R"("},)";
}

std::string configFor(uint16_t port) {
  return R"({
    )" + isolatedSections() +
         R"(
    "http": {"bind": "127.0.0.1", "port": )" +
         std::to_string(port) + R"(, "shutdown_grace_ms": 5000},
    "log": {"level": "debug"},
    "connectors": [
      {"name": "intake", "type": "example", "config": {"path": "/tickets", "kind": "ticket"}},
      {"name": "actions", "type": "example", "config": {"path": "/events", "kind": "event"}}
    ]
  })";
}

const char* kTicket = R"({"channel":"phone","status":"submitted","title":"路灯不亮",
  "content":"文化路与民主路交叉口路灯不亮，请尽快维修",
  "requester":{"name":"张三丰","phone":"13812345678"}})";

class GatewayRun : public ::testing::Test {
protected:
  void SetUp() override {
    port_ = freeLoopbackPort();
    std::string config = writeTempFile("gateway.json", configFor(port_));
    gateway_ = std::make_unique<ChildProcess>(HOTLINE_GATEWAY_BIN,
                                              std::vector<std::string>{"run", "--config", config});
    ASSERT_TRUE(waitFor([&] { return send(port_, "GET", "/healthz").status == 200; },
                        std::chrono::seconds(20)))
        << gateway_->errorOutput();
  }

  uint16_t port_ = 0;
  std::unique_ptr<ChildProcess> gateway_;
};

TEST_F(GatewayRun, AnswersHealthzAndStopsCleanlyOnSigterm) {
  Reply health = send(port_, "GET", "/healthz");
  EXPECT_THAT(health.body, HasSubstr("\"status\":\"ok\""));
  std::optional<int> code = gateway_->stop(SIGTERM, std::chrono::seconds(20));
  ASSERT_TRUE(code.has_value()) << "gateway did not exit after SIGTERM";
  EXPECT_EQ(*code, 0) << gateway_->errorOutput();
  EXPECT_THAT(gateway_->errorOutput(), HasSubstr("shutting down"));
  EXPECT_EQ(send(port_, "GET", "/healthz").status, 0) << "still answering after exit";
}

TEST_F(GatewayRun, TakesATicketOnceAndAnswersADuplicateWithTheFirstAnswer) {
  Reply first = send(port_, "POST", "/connectors/intake/tickets", kTicket, "peer-1");
  ASSERT_EQ(first.status, 201) << first.body;
  std::string id = ticketIdOf(first.body);
  ASSERT_EQ(id.size(), 26u) << first.body;

  Reply again = send(port_, "POST", "/connectors/intake/tickets", kTicket, "peer-1");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(ticketIdOf(again.body), id);
  EXPECT_THAT(again.body, HasSubstr("\"duplicate\":true"));
}

TEST_F(GatewayRun, RefusesAMalformedTicketNamingEveryProblem) {
  Reply reply = send(port_, "POST", "/connectors/intake/tickets",
                     R"({"channel":"fax","status":"submitted","urgency":"asap",
                         "requester":{"phone":13812345678}})",
                     "peer-2");
  EXPECT_EQ(reply.status, 400);
  for (const char* path : {"/channel", "/urgency", "/requester/phone", "/content"}) {
    EXPECT_THAT(reply.body, HasSubstr(path)) << reply.body;
  }
  EXPECT_THAT(reply.body, Not(HasSubstr("13812345678")));
}

TEST_F(GatewayRun, AppliesTheLifecycleToEvents) {
  Reply created = send(port_, "POST", "/connectors/intake/tickets", kTicket, "peer-3");
  ASSERT_EQ(created.status, 201);
  std::string id = ticketIdOf(created.body);

  auto event = [&](const std::string& ticket, const std::string& type) {
    return R"({"ticket":{"id":")" + ticket + R"("},"type":")" + type +
           R"(","at":"2026-11-28T10:00:00+08:00","source":"core"})";
  };
  Reply early =
      send(port_, "POST", "/connectors/actions/events", event(id, "result_submitted"), "ev-1");
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_THAT(early.body, HasSubstr("L-RESULT")); // the rule that forbids it
  Reply unknown = send(port_, "POST", "/connectors/actions/events",
                       event("01JDZZZZZZZZZZZZZZZZZZZZZZ", "accepted"), "ev-2");
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  Reply accepted = send(port_, "POST", "/connectors/actions/events", event(id, "accepted"), "ev-3");
  EXPECT_EQ(accepted.status, 201) << accepted.body;
}

TEST_F(GatewayRun, LogsAreJsonLinesWithPersonalDataMasked) {
  ASSERT_EQ(send(port_, "POST", "/connectors/intake/tickets", kTicket, "peer-4").status, 201);
  ASSERT_TRUE(gateway_->stop(SIGTERM, std::chrono::seconds(20)).has_value());
  std::istringstream lines(gateway_->errorOutput());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    rapidjson::Document doc;
    doc.Parse(line.c_str());
    ASSERT_TRUE(doc.IsObject()) << "not a JSON line: " << line;
    EXPECT_TRUE(doc.HasMember("level") && doc.HasMember("msg")) << line;
    ++count;
  }
  EXPECT_GT(count, 3);
  EXPECT_THAT(gateway_->errorOutput(), Not(HasSubstr("13812345678")));
  EXPECT_THAT(gateway_->errorOutput(), Not(HasSubstr("张三丰")));
}

TEST(GatewayStart, RefusesToStartOnABadConfigAndSaysWhy) {
  std::string config =
      writeTempFile("bad.json", "{" + isolatedSections() + R"("http": {"port": 70000}})");
  CommandResult result = runCommand(HOTLINE_GATEWAY_BIN, {"run", "--config", config});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("http.port"));
  EXPECT_THAT(result.err, HasSubstr("70000"));
}

TEST(GatewayStart, RefusesToStartWhenThePortIsTaken) {
  uint16_t port = freeLoopbackPort();
  Poco::Net::ServerSocket taken(Poco::Net::SocketAddress("127.0.0.1", port));
  std::string config = writeTempFile(
      "busy.json", "{" + isolatedSections() + R"("http": {"port": )" + std::to_string(port) + "}}");
  CommandResult result = runCommand(HOTLINE_GATEWAY_BIN, {"run", "--config", config});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("127.0.0.1:" + std::to_string(port)));
}

TEST(GatewayStart, RefusesAMappingFolderThatDoesNotExist) {
  // A misspelt folder would otherwise fall back to the connector type's mappings unnoticed.
  std::string config =
      writeTempFile("folder.json", "{" + isolatedSections() + R"("http": {"port": 0},
      "mappings": {"dir": ")" + std::string(HOTLINE_SOURCE_DIR) +
                                       R"(/mappings"},
      "connectors": [{"name": "dept-zjj", "type": "example", "mappings": "department-sop",
                      "config": {"path": "/tickets"}}]})");
  CommandResult result = runCommand(HOTLINE_GATEWAY_BIN, {"run", "--config", config});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_THAT(result.err, HasSubstr("connector instance dept-zjj: mappings \"department-sop\""));
  EXPECT_THAT(result.err, HasSubstr("no folder"));
}

// A mapping reading a parameter the instance does not give would fail each of its messages at
// run time: the start is refused instead, naming instance, mapping and parameter. The
// instance's secrets are never parameters, even when a mapping names one.
TEST(GatewayStart, RefusesAMappingParameterTheInstanceDoesNotGive) {
  const std::string mappings = makeTempDir();
  std::filesystem::create_directories(mappings + "/dept-zjj");
  std::ofstream(mappings + "/dept-zjj/ticket.out.json") << R"({"mapping": 1,
      "direction": "outbound", "kind": "ticket", "target": {"format": "json"}, "fields": [
      {"to": "/level", "param": "level"}, {"to": "/key", "param": "hmac_secret"},
      {"to": "/path", "param": "path"}]})";
  const std::string key = writeTempFile("hmac.key", "k3y");
  std::string config = writeTempFile("params.json", "{" + isolatedSections() +
                                                        R"("http": {"port": 0},
      "mappings": {"dir": ")" + mappings + R"("},
      "connectors": [{"name": "dept-zjj", "type": "example",
                      "config": {"path": "/tickets", "hmac_secret": "file:)" +
                                                        key + R"("}}]})");
  CommandResult result = runCommand(HOTLINE_GATEWAY_BIN, {"run", "--config", config});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_THAT(result.err, HasSubstr("connector instance dept-zjj: mapping " + mappings +
                                    "/dept-zjj/ticket.out.json reads the parameter \"level\""));
  EXPECT_THAT(result.err, HasSubstr("the parameter \"hmac_secret\""));
  EXPECT_THAT(result.err, Not(HasSubstr("the parameter \"path\""))) << "its config gives path";
  EXPECT_THAT(result.err, Not(HasSubstr("k3y")));
}

} // namespace
} // namespace hotline::testing
