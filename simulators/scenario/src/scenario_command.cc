#include "simulators/scenario/src/scenario_command.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "simulators/scenario/src/interruption.h"
#include "simulators/scenario/src/ports.h"
#include "simulators/scenario/src/report.h"
#include "simulators/scenario/src/scenario_loader.h"
#include "simulators/scenario/src/step_runner.h"
#include "simulators/scenario/src/world.h"
#include "simulators/scenario/src/world_files.h"

namespace hotline::sim::scenario {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kUsage =
    "usage: hotline-sim scenario FILE [--keep] [--verbose] [--gateway-bin PATH]\n"
    "  runs a scenario file (simulators/scenario/README.md): starts its processes on free\n"
    "  ports, runs its steps, stops everything. Exit 0 all passed, 1 a step failed, 2 a bad\n"
    "  file or command line.\n"
    "  --keep         keep the temp dir (logs, configs, stores) and print its path\n"
    "  --verbose      print requests, responses, saved values and command lines\n"
    "  --gateway-bin  the hotline-gateway binary (default: beside hotline-sim)\n";

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

std::string makeTempDir(const std::string& name) {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base != nullptr && *base != '\0' ? base : "/tmp") +
                        "/hotline-scenario-" + name.substr(0, 40) + "-XXXXXX";
  for (char& c : pattern) {
    c = c == ' ' ? '_' : c;
  }
  return ::mkdtemp(pattern.data()) == nullptr ? std::string() : pattern;
}

// Runs the processes and steps; the number of steps passed, and the failed step's label.
struct RunResult {
  size_t passed = 0;
  std::string failed;
};

RunResult runAll(const Scenario& scenario, Variables& variables, World& world,
                 Interruption& interruption, bool verbose, Report& report) {
  RunResult result;
  for (const ProcessSpec& process : scenario.processes) {
    if (!process.autostart) {
      continue;
    }
    auto start = Clock::now();
    Status started = world.start(process.name);
    report.line(started.isOk(), "start " + process.name, since(start));
    if (!started.isOk()) {
      report.detail(started.message());
      result.failed = "start " + process.name;
      return result;
    }
  }
  StepRunner runner(scenario, variables, world, interruption, verbose);
  for (size_t i = 0; i < scenario.steps.size(); ++i) {
    const Step& step = scenario.steps[i];
    auto start = Clock::now();
    StepOutcome outcome = runner.run(step);
    std::string label = "[" + std::to_string(i + 1) + "] " + step.name;
    report.line(outcome.passed, label, since(start));
    for (const std::string& detail : outcome.details) {
      report.detail(detail);
    }
    if (!outcome.passed) {
      result.failed = "step " + std::to_string(i + 1) + " \"" + step.name + "\"";
      return result;
    }
    ++result.passed;
  }
  return result;
}

} // namespace

int runScenarioFile(const ScenarioOptions& options, std::ostream& out, std::ostream& err,
                    StopSignals* signals) {
  auto began = Clock::now();
  LoadResult loaded = loadScenarioFile(options.file);
  if (!loaded.scenario) {
    for (const std::string& problem : loaded.problems) {
      err << options.file << ": " << problem << "\n";
    }
    err << options.file << ": " << loaded.problems.size() << " problem(s); nothing was run\n";
    return 2;
  }
  const Scenario& scenario = *loaded.scenario;
  Binaries binaries{options.sim_bin, options.gateway_bin};
  if (binaries.sim.empty()) {
    std::error_code ec;
    binaries.sim = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  }
  if (binaries.gateway.empty()) {
    binaries.gateway =
        (std::filesystem::path(binaries.sim).parent_path() / "hotline-gateway").string();
  }
  for (const ProcessSpec& process : scenario.processes) {
    const std::string& binary =
        process.kind == ProcessKind::Gateway ? binaries.gateway : binaries.sim;
    if (::access(binary.c_str(), X_OK) != 0) {
      err << options.file << ": process \"" << process.name << "\" needs " << binary
          << ", which is not an executable file"
          << (process.kind == ProcessKind::Gateway
                  ? " (build hotline-gateway, or pass --gateway-bin)"
                  : "")
          << "\n";
      return 2;
    }
  }
  std::string tmp = makeTempDir(scenario.name);
  if (tmp.empty()) {
    err << "hotline-sim scenario: cannot create a temp dir: " << std::strerror(errno) << "\n";
    return 1;
  }
  Report report(out);
  report.header(scenario.name, scenario.description);
  if (options.keep) {
    out << "  temp dir " << tmp << " (kept)\n";
  }
  RunResult result;
  int interrupt_signal = 0;
  {
    Result<std::map<std::string, int>> ports = allocateFreePorts(portNames(scenario));
    Variables variables =
        prepareVariables(scenario, tmp, ports ? *ports : std::map<std::string, int>{});
    Status setup = ports ? writeScenarioFiles(scenario, variables) : ports.status();
    Interruption interruption(signals);
    World world(scenario, variables, binaries, interruption, options.verbose ? &out : nullptr);
    if (!setup.isOk()) {
      report.line(false, "set up " + tmp, since(began));
      report.detail(setup.message());
      result.failed = "set up";
    } else {
      result = runAll(scenario, variables, world, interruption, options.verbose, report);
    }
    world.stopAll(out);
    interrupt_signal = interruption.signal();
    if (!result.failed.empty()) {
      for (const std::string& name : world.names()) {
        out << "  log of " << name << " (" << world.logPath(name) << "), last lines:\n"
            << world.logTail(name, 12);
      }
      if (!options.keep) {
        out << "  (run with --keep to keep the logs)\n";
      }
    }
  }
  report.summary(scenario.name, result.passed, scenario.steps.size(), result.failed,
                 interrupt_signal, since(began));
  if (!options.keep) {
    std::error_code ec;
    std::filesystem::remove_all(tmp, ec);
  }
  return result.failed.empty() && interrupt_signal == 0 ? 0 : 1;
}

int runScenario(std::span<const std::string> args, StopSignals& signals) {
  ScenarioOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (arg == "--keep") {
      options.keep = true;
    } else if (arg == "--verbose" || arg == "-v") {
      options.verbose = true;
    } else if (arg == "--gateway-bin" && i + 1 < args.size()) {
      // Absolute: processes run with the scenario's temp dir as their working directory.
      options.gateway_bin = std::filesystem::absolute(args[++i]).string();
    } else if (arg.rfind("--", 0) == 0 || !options.file.empty()) {
      std::cerr << "hotline-sim scenario: unexpected argument \"" << arg << "\""
                << (arg == "--gateway-bin" ? " (it needs a path)" : "") << "\n"
                << kUsage;
      return 2;
    } else {
      options.file = arg;
    }
  }
  if (options.file.empty()) {
    std::cerr << "hotline-sim scenario: no scenario file given\n" << kUsage;
    return 2;
  }
  return runScenarioFile(options, std::cout, std::cerr, &signals);
}

} // namespace hotline::sim::scenario
