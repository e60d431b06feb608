#include "simulators/scenario/src/world.h"

#include <rapidjson/pointer.h>

#include <algorithm>
#include <csignal>
#include <deque>
#include <fstream>

#include "simulators/scenario/src/json_reading.h"
#include "simulators/scenario/src/ports.h"
#include "simulators/scenario/src/world_files.h"

namespace hotline::sim::scenario {

World::World(const Scenario& scenario, const Variables& variables, Binaries binaries,
             Interruption& interruption, std::ostream* verbose)
    : scenario_(scenario), variables_(variables), binaries_(std::move(binaries)),
      interruption_(interruption), verbose_(verbose) {
  for (const ProcessSpec& spec : scenario.processes) {
    auto entry = std::make_unique<Entry>();
    entry->spec = &spec;
    entries_[spec.name] = std::move(entry);
  }
}

World::~World() = default;

Result<std::vector<std::string>> World::commandLine(const Entry& entry) {
  const ProcessSpec& spec = *entry.spec;
  const rapidjson::Value* raw = rapidjson::Pointer(spec.where.c_str()).Get(*scenario_.raw);
  rapidjson::Document doc;
  doc.CopyFrom(*raw, doc.GetAllocator());
  HOTLINE_RETURN_IF_ERROR(substituteStrings(doc, doc.GetAllocator(), spec.where, variables_));
  int port = variables_.ports.at(spec.name);
  if (spec.kind == ProcessKind::Sim) {
    std::vector<std::string> argv{binaries_.sim};
    for (const auto& arg : doc["sim"].GetArray()) {
      argv.emplace_back(arg.GetString(), arg.GetStringLength());
    }
    argv.insert(argv.end(), {"--port", std::to_string(port)});
    return argv;
  }
  GatewayPlacement placement{port, variables_.ports.at(spec.name + ".admin"),
                             variables_.files.at(spec.name + ".admin_token"),
                             variables_.tmp + "/" + spec.name + ".db"};
  Result<std::string> config = completeGatewayConfig(jsonText(doc["gateway"]), placement);
  if (!config) {
    return config.status().withContext(spec.where + "/gateway");
  }
  std::string config_path = variables_.files.at(spec.name + ".config");
  std::ofstream out(config_path, std::ios::trunc);
  out << *config << "\n";
  if (!out.flush()) {
    return internalError("cannot write the gateway config " + config_path);
  }
  return std::vector<std::string>{binaries_.gateway, "run", "--config", config_path};
}

Status World::start(const std::string& name) {
  Entry& entry = *entries_.at(name);
  if (entry.process.running()) {
    return failedPrecondition(name + " is running already (pid " +
                              std::to_string(entry.process.pid()) + ")");
  }
  Result<std::vector<std::string>> argv = commandLine(entry);
  if (!argv) {
    return argv.status();
  }
  std::string command;
  for (const std::string& arg : *argv) {
    command += (command.empty() ? "" : " ") + arg;
  }
  ++entry.starts;
  std::ofstream(logPath(name), std::ios::app)
      << "=== hotline-sim scenario: start #" << entry.starts << ": " << command << "\n";
  if (verbose_ != nullptr) {
    *verbose_ << "      $ " << command << "\n";
  }
  HOTLINE_RETURN_IF_ERROR(entry.process.start(*argv, variables_.tmp, logPath(name)));
  start_order_.erase(std::remove(start_order_.begin(), start_order_.end(), name),
                     start_order_.end());
  start_order_.push_back(name);
  return awaitReady(entry);
}

Status World::awaitReady(Entry& entry) {
  const ProcessSpec& spec = *entry.spec;
  int port = variables_.ports.at(spec.name);
  bool gateway = spec.kind == ProcessKind::Gateway;
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(spec.ready_timeout_ms);
  while (true) {
    if (!entry.process.running()) {
      return unavailable(spec.name + " ended (" + describeExit(*entry.process.exitCode()) +
                         ") before it was ready; the end of its log " + logPath(spec.name) + ":\n" +
                         logTail(spec.name, 15));
    }
    if (gateway ? answersHealthz(port) : acceptsConnections(port)) {
      return Status::ok();
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return unavailable(
          spec.name + " not ready within " + std::to_string(spec.ready_timeout_ms) + " ms (" +
          (gateway ? "GET /healthz on port " + std::to_string(port) + " never answered 200"
                   : "port " + std::to_string(port) + " never accepted a connection") +
          "); the end of its log:\n" + logTail(spec.name, 15));
    }
    if (!interruption_.sleepFor(std::chrono::milliseconds(50))) {
      return unavailable("interrupted while waiting for " + spec.name);
    }
  }
}

Result<int> World::stop(const std::string& name, int signal) {
  Entry& entry = *entries_.at(name);
  if (!entry.process.running()) {
    return failedPrecondition(name + " is not running" +
                              (entry.process.exitCode()
                                   ? " (it ended: " + describeExit(*entry.process.exitCode()) + ")"
                                   : std::string()));
  }
  std::optional<int> code =
      entry.process.stop(signal, std::chrono::milliseconds(entry.spec->stop_grace_ms));
  if (!code) {
    return internalError(name + " (pid " + std::to_string(entry.process.pid()) +
                         ") did not end even after SIGKILL");
  }
  return *code;
}

void World::stopAll(std::ostream& out) {
  for (auto it = start_order_.rbegin(); it != start_order_.rend(); ++it) {
    Entry& entry = *entries_.at(*it);
    if (!entry.process.running()) {
      if (verbose_ != nullptr && entry.process.exitCode()) {
        out << "      " << *it << " had ended: " << describeExit(*entry.process.exitCode()) << "\n";
      }
      continue;
    }
    Result<int> code = stop(*it, SIGTERM);
    if (verbose_ != nullptr || !code || (*code != 0 && *code != 128 + SIGTERM)) {
      out << "      stopped " << *it << ": "
          << (code ? describeExit(*code) : code.status().message()) << "\n";
    }
  }
}

bool World::running(const std::string& name) {
  return entries_.at(name)->process.running();
}

std::string World::logPath(const std::string& name) const {
  return variables_.files.at(name + ".log");
}

std::string World::logTail(const std::string& name, size_t lines) const {
  std::ifstream in(logPath(name));
  std::deque<std::string> tail;
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > 300) {
      line = line.substr(0, 300) + "...";
    }
    tail.push_back(line);
    if (tail.size() > lines) {
      tail.pop_front();
    }
  }
  std::string out;
  for (const std::string& kept : tail) {
    out += "        | " + kept + "\n";
  }
  return out.empty() ? "        | (empty)\n" : out;
}

std::vector<std::string> World::names() const {
  std::vector<std::string> names;
  for (const ProcessSpec& spec : scenario_.processes) {
    names.push_back(spec.name);
  }
  return names;
}

} // namespace hotline::sim::scenario
