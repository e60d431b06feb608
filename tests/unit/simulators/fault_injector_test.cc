#include "simulators/core_platform/src/fault_injector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace hotline::sim::core_platform {
namespace {

using Action = RequestFault::Action;
using std::chrono::milliseconds;

FaultPlan plan(const std::string& json) {
  auto parsed = parseFaultPlan(json);
  EXPECT_TRUE(parsed.isOk()) << parsed.status().message();
  return parsed.isOk() ? *parsed : FaultPlan{};
}

std::vector<int> itemStatuses(FaultInjector& faults, int n) {
  std::vector<int> statuses;
  for (int i = 0; i < n; ++i) {
    statuses.push_back(faults.onItem("T" + std::to_string(i)).status);
  }
  return statuses;
}

int countOf(const std::vector<int>& values, int value) {
  return static_cast<int>(std::count(values.begin(), values.end(), value));
}

// A clock the test moves by hand.
struct ManualClock {
  std::chrono::steady_clock::time_point now{};
  FaultInjector::Clock clock() {
    return [this] { return now; };
  }
};

TEST(SimFaultInjector, WithoutAPlanNothingHappens) {
  FaultInjector faults;
  RequestFault request = faults.onRequest();
  EXPECT_EQ(request.action, Action::None);
  EXPECT_EQ(request.latency.count(), 0);
  EXPECT_EQ(faults.onItem("T1").status, 0);
}

TEST(SimFaultInjector, TheSameSeedGivesTheSameDecisions) {
  FaultInjector first;
  FaultInjector second;
  first.setPlan(plan(R"({"error_rate":0.3,"seed":42})"));
  second.setPlan(plan(R"({"error_rate":0.3,"seed":42})"));
  std::vector<int> a = itemStatuses(first, 200);
  EXPECT_EQ(a, itemStatuses(second, 200));
  EXPECT_GT(countOf(a, 503), 30);
  EXPECT_LT(countOf(a, 503), 90);
  // Setting the plan again restarts the draws.
  first.setPlan(plan(R"({"error_rate":0.3,"seed":42})"));
  EXPECT_EQ(itemStatuses(first, 200), a);
}

TEST(SimFaultInjector, DifferentSeedsGiveDifferentDecisions) {
  FaultInjector first;
  FaultInjector second;
  first.setPlan(plan(R"({"error_rate":0.5,"seed":1})"));
  second.setPlan(plan(R"({"error_rate":0.5,"seed":2})"));
  EXPECT_NE(itemStatuses(first, 100), itemStatuses(second, 100));
}

TEST(SimFaultInjector, ResetDrawsDoNotShiftErrorDraws) {
  FaultInjector errors_only;
  FaultInjector with_resets;
  errors_only.setPlan(plan(R"({"error_rate":0.4,"seed":5})"));
  with_resets.setPlan(plan(R"({"error_rate":0.4,"reset_rate":0.5,"seed":5})"));
  std::vector<int> expected = itemStatuses(errors_only, 50);
  std::vector<int> got;
  for (int i = 0; i < 50; ++i) {
    with_resets.onRequest();
    got.push_back(with_resets.onItem("T").status);
  }
  EXPECT_EQ(got, expected);
}

TEST(SimFaultInjector, RateZeroNeverAndRateOneAlways) {
  FaultInjector faults;
  faults.setPlan(plan(R"({"error_rate":1.0,"reset_rate":0.0})"));
  EXPECT_EQ(countOf(itemStatuses(faults, 50), 503), 50);
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(faults.onRequest().action, Action::None);
  }
  faults.setPlan(plan(R"({"reset_rate":1.0})"));
  EXPECT_EQ(countOf(itemStatuses(faults, 50), 0), 50);
  EXPECT_EQ(faults.onRequest().action, Action::ResetBefore);
}

TEST(SimFaultInjector, StatusAndRetryAfterComeFromThePlan) {
  FaultInjector faults;
  faults.setPlan(plan(R"({"error_rate":1.0,"status":429,"retry_after_s":2})"));
  ItemFault fault = faults.onItem("T1");
  EXPECT_EQ(fault.status, 429);
  EXPECT_EQ(fault.retry_after_s, 2);
  EXPECT_STREQ(fault.reason, "injected fault: error_rate");
}

TEST(SimFaultInjector, AnOutageLastsExactlyItsWindow) {
  ManualClock clock;
  FaultInjector faults(clock.clock());
  faults.setPlan(plan(R"({"outage_ms":1000,"retry_after_s":1})"));
  RequestFault during = faults.onRequest();
  EXPECT_EQ(during.action, Action::Outage);
  EXPECT_EQ(during.retry_after_s, 1);
  clock.now += milliseconds(999);
  EXPECT_EQ(faults.onRequest().action, Action::Outage);
  clock.now += milliseconds(1);
  EXPECT_EQ(faults.onRequest().action, Action::None);
}

TEST(SimFaultInjector, PoisonedTicketsAlwaysFailAndOthersPass) {
  FaultInjector faults;
  faults.setPlan(plan(R"({"poison_tickets":["BAD"]})"));
  for (int i = 0; i < 5; ++i) {
    ItemFault fault = faults.onItem("BAD");
    EXPECT_EQ(fault.status, 422);
    EXPECT_STREQ(fault.reason, "injected fault: poison ticket");
  }
  EXPECT_EQ(faults.onItem("GOOD").status, 0);
}

TEST(SimFaultInjector, ResetsHappenBeforeOrAfterAcceptingAsPlanned) {
  FaultInjector faults;
  faults.setPlan(plan(R"({"reset_rate":1.0,"reset_after_accept":true})"));
  EXPECT_EQ(faults.onRequest().action, Action::ResetAfter);
  faults.setPlan(plan(R"({"reset_rate":1.0})"));
  EXPECT_EQ(faults.onRequest().action, Action::ResetBefore);
}

TEST(SimFaultInjector, LatencyComesWithEveryRequest) {
  FaultInjector faults;
  faults.setPlan(plan(R"({"latency_ms":50})"));
  for (int i = 0; i < 3; ++i) {
    RequestFault fault = faults.onRequest();
    EXPECT_EQ(fault.latency, milliseconds(50));
    EXPECT_EQ(fault.action, Action::None);
  }
}

TEST(SimFaultInjector, ClearingStopsEveryFault) {
  FaultInjector faults;
  faults.setPlan(plan(R"({"error_rate":1.0,"outage_ms":60000,"poison_tickets":["T"]})"));
  EXPECT_EQ(faults.onRequest().action, Action::Outage);
  faults.clear();
  EXPECT_EQ(faults.onRequest().action, Action::None);
  EXPECT_EQ(faults.onItem("T").status, 0);
  EXPECT_TRUE(faults.plan().empty());
}

} // namespace
} // namespace hotline::sim::core_platform
