#include "simulators/exchange/src/action_dispatcher.h"

#include <algorithm>
#include <iostream>

#include "core/model/enum_table.h"
#include "core/model/event_codec.h"

namespace hotline::sim::exchange {
namespace {

constexpr std::chrono::milliseconds kFirstBackoff{100};
constexpr std::chrono::milliseconds kMaxBackoff{5000};

} // namespace

ActionDispatcher::ActionDispatcher(ActorIdentity identity, std::optional<GatewayClient> gateway,
                                   ExchangeLedger& ledger, ActionFeed& feed)
    : identity_(std::move(identity)), gateway_(std::move(gateway)), ledger_(ledger), feed_(feed),
      event_ids_(identity_.system), worker_([this] { run(); }) {}

ActionDispatcher::~ActionDispatcher() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void ActionDispatcher::enqueueLocked(Planned planned) {
  planned.order = next_order_++;
  queue_.push(std::move(planned));
}

void ActionDispatcher::schedule(const model::ExternalRef& county, const BehaviourScript& script) {
  if (script.steps.empty()) {
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    Clock::time_point due = Clock::now();
    for (const BehaviourStep& step : script.steps) {
      due += step.after;
      enqueueLocked(Planned{due, 0, county, step.action, step.data});
    }
  }
  wake_.notify_all();
}

Status ActionDispatcher::emitNow(const model::ExternalRef& county, model::EventType type,
                                 const std::string& data) {
  if (!data.empty()) {
    if (auto compact = model::compactJsonObject(data); !compact) {
      return invalidArgument("data: " + compact.status().message());
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    enqueueLocked(Planned{Clock::now(), 0, county, type, data});
  }
  wake_.notify_all();
  return Status::ok();
}

size_t ActionDispatcher::pending() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size() + (in_flight_ ? 1 : 0);
}

void ActionDispatcher::clear() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_ = {};
    ++generation_;
  }
  wake_.notify_all();
}

void ActionDispatcher::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    if (queue_.empty()) {
      wake_.wait(lock);
      continue;
    }
    const Clock::time_point due = queue_.top().due;
    if (Clock::now() < due) {
      wake_.wait_until(lock, due); // a newly scheduled earlier action wakes us too
      continue;
    }
    Planned planned = queue_.top();
    queue_.pop();
    in_flight_ = true;
    const uint64_t generation = generation_;
    lock.unlock();
    deliver(planned, generation);
    lock.lock();
    in_flight_ = false;
  }
}

void ActionDispatcher::deliver(const Planned& planned, uint64_t generation) {
  const std::string event_id = event_ids_.next();
  auto body = buildCountyAction(identity_, event_id, planned.county, planned.type, planned.data,
                                support::systemMillis());
  if (!body) {
    // Data was checked when the action was planned; reaching this is a simulator bug.
    std::cerr << "exchange: cannot build " << model::enumName(planned.type) << " for "
              << planned.county.number << ": " << body.status().message() << "\n";
    ledger_.stats().send_failures++;
    return;
  }
  if (!gateway_) {
    feed_.append("event", std::move(*body));
    ledger_.stats().sent++;
    return;
  }
  push(*body, event_id, planned.county, generation);
}

// Retries while the gateway is unreachable or answers 5xx; a refusal is final (logged and
// counted: resending the same refused action would only be refused again).
bool ActionDispatcher::push(const std::string& body, const std::string& event_id,
                            const model::ExternalRef& county, uint64_t generation) {
  const std::string path = "/exchange/v1/tickets/" + encodePathSegment(county.number) + "/actions";
  std::chrono::milliseconds backoff = kFirstBackoff;
  while (true) {
    const CallOutcome outcome = gateway_->post(path, body, event_id);
    if (outcome.kind == CallOutcome::Kind::Accepted) {
      ledger_.stats().sent++;
      return true;
    }
    ledger_.stats().send_failures++;
    std::cerr << "exchange: action " << event_id << " to " << gateway_->url().path_prefix << path
              << ": " << outcome.message
              << (outcome.kind == CallOutcome::Kind::Retryable
                      ? "; retrying in " + std::to_string(backoff.count()) + " ms"
                      : "; not retried")
              << std::endl;
    if (outcome.kind != CallOutcome::Kind::Retryable) {
      return false;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, backoff, [&] { return stopping_ || generation_ != generation; });
    if (stopping_ || generation_ != generation) {
      return false;
    }
    backoff = std::min(backoff * 2, kMaxBackoff);
  }
}

} // namespace hotline::sim::exchange
