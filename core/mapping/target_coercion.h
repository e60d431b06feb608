#pragma once
// What a canonical target field takes, and making a value fit it: a number field reads
// "12" as 12, a string field writes the number 12 as "12", a list of strings takes a single
// value as a one-item list, an enum field refuses a value outside its enum. Checked once at
// load where the mapping says enough (a `number` into a string field is refused), and per
// value at run time.

#include <optional>
#include <string>
#include <vector>

#include "core/mapping/canonical_schema.h"
#include "core/mapping/transform.h"

namespace hotline::mapping {

struct TargetType {
  enum class Kind { Any, Text, Integer, Number, Boolean, TextList };
  Kind kind = Kind::Any;
  const std::vector<std::string>* enum_values = nullptr; // Text with an enum
  std::string enum_name;                                 // "urgency"
};

// The type of a scalar or list-of-strings schema node (objects and lists of objects are not
// targets a value can be written to; the compiler says so before asking).
TargetType targetTypeOf(const SchemaNode& node);

// Load time: why a value of `type` cannot go into `target`, or nullopt when it can (perhaps
// after conversion at run time).
std::optional<std::string> typeConflict(ValueType type, const TargetType& target);

// Load time: whether `value` is one of the target's enum values (always true without an
// enum), and the reason when not.
std::optional<std::string> enumConflict(const std::string& value, const TargetType& target);

// Run time: converts `value` to what the target takes.
std::optional<TransformFailure> coerceToTarget(Value& value, const TargetType& target);

} // namespace hotline::mapping
