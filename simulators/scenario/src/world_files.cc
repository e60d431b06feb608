#include "simulators/scenario/src/world_files.h"

#include <rapidjson/pointer.h>

#include <fstream>

#include "simulators/scenario/src/json_reading.h"

namespace hotline::sim::scenario {
namespace {

rapidjson::Value& section(rapidjson::Document& doc, const char* name) {
  if (!doc.HasMember(name)) {
    doc.AddMember(rapidjson::Value(name, doc.GetAllocator()),
                  rapidjson::Value(rapidjson::kObjectType), doc.GetAllocator());
  }
  return doc[name];
}

void setMember(rapidjson::Document& doc, rapidjson::Value& object, const char* name,
               rapidjson::Value value, bool overwrite) {
  if (object.HasMember(name)) {
    if (overwrite) {
      object[name] = value;
    }
    return;
  }
  object.AddMember(rapidjson::Value(name, doc.GetAllocator()), value, doc.GetAllocator());
}

} // namespace

Variables prepareVariables(const Scenario& scenario, const std::string& tmp,
                           const std::map<std::string, int>& ports) {
  Variables variables;
  variables.tmp = tmp;
  variables.scenario_dir = scenario.dir;
  variables.ports = ports;
  for (const std::string& name : scenario.file_names) {
    variables.files[name] = tmp + "/" + name;
  }
  for (const ProcessSpec& process : scenario.processes) {
    variables.files[process.name + ".log"] = tmp + "/" + process.name + ".log";
    if (process.kind == ProcessKind::Gateway) {
      variables.files[process.name + ".config"] = tmp + "/" + process.name + ".config.json";
      variables.files[process.name + ".admin_token"] = tmp + "/" + process.name + ".admin.token";
    }
  }
  return variables;
}

Status writeScenarioFiles(const Scenario& scenario, const Variables& variables) {
  const rapidjson::Value* files = findMember(*scenario.raw, "files");
  if (files == nullptr) {
    return Status::ok();
  }
  for (const auto& member : files->GetObject()) {
    std::string name = member.name.GetString();
    rapidjson::Document content;
    content.CopyFrom(member.value, content.GetAllocator());
    HOTLINE_RETURN_IF_ERROR(
        substituteStrings(content, content.GetAllocator(), childPath("/files", name), variables));
    std::string path = variables.files.at(name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << (content.IsString() ? std::string(content.GetString(), content.GetStringLength())
                               : jsonText(content));
    if (!out.flush()) {
      return internalError("cannot write " + path + " (/files/" + name + ")");
    }
  }
  return Status::ok();
}

Result<std::string> completeGatewayConfig(const std::string& config_json,
                                          const GatewayPlacement& placement) {
  rapidjson::Document doc;
  doc.Parse(config_json.c_str(), config_json.size());
  if (doc.HasParseError() || !doc.IsObject()) {
    return invalidArgument("the gateway config is not a JSON object");
  }
  for (const char* name : {"http", "admin", "store"}) {
    if (doc.HasMember(name) && !doc[name].IsObject()) {
      return invalidArgument(std::string("the gateway config's \"") + name +
                             "\" must be an object");
    }
  }
  auto& allocator = doc.GetAllocator();
  setMember(doc, section(doc, "http"), "port", rapidjson::Value(placement.port), true);
  rapidjson::Value& admin = section(doc, "admin");
  setMember(doc, admin, "port", rapidjson::Value(placement.admin_port), true);
  setMember(doc, admin, "token_file", rapidjson::Value(placement.token_file.c_str(), allocator),
            false);
  setMember(doc, section(doc, "store"), "path",
            rapidjson::Value(placement.store_path.c_str(), allocator), false);
  return jsonText(doc);
}

} // namespace hotline::sim::scenario
