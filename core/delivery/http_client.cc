#include "core/delivery/http_client.h"

#include "core/delivery/curl_transfer.h"
#include "core/log/log.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <strings.h>
#include <unordered_map>

namespace hotline::delivery {

using detail::CurlTransfer;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr const char* kComponent = "http_client";
constexpr int kIdlePollMs = 1000;

void globalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

} // namespace

const char* transportErrorName(TransportError error) {
  switch (error) {
  case TransportError::None:
    return "none";
  case TransportError::Connect:
    return "connect";
  case TransportError::Timeout:
    return "timeout";
  case TransportError::Network:
    return "network";
  case TransportError::Cancelled:
    return "cancelled";
  case TransportError::Other:
    return "other";
  }
  return "unknown";
}

std::string_view HttpResult::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && strncasecmp(key.data(), name.data(), key.size()) == 0) {
      return value;
    }
  }
  return {};
}

// Owns the multi handle and everything only the worker thread touches.
class HttpClient::Worker {
public:
  explicit Worker(HttpClient& owner) : owner_(owner), multi_(curl_multi_init()) {
    assert(multi_ != nullptr);
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS,
                      static_cast<long>(owner_.options_.max_cached_connections));
  }

  ~Worker() {
    for (CURL* easy : idle_) {
      curl_easy_cleanup(easy);
    }
    curl_multi_cleanup(multi_);
  }

  // Thread safety: curl_multi_wakeup is the one multi call allowed from other threads.
  void wakeup() { curl_multi_wakeup(multi_); }

  void run();

  std::atomic<uint64_t> started{0};
  std::atomic<uint64_t> completed{0};
  std::atomic<uint64_t> connections_opened{0};
  std::atomic<size_t> active_count{0};
  std::atomic<size_t> queued_count{0};

private:
  bool takeIncoming(SteadyClock::time_point& deadline);
  void startQueued();
  void start(std::unique_ptr<CurlTransfer> transfer);
  size_t collectFinished();
  void finish(std::unique_ptr<CurlTransfer> transfer);
  void cancelEverything();
  void releaseEasy(CurlTransfer& transfer);

  HttpClient& owner_;
  CURLM* multi_;
  std::deque<std::unique_ptr<CurlTransfer>> queued_;
  std::unordered_map<CURL*, std::unique_ptr<CurlTransfer>> active_;
  std::unordered_map<std::string, size_t> per_host_;
  std::vector<CURL*> idle_; // recycled easy handles
};

void HttpClient::Worker::run() {
  for (;;) {
    SteadyClock::time_point deadline{};
    const bool stopping = takeIncoming(deadline);
    if (stopping && SteadyClock::now() >= deadline) {
      cancelEverything();
      return;
    }
    if (stopping && queued_.empty() && active_.empty()) {
      return;
    }
    startQueued();
    int running = 0;
    curl_multi_perform(multi_, &running);
    if (collectFinished() > 0) {
      continue; // slots were freed: start what waits before sleeping
    }
    int wait_ms = kIdlePollMs;
    if (stopping) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
      wait_ms = static_cast<int>(std::clamp<int64_t>(left.count() + 1, 0, kIdlePollMs));
    }
    curl_multi_poll(multi_, nullptr, 0, wait_ms, nullptr);
  }
}

bool HttpClient::Worker::takeIncoming(SteadyClock::time_point& deadline) {
  std::lock_guard<std::mutex> lock(owner_.mutex_);
  while (!owner_.incoming_.empty()) {
    queued_.push_back(std::move(owner_.incoming_.front()));
    owner_.incoming_.pop_front();
  }
  queued_count = queued_.size();
  deadline = owner_.deadline_;
  return owner_.stopping_;
}

void HttpClient::Worker::startQueued() {
  const HttpClientOptions& options = owner_.options_;
  for (auto it = queued_.begin(); it != queued_.end() && active_.size() < options.max_total;) {
    if (per_host_[(*it)->host_key] >= options.max_per_host) {
      ++it; // this host is busy; requests to other hosts may still go
      continue;
    }
    std::unique_ptr<CurlTransfer> transfer = std::move(*it);
    it = queued_.erase(it);
    start(std::move(transfer));
  }
  queued_count = queued_.size();
}

void HttpClient::Worker::start(std::unique_ptr<CurlTransfer> transfer) {
  if (!idle_.empty()) {
    transfer->easy = idle_.back();
    idle_.pop_back();
    curl_easy_reset(transfer->easy);
  } else {
    transfer->easy = curl_easy_init();
  }
  transfer->started = SteadyClock::now();
  Status configured = transfer->easy != nullptr ? configureEasy(*transfer, owner_.options_)
                                                : internalError("curl_easy_init failed");
  if (configured.isOk() && curl_multi_add_handle(multi_, transfer->easy) != CURLM_OK) {
    configured = internalError("curl_multi_add_handle failed");
  }
  ++started;
  if (!configured.isOk()) {
    transfer->result.transport = TransportError::Other;
    transfer->result.error = configured.toString();
    releaseEasy(*transfer);
    ++completed;
    transfer->done(std::move(transfer->result));
    return;
  }
  ++per_host_[transfer->host_key];
  CURL* easy = transfer->easy;
  active_.emplace(easy, std::move(transfer));
  active_count = active_.size();
}

