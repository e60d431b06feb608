#include "core/mapping/target_coercion.h"

#include <algorithm>

#include "core/mapping/number_text.h"
#include "core/mapping/transform_families.h"

namespace hotline::mapping {
namespace {

std::string_view typeName(ValueType type) {
  switch (type) {
  case ValueType::Number:
    return "a number";
  case ValueType::Bool:
    return "a boolean";
  case ValueType::List:
    return "a list";
  case ValueType::Scalar:
  case ValueType::Text:
    break;
  }
  return "text";
}

std::string_view targetName(TargetType::Kind kind) {
  switch (kind) {
  case TargetType::Kind::Text:
    return "a string";
  case TargetType::Kind::Integer:
    return "an integer";
  case TargetType::Kind::Number:
    return "a number";
  case TargetType::Kind::Boolean:
    return "a boolean";
  case TargetType::Kind::TextList:
    return "a list of strings";
  case TargetType::Kind::Any:
    break;
  }
  return "any value";
}

std::string enumList(const TargetType& target) {
  std::string list;
  for (const std::string& value : *target.enum_values) {
    list += list.empty() ? "" : ", ";
    list += value;
  }
  return list;
}

std::optional<TransformFailure> toNumber(Value& value, bool whole) {
  if (value.kind == ValueKind::Bool || value.isList()) {
    return TransformFailure{whole ? "is not an integer" : "is not a number"};
  }
  std::optional<std::string> number = normaliseDecimal(value.text);
  if (!number) {
    return TransformFailure{"is not a number"};
  }
  if (whole && !isWholeNumber(*number)) {
    return TransformFailure{"is not an integer"};
  }
  value.setNumber(std::move(*number));
  return std::nullopt;
}

std::optional<TransformFailure> toText(Value& value, const TargetType& target) {
  if (value.isList()) {
    return TransformFailure{"is a list, but the field takes one value"};
  }
  value.keepTextAsString();
  if (std::optional<std::string> conflict = enumConflict(value.text, target)) {
    return TransformFailure{*conflict};
  }
  return std::nullopt;
}

} // namespace

TargetType targetTypeOf(const SchemaNode& node) {
  TargetType type;
  switch (node.type) {
  case SchemaNode::Type::String:
    type.kind = TargetType::Kind::Text;
    if (!node.enum_values.empty()) {
      type.enum_values = &node.enum_values;
      type.enum_name = node.definition;
    }
    break;
  case SchemaNode::Type::Integer:
    type.kind = TargetType::Kind::Integer;
    break;
  case SchemaNode::Type::Number:
    type.kind = TargetType::Kind::Number;
    break;
  case SchemaNode::Type::Boolean:
    type.kind = TargetType::Kind::Boolean;
    break;
  case SchemaNode::Type::Array:
    type.kind = TargetType::Kind::TextList;
    break;
  case SchemaNode::Type::Object:
  case SchemaNode::Type::Any:
    break;
  }
  return type;
}

std::optional<std::string> typeConflict(ValueType type, const TargetType& target) {
  bool conflict = false;
  switch (target.kind) {
  case TargetType::Kind::Text:
    conflict = type == ValueType::Number || type == ValueType::Bool || type == ValueType::List;
    break;
  case TargetType::Kind::Integer:
  case TargetType::Kind::Number:
    conflict = type == ValueType::Bool || type == ValueType::List;
    break;
  case TargetType::Kind::Boolean:
    conflict = type == ValueType::Number || type == ValueType::List;
    break;
  case TargetType::Kind::TextList:
    conflict = type == ValueType::Number || type == ValueType::Bool;
    break;
  case TargetType::Kind::Any:
    break;
  }
  if (!conflict) {
    return std::nullopt;
  }
  return "type conflict: the value is " + std::string(typeName(type)) + ", but the field is " +
         std::string(targetName(target.kind));
}

std::optional<std::string> enumConflict(const std::string& value, const TargetType& target) {
  if (target.enum_values == nullptr ||
      std::find(target.enum_values->begin(), target.enum_values->end(), value) !=
          target.enum_values->end()) {
    return std::nullopt;
  }
  const std::string what = target.enum_name.empty() ? "value" : target.enum_name;
  return "is not a canonical " + what + " (" + enumList(target) + ")";
}

std::optional<TransformFailure> coerceToTarget(Value& value, const TargetType& target) {
  if (value.empty()) {
    return std::nullopt;
  }
  switch (target.kind) {
  case TargetType::Kind::Text:
    return toText(value, target);
  case TargetType::Kind::Integer:
    return toNumber(value, true);
  case TargetType::Kind::Number:
    return toNumber(value, false);
  case TargetType::Kind::Boolean: {
    const std::optional<bool> flag = value.isList() ? std::nullopt : parseBoolText(value.text);
    if (!flag) {
      return TransformFailure{"is not a yes/no value"};
    }
    value.setBool(*flag);
    return std::nullopt;
  }
  case TargetType::Kind::TextList:
    if (!value.isList()) {
      value.setList({std::move(value.text)});
    }
    return std::nullopt;
  case TargetType::Kind::Any:
    break;
  }
  return std::nullopt;
}

} // namespace hotline::mapping
