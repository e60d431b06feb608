// (e) `hotline-gateway audit verify` passes on the gateway's database and fails — naming the
// record — on each kind of tampering: an edited record, a removed one, two swapped, and
// records cut off the end.
#include "tests/e2e/world.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>

namespace hotline::testing {
namespace {

using ::testing::HasSubstr;

// Runs SQL on a copy of the database and returns the copy's path.
std::string tamperedCopy(const std::string& db, const std::string& name, const std::string& sql) {
  std::string copy = std::filesystem::path(db).parent_path().string() + "/" + name + ".db";
  std::filesystem::copy_file(db, copy, std::filesystem::copy_options::overwrite_existing);
  execSql(copy, sql);
  return copy;
}

TEST(PipelineAudit, VerifyPassesOnTheRealChainAndFailsOnEveryKindOfTampering) {
  World world;
  world.startGateway();
  ASSERT_TRUE(world.gatewayHealthy()) << world.gatewayLog();
  for (int i = 0; i < 5; ++i) {
    std::string number = "AUD-" + std::to_string(i);
    ASSERT_EQ(world.postTicket(ticketJson(number), number).status, 201);
  }
  ASSERT_TRUE(waitFor([&] { return world.simStats().accepted == 5; }, std::chrono::seconds(30)));
  HttpReply live = world.admin("GET", "/admin/v1/audit/verify");
  EXPECT_EQ(live.status, 200) << live.body;
  EXPECT_THAT(live.body, HasSubstr("\"ok\":true"));
  ASSERT_EQ(world.stopGateway(SIGTERM), 0);

  CommandResult clean = world.cli({"audit", "verify", "--db", world.dbPath()});
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_THAT(clean.out, HasSubstr("audit chain ok: 15 records")); // received, stored, delivered

  struct Tampering {
    const char* name;
    const char* sql;
    const char* names; // what the report must point at
  };
  const Tampering cases[] = {
      {"edited", "UPDATE audit SET detail = 'kind=nothing' WHERE seq = 4", "seq 4"},
      {"removed", "DELETE FROM audit WHERE seq = 7", "seq 8"},
      {"swapped",
       "UPDATE audit SET seq = -1 WHERE seq = 5; UPDATE audit SET seq = 5 WHERE seq = 6; "
       "UPDATE audit SET seq = 6 WHERE seq = -1",
       "seq 5"},
      {"truncated", "DELETE FROM audit WHERE seq > 12", "head"},
  };
  for (const Tampering& tampering : cases) {
    std::string copy = tamperedCopy(world.dbPath(), tampering.name, tampering.sql);
    CommandResult verdict = world.cli({"audit", "verify", "--db", copy});
    EXPECT_EQ(verdict.exit_code, 1) << tampering.name << ": " << verdict.out;
    EXPECT_THAT(verdict.err, HasSubstr("audit chain BROKEN")) << tampering.name;
    EXPECT_THAT(verdict.err, HasSubstr(tampering.names)) << tampering.name << ": " << verdict.err;
  }
}

} // namespace
} // namespace hotline::testing

namespace hotline::testing {
namespace {

// A connector's own refusals (here: forged signatures) are in the same hash-chained trail.
TEST(PipelineAudit, AForgedSignatureIsRefusedAndAuditedInTheChain) {
  const std::string key_file = writeTempFile("intake.key", "k3y-of-the-housing-bureau\n");
  WorldOptions options;
  options.extra_connectors = R"(, {"name": "signed-intake", "type": "example", "config":
      {"path": "/tickets", "hmac_secret": "file:)" +
                             key_file + R"("}})";
  World world(options);
  world.startGateway();
  ASSERT_TRUE(world.gatewayHealthy()) << world.gatewayLog();
  HttpReply forged = httpCall(world.gatewayPort(), "POST", "/connectors/signed-intake/tickets",
                              ticketJson("SQ-F1"), {{"X-Signature", std::string(64, 'a')}});
  EXPECT_EQ(forged.status, 401);
  std::string trail;
  ASSERT_TRUE(waitFor(
      [&] {
        trail = world.admin("GET", "/admin/v1/audit?limit=1000").body;
        return trail.find("refused_signature") != std::string::npos;
      },
      std::chrono::seconds(20)))
      << trail;
  EXPECT_THAT(trail, HasSubstr("signed-intake"));
  EXPECT_THAT(trail, HasSubstr("does not match the body"));
  EXPECT_EQ(world.stopGateway(SIGTERM), 0);
  CommandResult verified = world.cli({"audit", "verify", "--db", world.dbPath()});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
}

} // namespace
} // namespace hotline::testing
