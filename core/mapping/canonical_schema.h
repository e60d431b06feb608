#pragma once
// The canonical model's JSON Schemas (core/model/schema/, compiled into hotline_model) seen
// as a tree the compiler can walk: which members a ticket has, in which order, of which type,
// which are lists, enums or personal. Built once per kind from the embedded schema text, so
// the mapping engine can never disagree with the model about what a target path means.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/schemas.h"

namespace hotline::mapping {

struct SchemaNode {
  enum class Type { Object, Array, String, Integer, Number, Boolean, Any };

  Type type = Type::Any;
  // Object: members in the schema's order, which is the canonical encoder's order.
  std::vector<std::pair<std::string, const SchemaNode*>> properties;
  const SchemaNode* items = nullptr;    // Array
  std::vector<std::string> enum_values; // String with an enum
  std::string definition;               // the #/definitions name it came from ("urgency")
  bool personal = false;                // "(personal)" in its description
  bool open = false;                    // an object that takes any member (an event's data)

  // Index of member `name` in `properties`, or properties.size().
  size_t propertyIndex(std::string_view name) const;
  std::vector<std::string> propertyNames() const;
  bool isTimestamp() const { return definition == "timestamp"; }
};

// The root node of `kind`'s schema. Built on first use and never freed (thread-safe).
const SchemaNode& canonicalSchema(model::SchemaKind kind);

// "a string", "an integer", "a list of objects (unit_ref)", ... for type-conflict messages.
std::string describeSchemaType(const SchemaNode& node);

} // namespace hotline::mapping
