#include "simulators/scenario/src/step_runner.h"

#include <rapidjson/pointer.h>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <sstream>

#include "simulators/scenario/src/conditions.h"
#include "simulators/scenario/src/http_exchange.h"
#include "simulators/scenario/src/step_parser.h"

namespace hotline::sim::scenario {
namespace {

using Clock = std::chrono::steady_clock;

long long since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

StepOutcome failed(std::string why) {
  StepOutcome outcome;
  outcome.details.push_back(std::move(why));
  return outcome;
}

std::string interruptedText(int signal) {
  const char* abbrev = sigabbrev_np(signal);
  return std::string("interrupted by SIG") + (abbrev != nullptr ? abbrev : "?");
}

// The log of the process's latest start: what follows the runner's last start marker.
std::string currentLog(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string log = text.str();
  size_t marker = log.rfind("=== hotline-sim scenario: start #");
  if (marker == std::string::npos) {
    return log;
  }
  size_t line_end = log.find('\n', marker);
  return line_end == std::string::npos ? std::string() : log.substr(line_end + 1);
}

} // namespace

StepRunner::StepRunner(const Scenario& scenario, Variables& variables, World& world,
                       Interruption& interruption, bool verbose)
    : scenario_(scenario), variables_(variables), world_(world), interruption_(interruption),
      verbose_(verbose) {
  for (const ProcessSpec& process : scenario.processes) {
    process_names_.insert(process.name);
  }
}

StepOutcome StepRunner::run(const Step& loaded) {
  const rapidjson::Value* raw = rapidjson::Pointer(loaded.where.c_str()).Get(*scenario_.raw);
  rapidjson::Document doc;
  doc.CopyFrom(*raw, doc.GetAllocator());
  Status substituted = substituteStrings(doc, doc.GetAllocator(), loaded.where, variables_);
  if (!substituted.isOk()) {
    return failed(substituted.message());
  }
  Problems problems;
  Step step = parseStep(doc, loaded.where, process_names_, problems);
  if (!problems.empty()) {
    StepOutcome outcome;
    outcome.details = problems.list();
    return outcome;
  }
  StepOutcome outcome;
  switch (step.kind) {
  case StepKind::Http:
    outcome = runHttp(step);
    break;
  case StepKind::WaitHttp:
    outcome = runWaitHttp(step);
    break;
  case StepKind::WaitLog:
    outcome = runWaitLog(step);
    break;
  case StepKind::Sleep:
    outcome.passed = interruption_.sleepFor(std::chrono::milliseconds(step.sleep_ms));
    break;
  default:
    outcome = runProcessStep(step);
  }
  if (interruption_.interrupted()) {
    outcome.passed = false;
    outcome.details.push_back(interruptedText(interruption_.signal()));
  }
  return outcome;
}

StepOutcome StepRunner::runHttp(const Step& step) {
  StepOutcome outcome;
  HttpResponse response =
      performHttp(step.request, std::chrono::milliseconds(step.request.timeout_ms));
  if (verbose_) {
    outcome.details.push_back("request: " + step.request.method + " " + step.request.url +
                              (step.request.body ? " " + *step.request.body : ""));
    outcome.details.push_back("response: " + describeResponse(response, 2000));
  }
  if (std::optional<std::string> why = firstFailure(step.conditions, response, true)) {
    outcome.details.push_back(*why);
    if (!verbose_) {
      outcome.details.push_back("response: " + describeResponse(response));
    }
    return outcome;
  }
  outcome.passed = save(step, response.body, outcome);
  return outcome;
}

StepOutcome StepRunner::runWaitHttp(const Step& step) {
  StepOutcome outcome;
  auto start = Clock::now();
  auto deadline = start + std::chrono::milliseconds(step.timeout_ms);
  int polls = 0;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    auto timeout = std::clamp(left, std::chrono::milliseconds(100),
                              std::chrono::milliseconds(step.request.timeout_ms));
    HttpResponse response = performHttp(step.request, timeout);
    ++polls;
    std::optional<std::string> why = firstFailure(step.conditions, response, false);
    if (!why) {
      if (verbose_) {
        outcome.details.push_back("held after " + std::to_string(polls) +
                                  " polls; response: " + describeResponse(response, 2000));
      }
      outcome.passed = save(step, response.body, outcome);
      return outcome;
    }
    if (Clock::now() >= deadline || interruption_.interrupted()) {
      std::string waited = interruption_.interrupted()
                               ? "stopped waiting after " + std::to_string(since(start)) + " ms"
                               : "not met within " + std::to_string(step.timeout_ms) + " ms";
      outcome.details.push_back(waited + " (" + std::to_string(polls) + " polls of " +
                                step.request.method + " " + step.request.url + ")");
      outcome.details.push_back("failing condition " + *why);
      outcome.details.push_back("last response: " + describeResponse(response));
      return outcome;
    }
    interruption_.sleepFor(std::chrono::milliseconds(step.interval_ms));
  }
}

StepOutcome StepRunner::runWaitLog(const Step& step) {
  auto deadline = Clock::now() + std::chrono::milliseconds(step.timeout_ms);
  std::string path = world_.logPath(step.process);
  while (currentLog(path).find(step.log_text) == std::string::npos) {
    if (Clock::now() >= deadline || interruption_.interrupted()) {
      return failed("\"" + step.log_text + "\" did not appear in the log of " + step.process +
                    " within " + std::to_string(step.timeout_ms) + " ms; it ends:\n" +
                    world_.logTail(step.process, 10));
    }
    interruption_.sleepFor(std::chrono::milliseconds(step.interval_ms));
  }
  StepOutcome outcome;
  outcome.passed = true;
  return outcome;
}

StepOutcome StepRunner::runProcessStep(const Step& step) {
  StepOutcome outcome;
  if (step.kind == StepKind::Stop || step.kind == StepKind::Kill ||
      (step.kind == StepKind::Restart && world_.running(step.process))) {
    Result<int> code = world_.stop(step.process, step.kind == StepKind::Kill ? SIGKILL : SIGTERM);
    if (!code) {
      return failed(code.status().message());
    }
    if (verbose_) {
      outcome.details.push_back(step.process + " ended: " + describeExit(*code));
    }
    if (step.exit_code && *code != *step.exit_code) {
      return failed(step.process + " ended with " + describeExit(*code) + ", expected exit code " +
                    std::to_string(*step.exit_code) + "; the end of its log:\n" +
                    world_.logTail(step.process, 10));
    }
  }
  if (step.kind == StepKind::Start || step.kind == StepKind::Restart) {
    Status started = world_.start(step.process);
    if (!started.isOk()) {
      return failed(started.message());
    }
  }
  outcome.passed = true;
  return outcome;
}

bool StepRunner::save(const Step& step, const std::string& body, StepOutcome& outcome) {
  for (const SaveRule& rule : step.save) {
    std::string why;
    std::optional<std::string> value = extractValue(body, rule.pointer, why);
    if (!value) {
      outcome.details.push_back(step.where + "/save/" + rule.var + ": cannot save ${" + rule.var +
                                "}: " + why);
      return false;
    }
    variables_.saved[rule.var] = *value;
    if (verbose_) {
      outcome.details.push_back("saved ${" + rule.var + "} = " + *value);
    }
  }
  return true;
}

} // namespace hotline::sim::scenario