size_t HttpClient::Worker::collectFinished() {
  size_t finished = 0;
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(multi_, &left)) {
    if (message->msg != CURLMSG_DONE) {
      continue;
    }
    auto it = active_.find(message->easy_handle);
    if (it == active_.end()) {
      continue;
    }
    std::unique_ptr<CurlTransfer> transfer = std::move(it->second);
    active_.erase(it);
    curl_multi_remove_handle(multi_, transfer->easy);
    finishResult(*transfer, message->data.result);
    finish(std::move(transfer));
    ++finished;
  }
  return finished;
}

void HttpClient::Worker::finish(std::unique_ptr<CurlTransfer> transfer) {
  connections_opened += static_cast<uint64_t>(std::max(transfer->connects, 0L));
  --per_host_[transfer->host_key];
  releaseEasy(*transfer);
  active_count = active_.size();
  ++completed;
  if (log::enabled(log::Level::Debug)) {
    log::debug(kComponent, "transfer done",
               {{"url", transfer->request.url},
                {"status", transfer->result.status},
                {"error", transfer->result.error},
                {"elapsed_ms", static_cast<long long>(transfer->result.elapsed.count())}});
  }
  // The callback is the owner's code: an exception must not kill the worker (and with it
  // every other transfer).
  try {
    transfer->done(std::move(transfer->result));
  } catch (const std::exception& e) {
    log::error(kComponent, "completion callback threw", {{"error", e.what()}});
  } catch (...) {
    log::error(kComponent, "completion callback threw a non-standard exception");
  }
}

void HttpClient::Worker::releaseEasy(CurlTransfer& transfer) {
  if (transfer.easy == nullptr) {
    return;
  }
  if (idle_.size() < owner_.options_.max_total) {
    idle_.push_back(transfer.easy);
  } else {
    curl_easy_cleanup(transfer.easy);
  }
  transfer.easy = nullptr;
}

void HttpClient::Worker::cancelEverything() {
  std::vector<std::unique_ptr<CurlTransfer>> cancelled;
  for (auto& [easy, transfer] : active_) {
    curl_multi_remove_handle(multi_, easy);
    transfer->result = HttpResult{};
    transfer->result.error = "cancelled: the HTTP client stopped before the transfer finished";
    transfer->result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        SteadyClock::now() - transfer->started);
    cancelled.push_back(std::move(transfer));
  }
  active_.clear();
  for (auto& transfer : queued_) {
    transfer->result.error = "cancelled: the HTTP client stopped before the transfer started";
    cancelled.push_back(std::move(transfer));
  }
  queued_.clear();
  queued_count = 0;
  for (auto& transfer : cancelled) {
    transfer->result.transport = TransportError::Cancelled;
    if (transfer->easy == nullptr) {
      ++per_host_[transfer->host_key]; // finish() decrements; queued ones were never counted
    }
    finish(std::move(transfer));
  }
}

HttpClient::HttpClient(HttpClientOptions options) : options_(std::move(options)) {
  options_.max_per_host = std::max<size_t>(options_.max_per_host, 1);
  options_.max_total = std::max<size_t>(options_.max_total, 1);
  globalInit();
  worker_ = std::make_unique<Worker>(*this);
  thread_ = std::thread([this] { worker_->run(); });
}

HttpClient::~HttpClient() {
  stop(SteadyClock::now());
}

Status HttpClient::send(HttpRequest request, Callback done) {
  HOTLINE_RETURN_IF_ERROR(detail::checkRequest(request));
  auto host_key = detail::hostKeyOf(request.url);
  if (!host_key.isOk()) {
    return host_key.status();
  }
  auto transfer = std::make_unique<CurlTransfer>();
  transfer->request = std::move(request);
  transfer->done = std::move(done);
  transfer->host_key = std::move(*host_key);
  std::lock_guard<std::mutex> lock(mutex_);
  if (stopping_) {
    return failedPrecondition("the HTTP client is stopping; request to " + transfer->request.url +
                              " not sent");
  }
  incoming_.push_back(std::move(transfer));
  worker_->wakeup();
  return Status::ok();
}

void HttpClient::stop(SteadyClock::time_point deadline) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!stopping_ || deadline < deadline_) {
      deadline_ = deadline;
    }
    stopping_ = true;
  }
  worker_->wakeup();
  if (std::this_thread::get_id() == thread_.get_id()) {
    return; // called from a callback: the worker exits by itself, the owner joins later
  }
  std::call_once(stop_once_, [this] {
    if (thread_.joinable()) {
      thread_.join();
    }
  });
}

HttpClientStats HttpClient::stats() const {
  HttpClientStats stats;
  stats.started = worker_->started;
  stats.completed = worker_->completed;
  stats.connections_opened = worker_->connections_opened;
  stats.active = worker_->active_count;
  std::lock_guard<std::mutex> lock(mutex_);
  stats.queued = worker_->queued_count + incoming_.size();
  return stats;
}

} // namespace hotline::delivery
