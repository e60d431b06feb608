// Routing on the downlink by unit code: which units a message is for, which instances serve
// them, and the dead letter for a unit nobody serves.
#include "core/downlink/unit_routing.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hotline::downlink {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kTicket =
    R"({"channel":"phone","content":"小区积水","status":"assigned","assignments":[)"
    R"({"seq":1,"lead_unit":{"code":"U-OLD"}},)"
    R"({"seq":2,"lead_unit":{"code":"U-HOUSING","name":"县住建局"},)"
    R"("co_units":[{"code":"U-WATER"},{"code":"U-HOUSING"},{"name":"no code"}]}]})";

std::string event(const std::string& type, const std::string& data) {
  return R"({"ticket":{"id":"01JD0000000000000000000001"},"type":")" + type +
         R"(","at":"2026-11-28T10:00:00+08:00")" + (data.empty() ? "" : R"(,"data":)" + data) + "}";
}

TEST(UnitsOf, ATicketIsForItsLatestAssignmentsUnitsLeadFirst) {
  Result<std::vector<std::string>> units = unitsOf("ticket", kTicket);
  ASSERT_TRUE(units.isOk()) << units.status().toString();
  EXPECT_THAT(*units, ElementsAre("U-HOUSING", "U-WATER"));
}

TEST(UnitsOf, AssignmentEventsCarryTheirUnitsInData) {
  Result<std::vector<std::string>> units = unitsOf(
      "event", event("reassigned", R"({"lead_unit":{"code":"U-A"},"co_units":[{"code":"U-B"}]})"));
  ASSERT_TRUE(units.isOk()) << units.status().toString();
  EXPECT_THAT(*units, ElementsAre("U-A", "U-B"));
}

TEST(UnitsOf, WhatCarriesNoUnitIsRefusedWithWhy) {
  Result<std::vector<std::string>> urge = unitsOf("event", event("urged", ""));
  ASSERT_FALSE(urge.isOk());
  EXPECT_THAT(urge.status().message(), HasSubstr("a urged event carries no units"));
  Result<std::vector<std::string>> bare = unitsOf("event", event("assigned", R"({"note":"x"})"));
  ASSERT_FALSE(bare.isOk());
  EXPECT_THAT(bare.status().message(), HasSubstr("data.lead_unit.code"));
  Result<std::vector<std::string>> unassigned =
      unitsOf("ticket", R"({"channel":"phone","content":"x","status":"submitted"})");
  ASSERT_FALSE(unassigned.isOk());
  EXPECT_THAT(unassigned.status().message(), HasSubstr("no assignment"));
  EXPECT_FALSE(unitsOf("ticket", R"({"channel":"fax"})").isOk()); // not canonical
}

TEST(UnitRouter, EachServedUnitsInstancesOnceAndUnroutedForTheRest) {
  UnitRouter router(std::map<std::string, std::vector<std::string>>{
      {"U-HOUSING", {"dept-housing"}}, {"U-WATER", {"dept-water", "dept-housing"}}});
  EXPECT_THAT(router.targetsFor({"U-HOUSING", "U-WATER"}),
              ElementsAre("dept-housing", "dept-water"));
  EXPECT_THAT(router.targetsFor({"U-HOUSING", "U-NOBODY", "U-ALSO-NOBODY"}),
              ElementsAre("dept-housing", kUnroutedTarget));
  EXPECT_THAT(router.unserved({"U-HOUSING", "U-NOBODY"}), ElementsAre("U-NOBODY"));
}

TEST(UnroutedTarget, DeadLettersNamingTheUnitsNobodyServes) {
  UnitRouter router(
      std::map<std::string, std::vector<std::string>>{{"U-HOUSING", {"dept-housing"}}});
  UnroutedTarget target(router);
  EXPECT_EQ(target.name(), "unrouted");
  store::OutboxRow row;
  row.kind = "ticket";
  row.body = kTicket;
  std::vector<delivery::ItemVerdict> verdicts;
  target.send({&row}, [&](std::vector<delivery::ItemVerdict> v) { verdicts = std::move(v); });
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_EQ(verdicts[0].kind, delivery::ItemVerdict::Kind::Permanent);
  EXPECT_THAT(verdicts[0].reason, HasSubstr("no connector instance serves unit U-WATER"));
  EXPECT_THAT(verdicts[0].reason, ::testing::Not(HasSubstr("U-HOUSING")));
}

} // namespace
} // namespace hotline::downlink
