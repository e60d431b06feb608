#pragma once
// The time source of a store: Unix milliseconds for audit records, outbox creation and state
// updates. Injected so that tests can pin time (CONVENTIONS.md: a controllable clock).

#include <chrono>
#include <cstdint>
#include <functional>

namespace hotline::store {

using StoreClock = std::function<int64_t()>;

inline int64_t systemClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

} // namespace hotline::store
