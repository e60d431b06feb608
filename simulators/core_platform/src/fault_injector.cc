#include "simulators/core_platform/src/fault_injector.h"

namespace hotline::sim::core_platform {
namespace {

// Separates the error stream from the reset stream drawn from the same seed.
constexpr uint64_t kErrorStreamSalt = 0x9E3779B97F4A7C15ULL;

} // namespace

void FaultInjector::setPlan(FaultPlan plan) {
  std::lock_guard<std::mutex> lock(mutex_);
  const uint64_t seed = plan.seed ? *plan.seed : std::random_device{}();
  reset_draws_.seed(seed);
  error_draws_.seed(seed ^ kErrorStreamSalt);
  outage_end_ = clock_() + std::chrono::milliseconds(plan.outage_ms);
  active_ = !plan.empty();
  plan_ = std::move(plan);
}

FaultPlan FaultInjector::plan() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return plan_;
}

// Uniform in [0, 1) from the top 53 bits: the same numbers on every standard library, unlike
// std::uniform_real_distribution.
bool FaultInjector::draw(std::mt19937_64& stream, double rate) {
  if (rate <= 0.0) {
    return false;
  }
  const double uniform = static_cast<double>(stream() >> 11) * 0x1.0p-53;
  return uniform < rate;
}

RequestFault FaultInjector::onRequest() {
  RequestFault fault;
  if (!active_.load(std::memory_order_acquire)) {
    return fault;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  fault.latency = std::chrono::milliseconds(plan_.latency_ms);
  if (plan_.outage_ms > 0 && clock_() < outage_end_) {
    fault.action = RequestFault::Action::Outage;
    fault.retry_after_s = plan_.retry_after_s;
  } else if (draw(reset_draws_, plan_.reset_rate)) {
    fault.action = plan_.reset_after_accept ? RequestFault::Action::ResetAfter
                                            : RequestFault::Action::ResetBefore;
  }
  return fault;
}

ItemFault FaultInjector::onItem(std::string_view ticket_id) {
  ItemFault fault;
  if (!active_.load(std::memory_order_acquire)) {
    return fault;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (!plan_.poison_tickets.empty() && plan_.poison_tickets.contains(std::string(ticket_id))) {
    fault.status = 422;
    fault.reason = "injected fault: poison ticket";
  } else if (draw(error_draws_, plan_.error_rate)) {
    fault.status = plan_.status;
    fault.retry_after_s = plan_.retry_after_s;
    fault.reason = "injected fault: error_rate";
  }
  return fault;
}

} // namespace hotline::sim::core_platform
