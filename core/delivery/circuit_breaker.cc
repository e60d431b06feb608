#include "core/delivery/circuit_breaker.h"

#include <algorithm>

namespace hotline::delivery {

CircuitBreaker::CircuitBreaker(BreakerOptions options, const Clock& clock)
    : options_(options), clock_(clock) {
  options_.consecutive_failures = std::max(options_.consecutive_failures, 1);
  options_.window = std::max(options_.window, 0);
  options_.cool_down_ms = std::max<int64_t>(options_.cool_down_ms, 0);
}

bool CircuitBreaker::allowRequest() {
  switch (state_) {
  case State::Closed:
    return true;
  case State::Open:
    if (clock_.nowMs() < opened_at_ms_ + options_.cool_down_ms) {
      return false;
    }
    state_ = State::HalfOpen;
    probe_out_ = true;
    return true;
  case State::HalfOpen:
    if (probe_out_) {
      return false;
    }
    probe_out_ = true;
    return true;
  }
  return false;
}

void CircuitBreaker::onSuccess() {
  if (state_ != State::Closed) {
    // The probe came back fine: start from a clean slate, old failures say nothing now.
    state_ = State::Closed;
    probe_out_ = false;
    window_.clear();
    window_failures_ = 0;
    consecutive_ = 0;
    return;
  }
  consecutive_ = 0;
  record(false);
}

void CircuitBreaker::onFailure() {
  if (state_ == State::HalfOpen) {
    trip();
    return;
  }
  if (state_ == State::Open) {
    return; // a late answer of a request sent before the breaker opened
  }
  ++consecutive_;
  record(true);
  if (consecutive_ >= options_.consecutive_failures || ratioTripped()) {
    trip();
  }
}

void CircuitBreaker::record(bool failure) {
  if (options_.window == 0) {
    return;
  }
  window_.push_back(failure);
  window_failures_ += failure ? 1 : 0;
  if (static_cast<int>(window_.size()) > options_.window) {
    window_failures_ -= window_.front() ? 1 : 0;
    window_.pop_front();
  }
}

bool CircuitBreaker::ratioTripped() const {
  if (options_.window == 0 || static_cast<int>(window_.size()) < options_.window) {
    return false;
  }
  return static_cast<double>(window_failures_) >=
         options_.failure_ratio * static_cast<double>(options_.window);
}

void CircuitBreaker::trip() {
  state_ = State::Open;
  opened_at_ms_ = clock_.nowMs();
  probe_out_ = false;
  consecutive_ = 0;
  window_.clear();
  window_failures_ = 0;
  ++times_opened_;
}

const char* breakerStateName(CircuitBreaker::State state) {
  switch (state) {
  case CircuitBreaker::State::Closed:
    return "closed";
  case CircuitBreaker::State::Open:
    return "open";
  case CircuitBreaker::State::HalfOpen:
    return "half_open";
  }
  return "unknown";
}

} // namespace hotline::delivery
