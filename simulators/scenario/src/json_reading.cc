#include "simulators/scenario/src/json_reading.h"

#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace hotline::sim::scenario {

std::string childPath(const std::string& path, std::string_view key) {
  std::string out = path + "/";
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string childPath(const std::string& path, size_t index) {
  return path + "/" + std::to_string(index);
}

std::string jsonText(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string describeType(const rapidjson::Value& value) {
  if (value.IsNull()) {
    return "null";
  }
  if (value.IsBool()) {
    return "a boolean";
  }
  if (value.IsNumber()) {
    return "a number";
  }
  if (value.IsString()) {
    return "a string";
  }
  return value.IsArray() ? "an array" : "an object";
}

void Problems::add(const std::string& where, const std::string& what) {
  list_.push_back((where.empty() ? std::string("(top level)") : where) + ": " + what);
}

std::string Problems::text(const std::string& file) const {
  std::string out;
  for (const std::string& problem : list_) {
    out += file + ": " + problem + "\n";
  }
  return out;
}

bool checkObject(const rapidjson::Value& value, const std::string& path,
                 std::initializer_list<std::string_view> allowed, Problems& problems) {
  if (!value.IsObject()) {
    problems.add(path, "must be an object, not " + describeType(value));
    return false;
  }
  for (const auto& member : value.GetObject()) {
    std::string_view name(member.name.GetString(), member.name.GetStringLength());
    bool known = false;
    for (std::string_view candidate : allowed) {
      known = known || candidate == name;
    }
    if (!known) {
      std::string list;
      for (std::string_view candidate : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(candidate);
      }
      problems.add(childPath(path, name),
                   "unknown member \"" + std::string(name) + "\" (allowed here: " + list + ")");
    }
  }
  return true;
}

const rapidjson::Value* findMember(const rapidjson::Value& object, std::string_view name) {
  if (!object.IsObject()) {
    return nullptr;
  }
  auto it = object.FindMember(rapidjson::Value(rapidjson::StringRef(name.data(), name.size())));
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::optional<std::string> readString(const rapidjson::Value& object, std::string_view name,
                                      const std::string& path, Problems& problems, bool required) {
  const rapidjson::Value* value = findMember(object, name);
  if (value == nullptr) {
    if (required) {
      problems.add(childPath(path, name), "missing (a string is required)");
    }
    return std::nullopt;
  }
  if (!value->IsString()) {
    problems.add(childPath(path, name), "must be a string, not " + describeType(*value));
    return std::nullopt;
  }
  return std::string(value->GetString(), value->GetStringLength());
}

std::optional<int64_t> readInteger(const rapidjson::Value& object, std::string_view name,
                                   const std::string& path, Problems& problems, int64_t min,
                                   int64_t max, bool required) {
  const rapidjson::Value* value = findMember(object, name);
  if (value == nullptr) {
    if (required) {
      problems.add(childPath(path, name), "missing (an integer is required)");
    }
    return std::nullopt;
  }
  if (!value->IsInt64() || value->GetInt64() < min || value->GetInt64() > max) {
    problems.add(childPath(path, name), "must be an integer from " + std::to_string(min) + " to " +
                                            std::to_string(max) + ", not " + jsonText(*value));
    return std::nullopt;
  }
  return value->GetInt64();
}

std::optional<bool> readBool(const rapidjson::Value& object, std::string_view name,
                             const std::string& path, Problems& problems) {
  const rapidjson::Value* value = findMember(object, name);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->IsBool()) {
    problems.add(childPath(path, name), "must be true or false, not " + jsonText(*value));
    return std::nullopt;
  }
  return value->GetBool();
}

bool isJsonPointer(const std::string& pointer) {
  return rapidjson::Pointer(pointer.c_str(), pointer.size()).IsValid();
}

} // namespace hotline::sim::scenario
