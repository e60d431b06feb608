#include "tests/unit/http/ingress_fixture.h"
#include "tests/unit/http/test_client.h"

#include <future>

namespace hotline::http::testing {
namespace {

// /slow signals `entered_` and then waits for `release_`, standing for a request that is
// still being handled when stop() is called.
class IngressStopTest : public IngressFixture {
protected:
  void addSlowRoute() {
    ASSERT_TRUE(router_
                    .addRoute(
                        "GET", "/slow",
                        [this](const HttpRequest&, HttpResponse& response) {
                          entered_.open();
                          release_.waitOpen(30s);
                          response.content_type = "text/plain";
                          response.body = "done";
                        },
                        "test")
                    .isOk());
  }

  void TearDown() override {
    release_.open(); // never leave a worker blocked, whatever failed
    IngressFixture::TearDown();
  }

  Gate entered_;
  Gate release_;
};

TEST_F(IngressStopTest, FinishesTheInFlightRequestAndRefusesNewConnections) {
  addSlowRoute();
  startServer();
  auto slow = std::async(std::launch::async, [this] { return request(port_, "GET", "/slow"); });
  ASSERT_TRUE(entered_.waitOpen());
  EXPECT_EQ(server_->inFlight(), 1u);

  auto stopped = std::async(std::launch::async, [this] { server_->stop(); });
  // New connections are refused while the slow request is still running...
  EXPECT_TRUE(waitUntil([this] { return connectionRefused(port_); }));
  EXPECT_FALSE(release_.isOpen());
  EXPECT_EQ(slow.wait_for(0s), std::future_status::timeout);
  EXPECT_EQ(stopped.wait_for(0s), std::future_status::timeout); // stop() waits for it

  // ...and it completes normally once its handler returns, on a connection now closing.
  release_.open();
  ASSERT_EQ(slow.wait_for(10s), std::future_status::ready);
  const Reply reply = slow.get();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "done");
  EXPECT_EQ(reply.connection, "close");
  ASSERT_EQ(stopped.wait_for(10s), std::future_status::ready);
  EXPECT_EQ(server_->inFlight(), 0u);
}

TEST_F(IngressStopTest, IdleKeepAliveConnectionsDoNotHoldStopUp) {
  ASSERT_TRUE(registerHealthEndpoint(router_, nullptr).isOk());
  IngressOptions options = smallOptions();
  options.keep_alive_timeout_ms = 120000;
  options.shutdown_grace_ms = 120000;
  startServer(options);
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  session.setKeepAlive(true);
  ASSERT_EQ(exchange(session, "GET", "/healthz").status, 200); // connection stays open, idle

  // Were the idle connection waited for, stop() would take the 120 s keep-alive timeout.
  auto stopped = std::async(std::launch::async, [this] { server_->stop(); });
  EXPECT_EQ(stopped.wait_for(10s), std::future_status::ready);
  EXPECT_TRUE(connectionRefused(port_));
}

TEST_F(IngressStopTest, AbandonsRequestsStillRunningAfterTheGracePeriod) {
  addSlowRoute();
  IngressOptions options = smallOptions();
  options.shutdown_grace_ms = 200;
  startServer(options);
  auto slow = std::async(std::launch::async, [this]() -> int {
    try {
      return request(port_, "GET", "/slow").status;
    } catch (const Poco::Exception&) {
      return -1; // cut off: what an abandoned request's peer sees
    }
  });
  ASSERT_TRUE(entered_.waitOpen());

  ::testing::internal::CaptureStderr();
  auto stopped = std::async(std::launch::async, [this] { server_->stop(); });
  const bool stop_returned = stopped.wait_for(10s) == std::future_status::ready;
  const std::string log = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(stop_returned);
  EXPECT_FALSE(release_.isOpen()); // stop() returned while the handler was still blocked
  EXPECT_NE(log.find("requests abandoned"), std::string::npos) << log;
  EXPECT_NE(log.find("GET /slow"), std::string::npos) << log;

  ASSERT_EQ(slow.wait_for(10s), std::future_status::ready);
  EXPECT_EQ(slow.get(), -1);
  release_.open();
}

TEST_F(IngressStopTest, StopIsIdempotentAndSafeBeforeStart) {
  IngressServer never_started(router_, smallOptions());
  never_started.stop();
  startServer();
  server_->stop();
  server_->stop();
  EXPECT_TRUE(connectionRefused(port_));
}

} // namespace
} // namespace hotline::http::testing
