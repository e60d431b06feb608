// tests/support freeLoopbackPort(): the ports the tests give their child processes.
#include "tests/support/child_process.h"

#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>

namespace hotline::testing {
namespace {

TEST(FreeLoopbackPortTest, PortsAreBelowTheEphemeralRangeDistinctAndBindable) {
  std::ifstream range("/proc/sys/net/ipv4/ip_local_port_range");
  int ephemeral_low = 0;
  range >> ephemeral_low;
  ASSERT_GT(ephemeral_low, kLowestTestPort + 1000) << "this machine leaves no room below";
  std::set<uint16_t> seen;
  for (int i = 0; i < 50; ++i) {
    const uint16_t port = freeLoopbackPort();
    EXPECT_GE(port, kLowestTestPort);
    EXPECT_LT(port, ephemeral_low);
    EXPECT_TRUE(seen.insert(port).second) << "port " << port << " handed out twice";
  }
  // Still free: a child process could bind any of them now.
  for (uint16_t port : seen) {
    EXPECT_NO_THROW(Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", port)))
        << "port " << port;
  }
}

} // namespace
} // namespace hotline::testing
