#include "load_loop.h"

#include "load_http.h"
#include "load_requests.h"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace hotline::bench {
namespace {

// A timed run waits this long before trying a failed connection again, so that a server that
// went away is not hammered (and `failed` grows at a modest pace). Other connections go on
// meanwhile: the pause is a deadline checked through epoll_wait's timeout, not a sleep.
constexpr auto kRetryPause = std::chrono::milliseconds(10);

enum class State { Connecting, Sending, Receiving, Waiting, Done };

struct Connection {
  int id = 0;
  int fd = -1;
  uint32_t watched = 0; // the epoll events asked for `fd`; 0 while not registered
  State state = State::Done;
  uint64_t n = 0; // counts this connection's attempts; names the pipeline mode's tickets
  std::string request;
  size_t sent = 0;
  std::string received; // bytes read and not yet consumed (capacity is kept between answers)
  Clock::time_point started;
  Clock::time_point retry_at;
};

class Loop {
public:
  Loop(const Options& options, const LoadWindow& window, std::atomic<uint64_t>& next,
       LoadResult& result)
      : options_(options), window_(window), next_(next), result_(result),
        counted_(options.count > 0), epoll_(::epoll_create1(EPOLL_CLOEXEC)) {
    if (epoll_ < 0) {
      std::perror("ingest_load: epoll_create1");
      std::exit(2);
    }
  }
  ~Loop() { ::close(epoll_); }
  Loop(const Loop&) = delete;

  void run(int first, int last) {
    // Sized once: epoll events point at the elements.
    connections_.resize(static_cast<size_t>(last - first));
    for (size_t i = 0; i < connections_.size(); ++i) {
      connections_[i].id = first + static_cast<int>(i);
    }
    active_ = connections_.size();
    for (auto& c : connections_) {
      connect(c, Clock::now());
    }
    std::array<epoll_event, 64> events{};
    while (active_ > 0) {
      const int ready = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()),
                                     timeoutMs(Clock::now()));
      if (ready < 0 && errno != EINTR) {
        std::perror("ingest_load: epoll_wait");
        std::exit(2);
      }
      // Each connection has one socket registered, so it appears at most once per batch.
      for (int i = 0; i < ready; ++i) {
        onEvent(*static_cast<Connection*>(events[static_cast<size_t>(i)].data.ptr),
                events[static_cast<size_t>(i)].events);
      }
      if (waiting_ > 0) {
        retryDue(Clock::now());
      }
    }
  }

