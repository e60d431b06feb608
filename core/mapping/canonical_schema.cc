#include "core/mapping/canonical_schema.h"

#include <rapidjson/document.h>

#include <array>
#include <deque>
#include <map>
#include <memory>

#include "core/mapping/mapping_keys.h"

namespace hotline::mapping {
namespace {

// Turns one schema document into SchemaNodes. Definitions are built once each and shared by
// every $ref to them; the schemas have no recursive definitions.
class SchemaTreeBuilder {
public:
  SchemaTreeBuilder(const rapidjson::Value& document, std::deque<SchemaNode>& arena)
      : document_(document), arena_(arena) {}

  const SchemaNode* build(const rapidjson::Value& schema, std::string definition = {}) {
    if (const rapidjson::Value* ref = member(schema, "$ref"); ref != nullptr && ref->IsString()) {
      return definitionNode(stringOf(*ref));
    }
    if (const rapidjson::Value* all = member(schema, "allOf"); all != nullptr && all->IsArray()) {
      // allOf only ever wraps one $ref here (to attach a description); a description of
      // "(personal)" still marks the wrapper.
      return all->Empty() ? anyNode() : build((*all)[0], definition);
    }
    SchemaNode& node = arena_.emplace_back();
    node.definition = std::move(definition);
    node.personal = isPersonal(schema);
    if (const rapidjson::Value* one_of = member(schema, "oneOf"); one_of != nullptr) {
      mergeAlternatives(*one_of, node);
      return &node;
    }
    node.type = typeOf(schema);
    const rapidjson::Value* additional = member(schema, "additionalProperties");
    node.open =
        node.type == SchemaNode::Type::Object && (additional == nullptr || !additional->IsFalse());
    fillProperties(schema, node);
    if (const rapidjson::Value* items = member(schema, "items"); items != nullptr) {
      node.items = build(*items);
    }
    if (const rapidjson::Value* values = member(schema, "enum"); values != nullptr) {
      for (const rapidjson::Value& value : values->GetArray()) {
        if (value.IsString()) {
          node.enum_values.emplace_back(stringOf(value));
        }
      }
    }
    return &node;
  }

private:
  const SchemaNode* definitionNode(std::string_view ref) {
    constexpr std::string_view kPrefix = "#/definitions/";
    const std::string name(ref.substr(ref.rfind('/') + 1));
    if (auto found = built_.find(name); found != built_.end()) {
      return found->second;
    }
    const rapidjson::Value* definitions = member(document_, "definitions");
    const rapidjson::Value* definition =
        definitions == nullptr || ref.substr(0, kPrefix.size()) != kPrefix
            ? nullptr
            : member(*definitions, name);
    const SchemaNode* node = definition == nullptr ? anyNode() : build(*definition, name);
    built_.emplace(name, node);
    return node;
  }

  void fillProperties(const rapidjson::Value& schema, SchemaNode& node) {
    const rapidjson::Value* properties = member(schema, "properties");
    if (properties == nullptr || !properties->IsObject()) {
      return;
    }
    for (auto it = properties->MemberBegin(); it != properties->MemberEnd(); ++it) {
      const SchemaNode* child = build(it->value);
      if (isPersonal(it->value) && !child->personal) {
        SchemaNode& marked = arena_.emplace_back(*child);
        marked.personal = true;
        child = &marked;
      }
      node.properties.emplace_back(std::string(stringOf(it->name)), child);
    }
  }

  // A ticket reference is {id} or {system, number}: for target paths, an object with all
  // three members.
  void mergeAlternatives(const rapidjson::Value& alternatives, SchemaNode& node) {
    node.type = SchemaNode::Type::Object;
    for (const rapidjson::Value& alternative : alternatives.GetArray()) {
      const SchemaNode* built = build(alternative);
      for (const auto& property : built->properties) {
        if (node.propertyIndex(property.first) == node.properties.size()) {
          node.properties.push_back(property);
        }
      }
    }
  }

  static bool isPersonal(const rapidjson::Value& schema) {
    const rapidjson::Value* description = member(schema, "description");
    return description != nullptr && description->IsString() &&
           stringOf(*description).find("(personal)") != std::string_view::npos;
  }

