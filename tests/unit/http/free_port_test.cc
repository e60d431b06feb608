// tests/support freeLoopbackPort(): the ports the tests give their child processes.
#include "tests/support/child_process.h"

#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>

#include <fcntl.h>
#include <fstream>
#include <set>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

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

// Another test process holding a port's lock (a forked child here: flock locks are per open
// file, so a child's own open() competes exactly as a separate ctest process would).
TEST(FreeLoopbackPortTest, APortReservedByAnotherProcessIsNotHandedOut) {
  const uint16_t port = freeLoopbackPort(); // reserved by this process now
  EXPECT_FALSE(reserveLoopbackPort(port)) << "reserved twice in one process";

  int ready[2];
  int release[2];
  ASSERT_EQ(::pipe(ready), 0);
  ASSERT_EQ(::pipe(release), 0);
  uint16_t other = 0;
  for (int candidate = kLowestTestPort + 17; candidate < kLowestTestPort + 1000; ++candidate) {
    const int fd = ::open(testPortLockPath(candidate).c_str(), O_RDWR | O_CREAT, 0666);
    const bool free = fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    if (fd >= 0) {
      ::close(fd); // releases it again
    }
    if (free) {
      other = static_cast<uint16_t>(candidate);
      break;
    }
  }
  ASSERT_NE(other, 0) << "no unreserved port found to test with";
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const int fd = ::open(testPortLockPath(other).c_str(), O_RDWR | O_CREAT, 0666);
    const char held = (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0) ? 'y' : 'n';
    (void)!::write(ready[1], &held, 1);
    char ignored;
    (void)!::read(release[0], &ignored, 1);
    ::_exit(0);
  }
  char held = 0;
  ASSERT_EQ(::read(ready[0], &held, 1), 1);
  ASSERT_EQ(held, 'y');
  EXPECT_FALSE(reserveLoopbackPort(other)) << "port " << other << " is the child's";
  (void)!::write(release[1], "x", 1);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(reserveLoopbackPort(other)) << "the child has exited: the port is free again";
  for (int fd : {ready[0], ready[1], release[0], release[1]}) {
    ::close(fd);
  }
}

} // namespace
} // namespace hotline::testing
