#include "simulators/core_platform/src/fault_plan.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <functional>
#include <map>
#include <vector>

namespace hotline::sim::core_platform {
namespace {

using Problems = std::vector<std::string>;

bool readRate(const rapidjson::Value& value, double& out) {
  if (!value.IsNumber() || value.GetDouble() < 0.0 || value.GetDouble() > 1.0) {
    return false;
  }
  out = value.GetDouble();
  return true;
}

bool readInt(const rapidjson::Value& value, int64_t min, int64_t max, int64_t& out) {
  if (!value.IsInt64() || value.GetInt64() < min || value.GetInt64() > max) {
    return false;
  }
  out = value.GetInt64();
  return true;
}

bool readStatus(const rapidjson::Value& value, int& out) {
  int64_t status = 0;
  constexpr int kAllowed[] = {429, 500, 502, 503, 504};
  if (!readInt(value, 0, 999, status) ||
      std::find(std::begin(kAllowed), std::end(kAllowed), status) == std::end(kAllowed)) {
    return false;
  }
  out = static_cast<int>(status);
  return true;
}

bool readPoison(const rapidjson::Value& value, std::unordered_set<std::string>& out) {
  if (!value.IsArray()) {
    return false;
  }
  for (const auto& id : value.GetArray()) {
    if (!id.IsString() || id.GetStringLength() == 0) {
      return false;
    }
    out.emplace(id.GetString(), id.GetStringLength());
  }
  return true;
}

// One rule per member: `read` stores the value and returns false when it is unacceptable;
// `expected` says what would have been accepted.
struct MemberRule {
  std::function<bool(const rapidjson::Value&, FaultPlan&)> read;
  const char* expected;
};
using MemberRules = std::map<std::string, MemberRule, std::less<>>;

const MemberRules& memberRules() {
  static const MemberRules rules{
      {"error_rate", {[](auto& v, auto& p) { return readRate(v, p.error_rate); }, "0..1"}},
      {"reset_rate", {[](auto& v, auto& p) { return readRate(v, p.reset_rate); }, "0..1"}},
      {"status",
       {[](auto& v, auto& p) { return readStatus(v, p.status); }, "429, 500, 502, 503 or 504"}},
      {"retry_after_s",
       {[](auto& v, auto& p) {
          int64_t s = 0;
          bool ok = readInt(v, 0, 3600, s);
          p.retry_after_s = static_cast<int>(s);
          return ok;
        },
        "an integer 0..3600"}},
      {"latency_ms",
       {[](auto& v, auto& p) { return readInt(v, 0, 60'000, p.latency_ms); },
        "an integer 0..60000"}},
      {"outage_ms",
       {[](auto& v, auto& p) { return readInt(v, 0, 3'600'000, p.outage_ms); },
        "an integer 0..3600000"}},
      {"reset_after_accept",
       {[](auto& v, auto& p) {
          p.reset_after_accept = v.IsBool() && v.GetBool();
          return v.IsBool();
        },
        "true or false"}},
      {"poison_tickets",
       {[](auto& v, auto& p) { return readPoison(v, p.poison_tickets); },
        "an array of non-empty ticket ids"}},
      {"seed",
       {[](auto& v, auto& p) {
          p.seed = v.IsUint64() ? std::optional<uint64_t>(v.GetUint64()) : std::nullopt;
          return v.IsUint64();
        },
        "an unsigned integer"}},
  };
  return rules;
}

std::string joinProblems(const Problems& problems) {
  std::string text = "invalid fault plan: ";
  for (size_t i = 0; i < problems.size(); ++i) {
    text += (i == 0 ? "" : "; ") + problems[i];
  }
  return text;
}

} // namespace

Result<FaultPlan> parseFaultPlan(std::string_view json) {
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  if (document.HasParseError() || !document.IsObject()) {
    return invalidArgument("invalid fault plan: expected a JSON object");
  }
  FaultPlan plan;
  Problems problems;
  for (const auto& member : document.GetObject()) {
    std::string_view name(member.name.GetString(), member.name.GetStringLength());
    auto rule = memberRules().find(name);
    if (rule == memberRules().end()) {
      problems.push_back("unknown member \"" + std::string(name) + "\"");
    } else if (!rule->second.read(member.value, plan)) {
      problems.push_back(std::string(name) + ": expected " + rule->second.expected);
    }
  }
  if (!problems.empty()) {
    return invalidArgument(joinProblems(problems));
  }
  return plan;
}

std::string faultPlanJson(const FaultPlan& plan) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("error_rate");
  writer.Double(plan.error_rate);
  writer.Key("status");
  writer.Int(plan.status);
  if (plan.retry_after_s >= 0) {
    writer.Key("retry_after_s");
    writer.Int(plan.retry_after_s);
  }
  writer.Key("latency_ms");
  writer.Int64(plan.latency_ms);
  writer.Key("outage_ms");
  writer.Int64(plan.outage_ms);
  writer.Key("reset_rate");
  writer.Double(plan.reset_rate);
  writer.Key("reset_after_accept");
  writer.Bool(plan.reset_after_accept);
  writer.Key("poison_tickets");
  writer.StartArray();
  std::vector<std::string> poison(plan.poison_tickets.begin(), plan.poison_tickets.end());
  std::sort(poison.begin(), poison.end());
  for (const std::string& id : poison) {
    writer.String(id.c_str(), static_cast<rapidjson::SizeType>(id.size()));
  }
  writer.EndArray();
  if (plan.seed) {
    writer.Key("seed");
    writer.Uint64(*plan.seed);
  }
  writer.EndObject();
  return buffer.GetString();
}

} // namespace hotline::sim::core_platform
