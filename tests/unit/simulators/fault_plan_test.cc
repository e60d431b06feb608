#include "simulators/core_platform/src/fault_plan.h"

#include <gtest/gtest.h>

namespace hotline::sim::core_platform {
namespace {

TEST(SimFaultPlan, ReadsEveryMember) {
  auto plan = parseFaultPlan(R"({"error_rate":0.2,"latency_ms":50,"status":429,
      "retry_after_s":2,"outage_ms":5000,"reset_rate":0.1,"reset_after_accept":true,
      "poison_tickets":["T1","T2"],"seed":7})");
  ASSERT_TRUE(plan.isOk()) << plan.status().message();
  EXPECT_DOUBLE_EQ(plan->error_rate, 0.2);
  EXPECT_EQ(plan->latency_ms, 50);
  EXPECT_EQ(plan->status, 429);
  EXPECT_EQ(plan->retry_after_s, 2);
  EXPECT_EQ(plan->outage_ms, 5000);
  EXPECT_DOUBLE_EQ(plan->reset_rate, 0.1);
  EXPECT_TRUE(plan->reset_after_accept);
  EXPECT_EQ(plan->poison_tickets, (std::unordered_set<std::string>{"T1", "T2"}));
  EXPECT_EQ(plan->seed, 7u);
  EXPECT_FALSE(plan->empty());
}

TEST(SimFaultPlan, AnEmptyObjectMeansNoFaults) {
  auto plan = parseFaultPlan("{}");
  ASSERT_TRUE(plan.isOk());
  EXPECT_TRUE(plan->empty());
  EXPECT_EQ(plan->status, 503);
  EXPECT_EQ(plan->retry_after_s, -1);
  EXPECT_FALSE(plan->seed.has_value());
}

TEST(SimFaultPlan, ReportsEveryBadMemberAtOnce) {
  auto plan = parseFaultPlan(
      R"({"error_rate":1.5,"status":404,"latency_ms":-1,"poison_tickets":[""],"colour":"red"})");
  ASSERT_FALSE(plan.isOk());
  const std::string& message = plan.status().message();
  for (const char* expected :
       {"error_rate: expected 0..1", "status: expected 429, 500, 502, 503 or 504", "latency_ms",
        "poison_tickets", "unknown member \"colour\""}) {
    EXPECT_NE(message.find(expected), std::string::npos) << expected << " in " << message;
  }
}

TEST(SimFaultPlan, RefusesWhatIsNotAnObject) {
  EXPECT_FALSE(parseFaultPlan("").isOk());
  EXPECT_FALSE(parseFaultPlan("[]").isOk());
  EXPECT_FALSE(parseFaultPlan(R"({"seed":-3})").isOk());
  EXPECT_FALSE(parseFaultPlan(R"({"reset_after_accept":1})").isOk());
}

TEST(SimFaultPlan, ItsJsonReadsBackAsTheSamePlan) {
  auto plan = parseFaultPlan(
      R"({"error_rate":0.5,"status":502,"retry_after_s":0,"poison_tickets":["B","A"],"seed":9})");
  ASSERT_TRUE(plan.isOk());
  const std::string json = faultPlanJson(*plan);
  EXPECT_NE(json.find(R"("poison_tickets":["A","B"])"), std::string::npos) << json;
  auto again = parseFaultPlan(json);
  ASSERT_TRUE(again.isOk()) << again.status().message();
  EXPECT_DOUBLE_EQ(again->error_rate, 0.5);
  EXPECT_EQ(again->status, 502);
  EXPECT_EQ(again->retry_after_s, 0);
  EXPECT_EQ(again->poison_tickets, plan->poison_tickets);
  EXPECT_EQ(again->seed, 9u);
}

} // namespace
} // namespace hotline::sim::core_platform
