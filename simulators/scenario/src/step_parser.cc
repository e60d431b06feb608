#include "simulators/scenario/src/step_parser.h"

#include <array>
#include <string_view>

#include "simulators/scenario/src/condition_parser.h"

namespace hotline::sim::scenario {
namespace {

constexpr std::array<std::string_view, 7> kActions{"http", "wait",    "start",   "stop",
                                                   "kill", "restart", "sleep_ms"};

std::string urlPath(const std::string& url) {
  size_t scheme = url.find("://");
  size_t slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return slash == std::string::npos ? url : url.substr(slash);
}

void parseWait(const rapidjson::Value& wait, const std::string& path,
               const std::set<std::string>& processes, Step& step, Problems& problems) {
  if (!checkObject(wait, path, {"http", "until", "log", "contains", "timeout_ms", "interval_ms"},
                   problems)) {
    return;
  }
  step.timeout_ms = readInteger(wait, "timeout_ms", path, problems, 1, 600000).value_or(10000);
  step.interval_ms = readInteger(wait, "interval_ms", path, problems, 1, 60000).value_or(50);
  if (const rapidjson::Value* http = findMember(wait, "http")) {
    step.kind = StepKind::WaitHttp;
    step.request = parseHttpRequest(*http, childPath(path, "http"), problems);
    const rapidjson::Value* until = findMember(wait, "until");
    if (until == nullptr) {
      problems.add(childPath(path, "until"), "missing: the conditions to wait for");
    } else {
      step.conditions = parseConditions(*until, childPath(path, "until"), problems);
    }
    if (findMember(wait, "log") != nullptr || findMember(wait, "contains") != nullptr) {
      problems.add(path, "a wait has either http + until or log + contains, not both");
    }
    step.name = "wait " + step.request.method + " " + urlPath(step.request.url);
    return;
  }
  step.kind = StepKind::WaitLog;
  step.process = readString(wait, "log", path, problems, true).value_or("");
  step.log_text = readString(wait, "contains", path, problems, true).value_or("");
  if (!step.process.empty() && processes.count(step.process) == 0) {
    problems.add(childPath(path, "log"), "no process is named \"" + step.process + "\"");
  }
  if (findMember(wait, "until") != nullptr) {
    problems.add(childPath(path, "until"), "until goes with http, not with log");
  }
  step.name = "wait for \"" + step.log_text + "\" in the log of " + step.process;
}

SigningSpec parseSigning(const rapidjson::Value& value, const std::string& path,
                         Problems& problems) {
  SigningSpec spec;
  if (!checkObject(value, path, {"app_key", "secret", "alg", "nonce", "timestamp_offset_ms"},
                   problems)) {
    return spec;
  }
  spec.app_key = readString(value, "app_key", path, problems, true).value_or("");
  spec.secret = readString(value, "secret", path, problems, true).value_or("");
  spec.algorithm = readString(value, "alg", path, problems).value_or("HMAC-SHA256");
  spec.nonce = readString(value, "nonce", path, problems);
  spec.timestamp_offset_ms =
      readInteger(value, "timestamp_offset_ms", path, problems, -86400000, 86400000).value_or(0);
  return spec;
}

} // namespace

HttpRequestSpec parseHttpRequest(const rapidjson::Value& value, const std::string& path,
                                 Problems& problems) {
  HttpRequestSpec spec;
  if (!checkObject(value, path, {"method", "url", "headers", "json", "body", "timeout_ms", "sign"},
                   problems)) {
    return spec;
  }
  if (const rapidjson::Value* sign = findMember(value, "sign")) {
    spec.sign = parseSigning(*sign, childPath(path, "sign"), problems);
  }
  spec.method = readString(value, "method", path, problems).value_or("GET");
  spec.url = readString(value, "url", path, problems, true).value_or("");
  if (!spec.url.empty() && spec.url.rfind("http://", 0) != 0 &&
      spec.url.rfind("https://", 0) != 0) {
    problems.add(childPath(path, "url"), "\"" + spec.url + "\" is not an http:// or https:// URL");
  }
  spec.timeout_ms = readInteger(value, "timeout_ms", path, problems, 1, 600000).value_or(10000);
  if (const rapidjson::Value* headers = findMember(value, "headers")) {
    if (!headers->IsObject()) {
      problems.add(childPath(path, "headers"), "must be an object of strings");
    } else {
      for (const auto& header : headers->GetObject()) {
        if (!header.value.IsString()) {
          problems.add(childPath(childPath(path, "headers"), header.name.GetString()),
                       "a header value must be a string, not " + describeType(header.value));
        } else {
          spec.headers.emplace_back(header.name.GetString(), header.value.GetString());
        }
      }
    }
  }
  const rapidjson::Value* json = findMember(value, "json");
  if (json != nullptr && findMember(value, "body") != nullptr) {
    problems.add(path, "give either json (a JSON value) or body (a string), not both");
  } else if (json != nullptr) {
    spec.body = jsonText(*json);
    spec.json_body = true;
  } else {
    spec.body = readString(value, "body", path, problems);
  }
  return spec;
}

Step parseStep(const rapidjson::Value& value, const std::string& path,
               const std::set<std::string>& processes, Problems& problems) {
  Step step;
  step.where = path;
  if (!checkObject(value, path,
                   {"name", "http", "expect", "save", "wait", "start", "stop", "kill", "restart",
                    "sleep_ms", "exit_code"},
                   problems)) {
    return step;
  }
  std::string action;
  for (std::string_view candidate : kActions) {
    if (findMember(value, candidate) != nullptr) {
      if (!action.empty()) {
        problems.add(path, "a step does one thing: both \"" + action + "\" and \"" +
                               std::string(candidate) + "\" given");
      }
      action = std::string(candidate);
    }
  }
  if (action.empty()) {
    problems.add(path, "a step needs one of http, wait, start, stop, kill, restart, sleep_ms");
    return step;
  }
  const rapidjson::Value& body = *findMember(value, action);
  std::string body_path = childPath(path, action);
  if (action == "http") {
    step.kind = StepKind::Http;
    step.request = parseHttpRequest(body, body_path, problems);
    step.name = step.request.method + " " + urlPath(step.request.url);
    if (const rapidjson::Value* expect = findMember(value, "expect")) {
      step.conditions = parseConditions(*expect, childPath(path, "expect"), problems);
    }
  } else if (action == "wait") {
    parseWait(body, body_path, processes, step, problems);
  } else if (action == "sleep_ms") {
    step.kind = StepKind::Sleep;
    step.sleep_ms = readInteger(value, "sleep_ms", path, problems, 0, 600000).value_or(0);
    step.name = "sleep " + std::to_string(step.sleep_ms) + " ms";
  } else {
    step.kind = action == "start"  ? StepKind::Start
                : action == "stop" ? StepKind::Stop
                : action == "kill" ? StepKind::Kill
                                   : StepKind::Restart;
    step.process = readString(value, action, path, problems).value_or("");
    if (!step.process.empty() && processes.count(step.process) == 0) {
      problems.add(body_path, "no process is named \"" + step.process + "\"");
    }
    step.name = action + " " + step.process;
  }
  if (findMember(value, "expect") != nullptr && action != "http") {
    problems.add(childPath(path, "expect"), "expect goes with http (a wait has until)");
  }
  if (const rapidjson::Value* save = findMember(value, "save")) {
    if (step.kind != StepKind::Http && step.kind != StepKind::WaitHttp) {
      problems.add(childPath(path, "save"), "save goes with http or wait on http");
    }
    step.save = parseSave(*save, childPath(path, "save"), problems);
  }
  if (findMember(value, "exit_code") != nullptr) {
    if (action != "stop") {
      problems.add(childPath(path, "exit_code"), "exit_code goes with stop");
    }
    std::optional<int64_t> code = readInteger(value, "exit_code", path, problems, 0, 255);
    if (code) {
      step.exit_code = static_cast<int>(*code);
    }
  }
  if (std::optional<std::string> name = readString(value, "name", path, problems)) {
    step.name = *name;
  }
  return step;
}

std::vector<std::string> savedVariables(const rapidjson::Value& step) {
  std::vector<std::string> vars;
  const rapidjson::Value* save = findMember(step, "save");
  if (save != nullptr && save->IsObject()) {
    for (const auto& member : save->GetObject()) {
      vars.emplace_back(member.name.GetString());
    }
  }
  return vars;
}

} // namespace hotline::sim::scenario
