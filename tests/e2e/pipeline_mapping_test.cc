// Mapping files on the submit path of a running gateway, and their reload without a restart
// (admin call and SIGHUP): a broken file is refused, audited, and the old mapping keeps
// serving.
#include "tests/e2e/world.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>

namespace hotline::testing {
namespace {

using ::testing::HasSubstr;

std::string intakeMapping(const std::string& system, const std::string& transform = "trim") {
  return R"({"mapping": 1, "direction": "inbound", "kind": "ticket",
  "source": {"format": "json"},
  "fields": [
    {"to": "/refs/0/system", "value": ")" +
         system + R"("},
    {"to": "/refs/0/number", "from": "/ticketNo", "transforms": [")" +
         transform + R"(", "required"]},
    {"to": "/channel", "value": "department"},
    {"to": "/content", "from": "/detail"},
    {"to": "/status", "value": "submitted"}
  ]})";
}

class PipelineMapping : public ::testing::Test {
protected:
  PipelineMapping() : world_(WorldOptions{mappingsSection(), "", ""}) {
    writeMapping(intakeMapping("dept-housing"));
    world_.startGateway();
  }

  std::string mappingsSection() {
    mappings_dir_ = std::filesystem::path(makeTempDir()) / "mappings";
    std::filesystem::create_directories(mappings_dir_ / "intake");
    return R"("mappings": {"dir": ")" + mappings_dir_.string() + R"("},)";
  }
  void writeMapping(const std::string& text) {
    std::ofstream(mappings_dir_ / "intake" / "ticket.json") << text;
  }
  // POSTs a department-shaped ticket; returns the ref system the gateway stored for it.
  std::string systemOfSubmitted(const std::string& number) {
    HttpReply reply = world_.postTicket(
        R"({"ticketNo":" )" + number + R"( ","detail":"楼道灯不亮"})", "req-" + number);
    EXPECT_EQ(reply.status, 201) << reply.body;
    std::string trace =
        world_.admin("GET", "/admin/v1/tickets/" + ticketIdOf(reply.body) + "/trace").body;
    rapidjson::Document doc;
    doc.Parse(trace.c_str());
    if (!doc.IsObject() || !doc.HasMember("refs") || !doc["refs"].IsArray() ||
        doc["refs"].Empty()) {
      ADD_FAILURE() << "no refs in the trace: " << trace;
      return "";
    }
    EXPECT_STREQ(doc["refs"][0]["number"].GetString(), number.c_str());
    return doc["refs"][0]["system"].GetString();
  }

  std::filesystem::path mappings_dir_;
  World world_;
};

TEST_F(PipelineMapping, PeerPayloadsAreMappedAndReloadsSwapOrRefuse) {
  EXPECT_EQ(systemOfSubmitted("FG-1"), "dept-housing");

  // A broken file: the reload is refused with file and reason, the old mapping serves on.
  writeMapping(intakeMapping("dept-housing-v2", "trimm"));
  HttpReply refused = world_.admin("POST", "/admin/v1/mappings/reload");
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_THAT(refused.body, HasSubstr("intake/ticket.json"));
  EXPECT_THAT(refused.body, HasSubstr("trimm"));
  EXPECT_EQ(systemOfSubmitted("FG-2"), "dept-housing");

  // Fixed, and picked up on SIGHUP without a restart.
  writeMapping(intakeMapping("dept-housing-v2"));
  world_.signalGateway(SIGHUP);
  ASSERT_TRUE(
      waitFor([&] { return world_.gatewayLog().find("mappings reloaded") != std::string::npos; },
              std::chrono::seconds(20)))
      << world_.gatewayLog();
  EXPECT_TRUE(world_.gatewayHealthy());
  EXPECT_EQ(systemOfSubmitted("FG-3"), "dept-housing-v2");

  // Both attempts are in the audit trail, with who asked.
  std::string audit = world_.admin("GET", "/admin/v1/audit?limit=1000").body;
  EXPECT_THAT(audit, HasSubstr("mappings_reload_refused"));
  EXPECT_THAT(audit, HasSubstr("mappings_reloaded"));
  EXPECT_THAT(audit, HasSubstr("signal:SIGHUP"));
}

// `param` fields read the instance's mapping parameters: its config's settings (here the
// example connector's "kind") and its entry's mapping_params. A reload that brings in a
// parameter the instance does not give is refused, and the mapping before it serves on.
TEST_F(PipelineMapping, ParamFieldsReadTheInstancesSettingsAndAReloadNeedingMoreIsRefused) {
  std::string with_param = intakeMapping("unused");
  with_param.replace(with_param.find(R"("value": "unused")"), 17, R"("param": "kind")");
  writeMapping(with_param);
  ASSERT_EQ(world_.admin("POST", "/admin/v1/mappings/reload").status, 200);
  EXPECT_EQ(systemOfSubmitted("PA-1"), "ticket");

  std::string needs_more = intakeMapping("unused");
  needs_more.replace(needs_more.find(R"("value": "unused")"), 17, R"("param": "region")");
  writeMapping(needs_more);
  HttpReply refused = world_.admin("POST", "/admin/v1/mappings/reload");
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_THAT(refused.body, HasSubstr("connector instance intake"));
  EXPECT_THAT(refused.body, HasSubstr("intake/ticket.json reads the parameter"));
  EXPECT_THAT(refused.body, HasSubstr("region"));
  EXPECT_EQ(systemOfSubmitted("PA-2"), "ticket");
}

TEST_F(PipelineMapping, APayloadTheMappingCannotReadIsRefusedWithTheMappingsError) {
  HttpReply reply = world_.postTicket(R"({"detail":"没有工单号"})", "req-none");
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_THAT(reply.body, HasSubstr("intake/ticket.json"));
  EXPECT_THAT(reply.body, HasSubstr("/refs/0/number"));
}

} // namespace
} // namespace hotline::testing
