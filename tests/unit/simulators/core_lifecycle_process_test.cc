// Starting and stopping `hotline-sim`: the announced port, signals, usage errors.

#include <gtest/gtest.h>

#include <csignal>
#include <thread>

#include "tests/unit/simulators/sim_client.h"
#include "tests/unit/simulators/sim_payloads.h"
#include "tests/unit/simulators/sim_process.h"

namespace hotline::sim::testing {
namespace {

constexpr std::chrono::seconds kExitDeadline{20};

TEST(SimCoreLifecycle, AnnouncesTheChosenPortOnLoopback) {
  RunningCore core = startCore();
  ASSERT_GT(core.port, 0);
  EXPECT_EQ(core.process->output(), "listening on 127.0.0.1:" + std::to_string(core.port) + "\n");
  EXPECT_EQ(SimClient(core.port).get("/sim/stats").status, 200);
}

TEST(SimCoreLifecycle, SigtermStopsItWithExitCodeZero) {
  RunningCore core = startCore({"--threads", "4"});
  ASSERT_GT(core.port, 0);
  // An idle keep-alive connection must not hold the shutdown up for its 5 s timeout.
  httplib::Client keep_alive("127.0.0.1", core.port);
  keep_alive.set_keep_alive(true);
  ASSERT_TRUE(keep_alive.Get("/sim/stats"));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(core.process->stop(SIGTERM, kExitDeadline), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
}

TEST(SimCoreLifecycle, SigtermLetsARequestInFlightFinish) {
  RunningCore core = startCore();
  ASSERT_GT(core.port, 0);
  SimClient client(core.port);
  client.setFaults(R"({"latency_ms":1000})");
  const std::string id = newTicket();
  Reply in_flight;
  std::thread sender([&] {
    in_flight = client.postTicket(Delivery{"k1", id, "1", ticketJson(id)});
  });
  // `received` is counted before the latency wait: the request is being handled.
  EXPECT_TRUE(waitFor([&] { return client.stats()["received"] == 1; }, kExitDeadline));
  EXPECT_EQ(core.process->stop(SIGTERM, kExitDeadline), 0);
  sender.join();
  EXPECT_EQ(in_flight.status, 201) << in_flight.body;
}

TEST(SimCoreLifecycle, ResetConnectionsDoNotHoldTheShutdownUp) {
  RunningCore core = startCore();
  ASSERT_GT(core.port, 0);
  SimClient client(core.port);
  client.setFaults(R"({"reset_rate":1.0})");
  const std::string id = newTicket();
  for (int i = 1; i <= 3; ++i) {
    EXPECT_FALSE(
        client.postTicket(Delivery{"k" + std::to_string(i), id, "1", ticketJson(id)}).answered);
  }
  EXPECT_EQ(client.stats()["faults_injected"], 3u);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(core.process->stop(SIGTERM, kExitDeadline), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
}

TEST(SimCoreLifecycle, SigintStopsItWithExitCodeZero) {
  RunningCore core = startCore();
  ASSERT_GT(core.port, 0);
  EXPECT_EQ(core.process->stop(SIGINT, kExitDeadline), 0);
}

TEST(SimCoreLifecycle, UsageErrorsExitWithTwo) {
  const std::vector<std::vector<std::string>> bad{
      {}, {"nonesuch", "--port", "0"}, {"core"}, {"core", "--port", "0", "--verbose", "1"}};
  for (const auto& args : bad) {
    SimProcess process(args);
    EXPECT_EQ(process.waitForExit(kExitDeadline), 2) << ::testing::PrintToString(args);
    EXPECT_FALSE(process.errorOutput().empty());
  }
}

TEST(SimCoreLifecycle, HelpExitsWithZero) {
  SimProcess process({"core", "--help"});
  EXPECT_EQ(process.waitForExit(kExitDeadline), 0);
  EXPECT_NE(process.output().find("usage: hotline-sim core"), std::string::npos);
}

TEST(SimCoreLifecycle, ABusyPortExitsWithOne) {
  RunningCore first = startCore();
  ASSERT_GT(first.port, 0);
  SimProcess second({"core", "--port", std::to_string(first.port)});
  EXPECT_EQ(second.waitForExit(kExitDeadline), 1);
  EXPECT_NE(second.errorOutput().find("cannot listen"), std::string::npos);
}

} // namespace
} // namespace hotline::sim::testing
