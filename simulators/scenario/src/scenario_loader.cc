#include "simulators/scenario/src/scenario_loader.h"

#include <rapidjson/error/en.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "simulators/scenario/src/json_reading.h"
#include "simulators/scenario/src/step_parser.h"
#include "simulators/scenario/src/templates.h"

namespace hotline::sim::scenario {
namespace {

constexpr unsigned kParseFlags = rapidjson::kParseCommentsFlag;

bool isProcessName(const std::string& name) {
  if (name.empty() || name.size() > 63) {
    return false;
  }
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
      return false;
    }
  }
  return true;
}

bool isFileName(const std::string& name) {
  if (name.empty() || name == "." || name == ".." || name.size() > 100) {
    return false;
  }
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) {
      return false;
    }
  }
  return true;
}

ProcessSpec parseProcess(const rapidjson::Value& value, const std::string& path,
                         Problems& problems) {
  ProcessSpec spec;
  spec.where = path;
  if (!checkObject(value, path,
                   {"name", "sim", "gateway", "autostart", "ready_timeout_ms", "stop_grace_ms"},
                   problems)) {
    return spec;
  }
  spec.name = readString(value, "name", path, problems, true).value_or("");
  if (findMember(value, "name") != nullptr && !isProcessName(spec.name)) {
    problems.add(childPath(path, "name"),
                 "\"" + spec.name + "\" is not a process name ([a-z0-9_-], 1..63)");
  }
  const rapidjson::Value* sim = findMember(value, "sim");
  const rapidjson::Value* gateway = findMember(value, "gateway");
  if ((sim == nullptr) == (gateway == nullptr)) {
    problems.add(path, "a process is either \"sim\" (hotline-sim arguments) or \"gateway\" "
                       "(a gateway config object)");
  } else if (sim != nullptr) {
    spec.kind = ProcessKind::Sim;
    if (!sim->IsArray() || sim->Empty()) {
      problems.add(childPath(path, "sim"), "must be a non-empty array of strings, e.g. [\"core\"]");
    } else {
      for (rapidjson::SizeType i = 0; i < sim->Size(); ++i) {
        if (!(*sim)[i].IsString()) {
          problems.add(childPath(childPath(path, "sim"), i),
                       "must be a string, not " + describeType((*sim)[i]));
        } else {
          spec.args.emplace_back((*sim)[i].GetString());
        }
      }
    }
  } else if (!gateway->IsObject()) {
    problems.add(childPath(path, "gateway"), "must be a gateway config object");
  } else {
    spec.kind = ProcessKind::Gateway;
    spec.gateway_config = jsonText(*gateway);
  }
  spec.autostart = readBool(value, "autostart", path, problems).value_or(true);
  spec.ready_timeout_ms =
      readInteger(value, "ready_timeout_ms", path, problems, 1, 600000).value_or(30000);
  spec.stop_grace_ms =
      readInteger(value, "stop_grace_ms", path, problems, 0, 600000).value_or(15000);
  return spec;
}

void readTopLevel(const rapidjson::Document& doc, Scenario& scenario, Problems& problems) {
  if (!checkObject(doc, "",
                   {"scenario", "name", "description", "files", "ports", "processes", "steps"},
                   problems)) {
    return;
  }
  std::optional<int64_t> version = readInteger(doc, "scenario", "", problems, 1, 1, true);
  (void)version;
  scenario.name = readString(doc, "name", "", problems)
                      .value_or(std::filesystem::path(scenario.file).stem().string());
  scenario.description = readString(doc, "description", "", problems).value_or("");
  if (const rapidjson::Value* files = findMember(doc, "files")) {
    if (!files->IsObject()) {
      problems.add("/files", "must be an object {\"name\": \"text\" or a JSON value}");
    } else {
      for (const auto& member : files->GetObject()) {
        std::string name = member.name.GetString();
        if (!isFileName(name)) {
          problems.add(childPath("/files", name), "\"" + name +
                                                      "\" is not a file name "
                                                      "([A-Za-z0-9_.-])");
        }
        scenario.file_names.push_back(name);
      }
    }
  }
  if (const rapidjson::Value* ports = findMember(doc, "ports")) {
    for (rapidjson::SizeType i = 0; ports->IsArray() && i < ports->Size(); ++i) {
      if (!(*ports)[i].IsString() || !isProcessName((*ports)[i].GetString())) {
        problems.add(childPath("/ports", i), "must be a port name ([a-z0-9_-])");
      } else {
        scenario.extra_ports.emplace_back((*ports)[i].GetString());
      }
    }
    if (!ports->IsArray()) {
      problems.add("/ports", "must be an array of names");
    }
  }
}

