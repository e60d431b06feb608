#pragma once
// What the simulated department does with each new task: a list of callbacks to send, each a
// delay after the previous one. Parsed from JSON (--behaviour FILE, POST /sim/behaviour):
//   {"steps":[{"action":"sign","after_ms":100},
//             {"action":"progress","after_ms":50,"content":"已派人勘查"},
//             {"action":"extension","after_ms":50,"days":3,"reason":"需协调供电公司"},
//             {"action":"result","after_ms":50,"content":"已修复"}]}
// Pure: no I/O, no clock.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/status.h"

namespace hotline::sim::department {

// The department's callback actions and their actionCode (issue 5 spec, department link).
enum class CallbackAction { Sign, Progress, Result, Extension, Return };

std::string_view actionName(CallbackAction action); // "sign", "progress", …
std::string_view actionCode(CallbackAction action); // "01" … "05"
std::optional<CallbackAction> actionFromName(std::string_view name);

struct BehaviourStep {
  CallbackAction action = CallbackAction::Sign;
  int64_t after_ms = 0; // after the previous step's callback (the first: after the task came)
  std::string content;  // progress / result text
  std::string reason;   // extension / return reason
  int days = 0;         // extension: days asked for
};

struct BehaviourScript {
  std::vector<BehaviourStep> steps; // empty: the department does nothing by itself
};

inline constexpr int64_t kMaxStepDelayMs = 3'600'000;
inline constexpr size_t kMaxSteps = 100;

// InvalidArgument names the field, e.g. "steps[2].days: expected an integer 1..365 for an
// extension". Unknown members are refused, so a misspelt "afterMs" is not silently 0.
Result<BehaviourScript> parseBehaviourScript(std::string_view json);

// The script as JSON, in the shape parseBehaviourScript reads.
std::string behaviourScriptJson(const BehaviourScript& script);

} // namespace hotline::sim::department