private:
  bool over(Clock::time_point now) const { return !counted_ && now >= window_.end; }

  // Until the earliest retry; -1 (no timeout) when no connection waits for one.
  int timeoutMs(Clock::time_point now) const {
    if (waiting_ == 0) {
      return -1;
    }
    auto earliest = Clock::time_point::max();
    for (const auto& c : connections_) {
      if (c.state == State::Waiting && c.retry_at < earliest) {
        earliest = c.retry_at;
      }
    }
    if (earliest <= now) {
      return 0;
    }
    // Rounded up, so that the loop does not wake just before the deadline and spin.
    return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(earliest - now).count());
  }

  void retryDue(Clock::time_point now) {
    for (auto& c : connections_) {
      if (c.state == State::Waiting && c.retry_at <= now) {
        --waiting_;
        if (over(now)) {
          finish(c);
        } else {
          connect(c, now);
        }
      }
    }
  }

  void onEvent(Connection& c, uint32_t events) {
    if (c.state == State::Connecting) {
      connected(c);
      return;
    }
    if ((events & (EPOLLIN | EPOLLERR | EPOLLHUP)) != 0) {
      receive(c);
    }
    if (c.state == State::Sending && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) != 0) {
      send(c);
    }
  }

  void watch(Connection& c, uint32_t events) {
    if (c.watched == events) {
      return; // the usual case: a request sent whole keeps EPOLLIN, no epoll_ctl
    }
    epoll_event event{};
    event.events = events;
    event.data.ptr = &c;
    ::epoll_ctl(epoll_, c.watched == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, c.fd, &event);
    c.watched = events;
  }

  void closeSocket(Connection& c) {
    if (c.fd >= 0) {
      ::close(c.fd); // also leaves the epoll set
    }
    c.fd = -1;
    c.watched = 0;
  }

  void finish(Connection& c) {
    closeSocket(c);
    c.state = State::Done;
    --active_;
  }

  // Completion is seen as the socket turning writable (connected) or failing.
  void connect(Connection& c, Clock::time_point now) {
    c.fd = connectStart(options_.port);
    if (c.fd < 0) {
      connectFailed(c, now);
      return;
    }
    c.state = State::Connecting;
    watch(c, EPOLLOUT);
  }

  void connected(Connection& c) {
    int error = 0;
    socklen_t length = sizeof(error);
    if (::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0) {
      closeSocket(c);
      connectFailed(c, Clock::now());
      return;
    }
    startRequest(c);
  }

  void connectFailed(Connection& c, Clock::time_point now) {
    ++result_.failed; // counted in the warm-up too: the server was not there
    ++c.n;
    if (counted_) {
      finish(c); // a counted run does not wait for a server that went away
      return;
    }
    c.state = State::Waiting;
    c.retry_at = now + kRetryPause;
    ++waiting_;
  }

  void startRequest(Connection& c) {
    const uint64_t index = next_.fetch_add(1);
    if (counted_ && index >= options_.count) {
      finish(c);
      return;
    }
    c.request = buildRequest(options_, c.id, c.n++, index);
    c.sent = 0;
    c.state = State::Sending;
    c.started = Clock::now();
    send(c);
  }

  void send(Connection& c) {
    while (c.sent < c.request.size()) {
      const ssize_t n =
          ::send(c.fd, c.request.data() + c.sent, c.request.size() - c.sent, MSG_NOSIGNAL);
      if (n > 0) {
        c.sent += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        watch(c, EPOLLIN | EPOLLOUT); // the rest once there is room
        return;
      } else {
        complete(c, 0, {}, 0);
        return;
      }
    }
    c.state = State::Receiving;
    watch(c, EPOLLIN);
    checkResponse(c); // an early answer may have been read while sending
  }

  // One read per readiness (level-triggered): epoll reports the socket again if more is left.
  void receive(Connection& c) {
    const ssize_t n = ::recv(c.fd, chunk_.data(), chunk_.size(), 0);
    if (n > 0) {
      c.received.append(chunk_.data(), static_cast<size_t>(n));
      if (c.state == State::Receiving) {
        checkResponse(c);
      }
    } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
      complete(c, 0, {}, 0); // closed or reset: the request in flight failed
    }
  }

  void checkResponse(Connection& c) {
    Response response;
    if (parseResponse(c.received, response)) {
      const std::string_view body =
          std::string_view(c.received).substr(response.body_at, response.body_length);
      complete(c, response.status, body, response.size);
    }
  }

  // Status 0: the connection failed (closed, reset, unparseable answer); it is reconnected.
  void complete(Connection& c, int status, std::string_view body, size_t consumed) {
    const auto finished = Clock::now();
    if (c.started >= window_.measure_from) {
      record(status, finished - c.started, body);
    }
    if (status == 0) {
      closeSocket(c);
      c.received.clear();
    } else {
      c.received.erase(0, consumed);
    }
    if (over(finished)) {
      finish(c);
    } else if (c.fd < 0) {
      connect(c, finished);
    } else {
      startRequest(c);
    }
  }

  void record(int status, Clock::duration latency, std::string_view body) {
    result_.statuses[status] += 1;
    if (status >= 200 && status < 300) {
      ++result_.ok;
      result_.latencies_us.push_back(static_cast<uint32_t>(
          std::chrono::duration_cast<std::chrono::microseconds>(latency).count()));
    } else {
      ++result_.failed;
      result_.examples.try_emplace(status, body.substr(0, 300)); // a copy only when new
    }
  }

  const Options& options_;
  const LoadWindow& window_;
  std::atomic<uint64_t>& next_;
  LoadResult& result_;
  const bool counted_;
  const int epoll_;
  std::vector<Connection> connections_;
  size_t active_ = 0;  // connections not Done
  size_t waiting_ = 0; // connections in State::Waiting
  std::array<char, 65536> chunk_{};
};

} // namespace

void runConnections(const Options& options, int first, int last, const LoadWindow& window,
                    std::atomic<uint64_t>& next, LoadResult& result) {
  Loop loop(options, window, next, result);
  loop.run(first, last);
}

} // namespace hotline::bench
