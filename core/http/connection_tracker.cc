#include "core/http/connection_tracker.h"

namespace hotline::http {

std::optional<ConnectionTracker::Id>
ConnectionTracker::attach(const Poco::Net::StreamSocket& socket) {
  std::lock_guard lock(mutex_);
  if (stopping_) {
    return std::nullopt;
  }
  const Id id = next_id_++;
  entries_.emplace(id, Entry{socket, false, {}, Clock::now()});
  return id;
}

void ConnectionTracker::detach(Id id) {
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end()) {
      return;
    }
    if (it->second.busy) {
      --busy_;
    }
    entries_.erase(it);
  }
  changed_.notify_all();
}

bool ConnectionTracker::beginRequest(Id id) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (stopping_ || it == entries_.end()) {
    return false;
  }
  if (!it->second.busy) {
    it->second.busy = true;
    ++busy_;
  }
  it->second.what.clear();
  it->second.since = Clock::now();
  return true;
}

void ConnectionTracker::describe(Id id, std::string what) {
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(id); it != entries_.end()) {
    it->second.what = std::move(what);
  }
}

void ConnectionTracker::endRequest(Id id) {
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end() || !it->second.busy) {
      return;
    }
    it->second.busy = false;
    --busy_;
  }
  changed_.notify_all();
}

bool ConnectionTracker::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

size_t ConnectionTracker::inFlight() const {
  std::lock_guard lock(mutex_);
  return busy_;
}

void ConnectionTracker::beginStop() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  for (auto& [id, entry] : entries_) {
    if (!entry.busy) {
      shutdownQuietly(entry.socket);
    }
  }
}

bool ConnectionTracker::waitUntilClosed(Clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  return changed_.wait_until(lock, deadline, [this] { return entries_.empty(); });
}

std::vector<std::string> ConnectionTracker::abandonRemaining() {
  std::lock_guard lock(mutex_);
  std::vector<std::string> abandoned;
  const Clock::time_point now = Clock::now();
  for (auto& [id, entry] : entries_) {
    if (entry.busy) {
      const auto running =
          std::chrono::duration_cast<std::chrono::milliseconds>(now - entry.since).count();
      abandoned.push_back((entry.what.empty() ? std::string("a request being read") : entry.what) +
                          " (running " + std::to_string(running) + " ms)");
    }
    shutdownQuietly(entry.socket);
  }
  return abandoned;
}

void ConnectionTracker::shutdownQuietly(Poco::Net::StreamSocket& socket) noexcept {
  try {
    socket.shutdown();
  } catch (...) {
    // Already closed by the peer or by its own thread: nothing left to wake.
  }
}

} // namespace hotline::http
