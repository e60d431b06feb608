#include "simulators/scenario/src/condition_parser.h"

#include <cctype>

namespace hotline::sim::scenario {
namespace {

Condition parseCondition(const rapidjson::Value& value, const std::string& path,
                         Problems& problems) {
  Condition condition;
  condition.where = path;
  if (!checkObject(value, path, {"status", "path", "equals", "exists", "contains", "count"},
                   problems)) {
    return condition;
  }
  int operators = 0;
  for (const char* op : {"status", "equals", "exists", "contains", "count"}) {
    operators += findMember(value, op) != nullptr ? 1 : 0;
  }
  if (operators != 1) {
    problems.add(path, "a condition needs exactly one of status, equals, exists, contains, count "
                       "(found " +
                           std::to_string(operators) + ")");
    return condition;
  }
  std::optional<std::string> pointer = readString(value, "path", path, problems);
  if (pointer && !isJsonPointer(*pointer)) {
    problems.add(childPath(path, "path"),
                 "\"" + *pointer + "\" is not a JSON pointer (\"\" or \"/a/0/b\")");
  }
  condition.pointer = pointer;
  if (const rapidjson::Value* status = findMember(value, "status")) {
    condition.kind = ConditionKind::Status;
    if (pointer) {
      problems.add(childPath(path, "path"), "a status condition takes no path");
    }
    auto add = [&](const rapidjson::Value& code, const std::string& where) {
      if (!code.IsInt() || code.GetInt() < 100 || code.GetInt() > 599) {
        problems.add(where, "an HTTP status is an integer from 100 to 599, not " + jsonText(code));
      } else {
        condition.statuses.push_back(code.GetInt());
      }
    };
    if (status->IsArray() && !status->Empty()) {
      for (rapidjson::SizeType i = 0; i < status->Size(); ++i) {
        add((*status)[i], childPath(childPath(path, "status"), i));
      }
    } else {
      add(*status, childPath(path, "status"));
    }
    return condition;
  }
  if (const rapidjson::Value* contains = findMember(value, "contains")) {
    condition.kind = ConditionKind::Contains;
    if (!contains->IsString()) {
      problems.add(childPath(path, "contains"), "must be a string, not " + describeType(*contains));
    } else {
      condition.text = contains->GetString();
    }
    return condition;
  }
  if (!pointer) {
    problems.add(childPath(path, "path"), "missing: equals, exists and count need a JSON pointer "
                                          "into the body (\"\" = the whole body)");
  }
  if (const rapidjson::Value* equals = findMember(value, "equals")) {
    condition.kind = ConditionKind::Equals;
    condition.expected_json = jsonText(*equals);
  } else if (const rapidjson::Value* exists = findMember(value, "exists")) {
    condition.kind = ConditionKind::Exists;
    std::optional<bool> flag = readBool(value, "exists", path, problems);
    condition.exists = flag.value_or(true);
    (void)exists;
  } else {
    condition.kind = ConditionKind::Count;
    condition.count = readInteger(value, "count", path, problems, 0, 1000000000).value_or(0);
  }
  return condition;
}

} // namespace

std::vector<Condition> parseConditions(const rapidjson::Value& value, const std::string& path,
                                       Problems& problems) {
  std::vector<Condition> conditions;
  if (value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      conditions.push_back(parseCondition(value[i], childPath(path, i), problems));
    }
    if (value.Empty()) {
      problems.add(path, "an empty list of conditions");
    }
  } else {
    conditions.push_back(parseCondition(value, path, problems));
  }
  return conditions;
}

std::vector<SaveRule> parseSave(const rapidjson::Value& value, const std::string& path,
                                Problems& problems) {
  std::vector<SaveRule> rules;
  if (!value.IsObject()) {
    problems.add(path,
                 "must be an object {\"variable\": \"/json/pointer\"}, not " + describeType(value));
    return rules;
  }
  for (const auto& member : value.GetObject()) {
    std::string var = member.name.GetString();
    std::string where = childPath(path, var);
    bool name_ok =
        !var.empty() && (std::isalpha(static_cast<unsigned char>(var[0])) || var[0] == '_');
    for (char c : var) {
      name_ok = name_ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    }
    if (!name_ok || var == "tmp" || var == "scenario_dir") {
      problems.add(where, "\"" + var +
                              "\" cannot be a variable name ([A-Za-z_][A-Za-z0-9_]*, "
                              "not tmp or scenario_dir)");
    }
    if (!member.value.IsString() || !isJsonPointer(member.value.GetString())) {
      problems.add(where,
                   "must be a JSON pointer into the response body, not " + jsonText(member.value));
      continue;
    }
    rules.push_back(SaveRule{var, member.value.GetString()});
  }
  return rules;
}

} // namespace hotline::sim::scenario
