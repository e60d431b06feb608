#pragma once
// The behaviour of the simulated city platform: for every escalation it receives, the
// actions it sends back to the county, each after a delay counted from the previous one.
//
//   {"steps":[{"action":"signed","after_ms":100},
//             {"action":"progress","after_ms":50,"data":{"progress":"已转交市住建局"}},
//             {"action":"result_submitted","after_ms":50,"data":{"result":"已处理"}},
//             {"action":"closed","after_ms":50}]}

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/event_type.h"
#include "hotline/status.h"

namespace hotline::sim::exchange {

struct BehaviourStep {
  model::EventType action = model::EventType::Comment;
  std::chrono::milliseconds after{0}; // after the previous step (the escalation for the first)
  std::string data;                   // compact JSON object text; empty = none

  bool operator==(const BehaviourStep&) const = default;
};

struct BehaviourScript {
  std::vector<BehaviourStep> steps;

  bool operator==(const BehaviourScript&) const = default;
};

// A day at most per step: a longer delay is a typo, not a scenario.
inline constexpr int64_t kMaxStepDelayMs = 86'400'000;
inline constexpr size_t kMaxSteps = 100;

// Strict: unknown members, a missing or unknown action, a negative or non-integer after_ms
// and non-object data are refused, naming the step ("steps[2].after_ms: ...").
Result<BehaviourScript> parseBehaviour(std::string_view json);

// The script back as JSON, for GET /sim/behaviour.
std::string behaviourJson(const BehaviourScript& script);

} // namespace hotline::sim::exchange
