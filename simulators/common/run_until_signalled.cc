#include "simulators/common/run_until_signalled.h"

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>

#include "simulators/common/in_flight_requests.h"
#include "simulators/common/socket_scan.h"

namespace hotline::sim {
namespace {

// Enough keep-alive requests per connection that a benchmark never pays for reconnecting
// (cpp-httplib's default is 5).
constexpr size_t kKeepAliveMaxRequests = 1'000'000;
constexpr size_t kMaxBodyBytes = 64 * 1024 * 1024;

void configure(httplib::Server& server, const ServeOptions& options) {
  const size_t threads = options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_keep_alive_max_count(kKeepAliveMaxRequests);
  // Small JSON answers would otherwise wait for Nagle + delayed ACK (~40 ms each).
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(kMaxBodyBytes);
  // cpp-httplib's default sets SO_REUSEPORT, which lets a second simulator bind a port that is
  // in use and silently share its traffic; SO_REUSEADDR alone still allows a quick restart.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
}

std::string hostForDisplay(const std::string& host) {
  return host.find(':') == std::string::npos ? host : "[" + host + "]";
}

// listen_after_bind() sets is_running() as its first step and stop() is a no-op before that,
// so the port is announced (and a stop signal acted on) only once it holds. False when the
// listener ended first.
bool waitUntilRunning(const httplib::Server& server, const std::atomic<bool>& ended) {
  while (!server.is_running()) {
    if (ended) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

// cpp-httplib's stop() only closes the listening socket; a worker waiting on an idle
// keep-alive connection notices only after the keep-alive timeout (5 s). Shutting the read
// side of a connection ends that wait at once; it is done to every connection on our port
// except those with a request being handled (cpp-httplib would not write the answer to a
// connection whose read side is shut), until every worker has finished — and after
// kDrainLimit to those too. After stop() nothing new is accepted, so a descriptor found here
// is one of ours; should a worker close it in between, shutdown() fails harmlessly.
void drainConnections(int port, const InFlightRequests& in_flight, const std::atomic<bool>& ended) {
  constexpr std::chrono::seconds kDrainLimit{10};
  const auto deadline = std::chrono::steady_clock::now() + kDrainLimit;
  while (!ended) {
    const bool force = std::chrono::steady_clock::now() > deadline;
    forEachConnectedSocket([&](int fd, const Endpoint& local, const Endpoint& remote) {
      if (local.port == port && (force || !in_flight.contains(remote))) {
        ::shutdown(fd, SHUT_RD);
      }
      return false;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

int bindPort(httplib::Server& server, const ServeOptions& options) {
  if (options.port == 0) {
    return server.bind_to_any_port(options.bind);
  }
  return server.bind_to_port(options.bind, options.port) ? options.port : -1;
}

} // namespace

int runUntilSignalled(httplib::Server& server, const ServeOptions& options, StopSignals& signals,
                      std::ostream& out) {
  configure(server, options);
  InFlightRequests in_flight;
  in_flight.install(server);
  const int port = bindPort(server, options);
  if (port <= 0) {
    std::cerr << "cannot listen on " << hostForDisplay(options.bind) << ":" << options.port
              << " (address in use or not local?)\n";
    return 1;
  }
  std::atomic<bool> ended{false};
  std::atomic<bool> stopping{false};
  std::thread listener([&] {
    server.listen_after_bind();
    ended = true;
    if (!stopping) {
      StopSignals::notifyServerEnded();
    }
  });
  if (!waitUntilRunning(server, ended)) {
    std::cerr << "the server did not start\n";
    listener.join();
    return 1;
  }
  out << "listening on " << hostForDisplay(options.bind) << ":" << port << std::endl;

  const int signal_number = signals.wait();
  stopping = true;
  server.stop();
  drainConnections(port, in_flight, ended);
  listener.join();
  if (signal_number == SIGUSR1) {
    std::cerr << "the server stopped unexpectedly\n";
    return 1;
  }
  return 0;
}

} // namespace hotline::sim