void checkUnique(const std::vector<std::string>& names, const std::string& what,
                 const std::string& path, Problems& problems) {
  std::set<std::string> seen;
  for (const std::string& name : names) {
    if (!seen.insert(name).second) {
      problems.add(path, "two " + what + " are named \"" + name + "\"");
    }
  }
}

void checkAllReferences(const rapidjson::Document& doc, const Scenario& scenario,
                        Problems& problems) {
  KnownNames known;
  for (const std::string& name : portNames(scenario)) {
    known.ports.insert(name);
  }
  for (const std::string& name : fileNames(scenario)) {
    known.files.insert(name);
  }
  known.vars_allowed = false;
  known.file_text_allowed = false;
  if (const rapidjson::Value* files = findMember(doc, "files")) {
    checkReferences(*files, "/files", known, problems);
  }
  known.file_text_allowed = true;
  if (const rapidjson::Value* processes = findMember(doc, "processes")) {
    checkReferences(*processes, "/processes", known, problems);
  }
  known.vars_allowed = true;
  const rapidjson::Value* steps = findMember(doc, "steps");
  for (rapidjson::SizeType i = 0; steps != nullptr && steps->IsArray() && i < steps->Size(); ++i) {
    checkReferences((*steps)[i], childPath("/steps", i), known, problems);
    for (const std::string& var : savedVariables((*steps)[i])) {
      known.vars.insert(var);
    }
  }
}

} // namespace

std::vector<std::string> portNames(const Scenario& scenario) {
  std::vector<std::string> names = scenario.extra_ports;
  for (const ProcessSpec& process : scenario.processes) {
    names.push_back(process.name);
    if (process.kind == ProcessKind::Gateway) {
      names.push_back(process.name + ".admin");
    }
  }
  return names;
}

std::vector<std::string> fileNames(const Scenario& scenario) {
  std::vector<std::string> names = scenario.file_names;
  for (const ProcessSpec& process : scenario.processes) {
    names.push_back(process.name + ".log");
    if (process.kind == ProcessKind::Gateway) {
      names.push_back(process.name + ".config");
      names.push_back(process.name + ".admin_token");
    }
  }
  return names;
}

LoadResult loadScenarioText(const std::string& text, const std::string& file,
                            const std::string& dir) {
  LoadResult result;
  auto doc = std::make_shared<rapidjson::Document>();
  doc->Parse<kParseFlags>(text.c_str(), text.size());
  if (doc->HasParseError()) {
    size_t offset = doc->GetErrorOffset();
    size_t line = 1 + static_cast<size_t>(
                          std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
    size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    size_t column = offset - (line_start == std::string::npos ? 0 : line_start + 1) + 1;
    result.problems.push_back("not JSON at line " + std::to_string(line) + ", column " +
                              std::to_string(column) + ": " +
                              rapidjson::GetParseError_En(doc->GetParseError()));
    return result;
  }
  Scenario scenario;
  scenario.file = file;
  scenario.dir = dir;
  Problems problems;
  readTopLevel(*doc, scenario, problems);
  std::set<std::string> process_names;
  const rapidjson::Value* processes = findMember(*doc, "processes");
  if (processes != nullptr && !processes->IsArray()) {
    problems.add("/processes", "must be an array of processes");
  }
  for (rapidjson::SizeType i = 0;
       processes != nullptr && processes->IsArray() && i < processes->Size(); ++i) {
    scenario.processes.push_back(
        parseProcess((*processes)[i], childPath("/processes", i), problems));
    process_names.insert(scenario.processes.back().name);
  }
  const rapidjson::Value* steps = findMember(*doc, "steps");
  if (steps == nullptr || !steps->IsArray() || steps->Empty()) {
    problems.add("/steps", "missing: a non-empty array of steps is required");
  }
  for (rapidjson::SizeType i = 0; steps != nullptr && steps->IsArray() && i < steps->Size(); ++i) {
    scenario.steps.push_back(
        parseStep((*steps)[i], childPath("/steps", i), process_names, problems));
  }
  checkUnique(portNames(scenario), "ports or processes", "/processes", problems);
  checkUnique(fileNames(scenario), "files", "/files", problems);
  if (doc->IsObject()) {
    checkAllReferences(*doc, scenario, problems);
  }
  if (!problems.empty()) {
    result.problems = problems.list();
    return result;
  }
  scenario.raw = doc;
  result.scenario = std::move(scenario);
  return result;
}

LoadResult loadScenarioFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result;
    result.problems.push_back("cannot read the file: " + std::string(std::strerror(errno)));
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::filesystem::path absolute = std::filesystem::absolute(path).lexically_normal();
  return loadScenarioText(text.str(), path, absolute.parent_path().string());
}

} // namespace hotline::sim::scenario