  static SchemaNode::Type typeOf(const rapidjson::Value& schema) {
    const rapidjson::Value* type = member(schema, "type");
    const std::string_view name = type != nullptr && type->IsString() ? stringOf(*type) : "";
    static constexpr std::array<std::pair<std::string_view, SchemaNode::Type>, 6> kTypes{{
        {"object", SchemaNode::Type::Object},
        {"array", SchemaNode::Type::Array},
        {"string", SchemaNode::Type::String},
        {"integer", SchemaNode::Type::Integer},
        {"number", SchemaNode::Type::Number},
        {"boolean", SchemaNode::Type::Boolean},
    }};
    for (const auto& [type_name, value] : kTypes) {
      if (name == type_name) {
        return value;
      }
    }
    return SchemaNode::Type::Any;
  }

  const SchemaNode* anyNode() { return &arena_.emplace_back(); }

  const rapidjson::Value& document_;
  std::deque<SchemaNode>& arena_;
  std::map<std::string, const SchemaNode*, std::less<>> built_;
};

struct SchemaForest {
  std::deque<SchemaNode> arena; // stable addresses
  std::array<const SchemaNode*, 8> roots{};
};

const SchemaNode* buildRoot(model::SchemaKind kind, std::deque<SchemaNode>& arena) {
  const bool is_record = kind != model::SchemaKind::Ticket && kind != model::SchemaKind::Event;
  const std::string_view text = kind == model::SchemaKind::Ticket  ? model::ticketSchemaJson()
                                : kind == model::SchemaKind::Event ? model::eventSchemaJson()
                                                                   : model::recordsSchemaJson();
  rapidjson::Document document;
  document.Parse(text.data(), text.size());
  if (document.HasParseError()) {
    return &arena.emplace_back(); // the model's schema tests rule this out
  }
  SchemaTreeBuilder builder(document, arena);
  if (!is_record) {
    return builder.build(document);
  }
  rapidjson::Value ref;
  const std::string target = "#/definitions/" + std::string(model::schemaKindName(kind));
  ref.SetObject();
  ref.AddMember("$ref", rapidjson::Value(target.c_str(), document.GetAllocator()),
                document.GetAllocator());
  return builder.build(ref);
}

} // namespace

size_t SchemaNode::propertyIndex(std::string_view name) const {
  for (size_t i = 0; i < properties.size(); ++i) {
    if (properties[i].first == name) {
      return i;
    }
  }
  return properties.size();
}

std::vector<std::string> SchemaNode::propertyNames() const {
  std::vector<std::string> names;
  names.reserve(properties.size());
  for (const auto& property : properties) {
    names.push_back(property.first);
  }
  return names;
}

const SchemaNode& canonicalSchema(model::SchemaKind kind) {
  static const std::unique_ptr<SchemaForest> kForest = [] {
    auto forest = std::make_unique<SchemaForest>();
    for (size_t i = 0; i < forest->roots.size(); ++i) {
      forest->roots[i] = buildRoot(static_cast<model::SchemaKind>(i), forest->arena);
    }
    return forest;
  }();
  return *kForest->roots[static_cast<size_t>(kind)];
}

std::string describeSchemaType(const SchemaNode& node) {
  switch (node.type) {
  case SchemaNode::Type::Object:
    return "an object" + (node.definition.empty() ? "" : " (" + node.definition + ")");
  case SchemaNode::Type::Array:
    if (node.items != nullptr && node.items->type == SchemaNode::Type::Object) {
      return "a list of objects" +
             (node.items->definition.empty() ? "" : " (" + node.items->definition + ")");
    }
    return "a list of strings";
  case SchemaNode::Type::String:
    return node.isTimestamp() ? "a time" : "a string";
  case SchemaNode::Type::Integer:
    return "an integer";
  case SchemaNode::Type::Number:
    return "a number";
  case SchemaNode::Type::Boolean:
    return "a boolean";
  case SchemaNode::Type::Any:
    break;
  }
  return "any value";
}

} // namespace hotline::mapping
