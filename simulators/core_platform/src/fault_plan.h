#pragma once
// The faults the core platform simulator injects into /api/v1/* (never /sim/*), as posted to
// POST /sim/faults. Each POST replaces the whole plan: a member not given is off.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "hotline/status.h"

namespace hotline::sim::core_platform {

struct FaultPlan {
  double error_rate = 0.0;         // fraction of items answered `status` (a bulk line is an item)
  int status = 503;                // 429 or 500/502/503/504
  int retry_after_s = -1;          // >= 0: Retry-After on fault answers (error_rate and outage)
  int64_t latency_ms = 0;          // every API request waits this long first
  int64_t outage_ms = 0;           // every API request answered 503 for this long after the POST
  double reset_rate = 0.0;         // fraction of API requests whose connection is reset
  bool reset_after_accept = false; // reset after recording (the answer is lost, not the item)
  std::unordered_set<std::string> poison_tickets; // items of these tickets: 422, always
  std::optional<uint64_t> seed;                   // deterministic draws when given

  bool empty() const {
    return error_rate <= 0 && latency_ms <= 0 && outage_ms <= 0 && reset_rate <= 0 &&
           poison_tickets.empty();
  }
};

// Strict: unknown members, wrong types and values out of range are InvalidArgument naming
// the member; every problem is reported at once.
Result<FaultPlan> parseFaultPlan(std::string_view json);

// The plan as JSON (members with their effective values), for the /sim/faults answers.
std::string faultPlanJson(const FaultPlan& plan);

} // namespace hotline::sim::core_platform
