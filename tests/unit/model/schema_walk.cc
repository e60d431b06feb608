#include "tests/unit/model/schema_walk.h"

#include <rapidjson/pointer.h>

namespace hotline::model::samples {
namespace {

using Instances = std::vector<const rapidjson::Value*>;

const rapidjson::Value& resolve(const rapidjson::Value& root, const rapidjson::Value& schema) {
  auto ref = schema.FindMember("$ref");
  if (ref == schema.MemberEnd()) {
    return schema;
  }
  const std::string target = ref->value.GetString();
  const rapidjson::Value* found = rapidjson::Pointer(target.substr(1).c_str()).Get(root);
  return found == nullptr ? schema : resolve(root, *found);
}

void walk(const rapidjson::Value& root, const rapidjson::Value& raw, const Instances& instances,
          const std::string& path, std::vector<std::string>& missing) {
  const rapidjson::Value& schema = resolve(root, raw);
  for (const char* combinator : {"allOf", "oneOf", "anyOf"}) {
    if (auto it = schema.FindMember(combinator); it != schema.MemberEnd()) {
      for (const auto& branch : it->value.GetArray()) {
        walk(root, branch, instances, path, missing);
      }
    }
  }
  if (auto props = schema.FindMember("properties"); props != schema.MemberEnd()) {
    for (const auto& property : props->value.GetObject()) {
      Instances children;
      for (const rapidjson::Value* instance : instances) {
        if (instance->IsObject() && instance->HasMember(property.name)) {
          children.push_back(&(*instance)[property.name]);
        }
      }
      const std::string child_path = path + "/" + property.name.GetString();
      if (children.empty()) {
        missing.push_back(child_path);
      } else {
        walk(root, property.value, children, child_path, missing);
      }
    }
  }
  if (auto items = schema.FindMember("items"); items != schema.MemberEnd()) {
    Instances elements;
    for (const rapidjson::Value* instance : instances) {
      if (instance->IsArray()) {
        for (const auto& element : instance->GetArray()) {
          elements.push_back(&element);
        }
      }
    }
    walk(root, items->value, elements, path + "/*", missing);
  }
}

} // namespace

std::vector<std::string> propertiesMissingFrom(const rapidjson::Value& root,
                                               const rapidjson::Value& schema,
                                               const Instances& instances) {
  std::vector<std::string> missing;
  walk(root, schema, instances, "", missing);
  return missing;
}

std::vector<std::string> enumValuesOf(const rapidjson::Value& root, const char* definition) {
  std::vector<std::string> values;
  const rapidjson::Value& definitions = root["definitions"];
  if (!definitions.HasMember(definition) || !definitions[definition].HasMember("enum")) {
    return values;
  }
  for (const auto& value : definitions[definition]["enum"].GetArray()) {
    values.emplace_back(value.GetString());
  }
  return values;
}

} // namespace hotline::model::samples
