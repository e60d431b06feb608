#pragma once
// One compiled transform of a field's `transforms` list (mappings/README.md, Transforms).
// Each family lives in its own file; transform_compiler.cc turns a mapping's spelling into
// one of these. Transforms are immutable and shared by all runs of a plan.

#include <optional>
#include <string>
#include <vector>

#include "core/mapping/value.h"

namespace hotline::mapping {

// Why a value was refused. The message reads `<to> from <path>: "<value>" <reason>`, or
// without the value when `names_value` is false ("required value missing").
struct TransformFailure {
  std::string reason;
  bool names_value = true;
};

// What a value is known to be at load time, for type checks against the target field.
enum class ValueType {
  Scalar, // read from the source: text, or a JSON number or bool
  Text,
  Number,
  Bool,
  List,
};

class Transform {
public:
  // How a transform treats a list (what `split` makes, or a JSON array of strings).
  enum class Shape {
    EachItem,    // applies to each item of a list, or to the single value
    SingleValue, // a list is an error (number, bool, split)
    WholeValue,  // sees the value as it is, list or not (default, required)
  };

  virtual ~Transform() = default;

  // "trim", "date", "code category_types": what --explain lists.
  virtual const std::string& description() const = 0;
  virtual Shape shape() const { return Shape::EachItem; }
  // Whether the transform runs on an empty value (default fills it, required refuses it);
  // every other transform leaves an empty value alone.
  virtual bool handlesEmpty() const { return false; }
  // The type a value of type `input` has afterwards.
  virtual ValueType resultType(ValueType /*input*/) const { return ValueType::Text; }
  // The values it can produce, when it is the last transform, checked at load against an
  // enum target (code tables, enum maps, defaults). Empty when not known.
  virtual std::vector<std::string> possibleResults() const { return {}; }
  // Phone numbers are personal: a field through `phone` is masked in messages.
  virtual bool makesPersonal() const { return false; }

  // Transforms a single value (never a list for EachItem and SingleValue transforms; never
  // empty unless handlesEmpty()). On failure `value` is left as it was.
  virtual std::optional<TransformFailure> apply(Value& value) const = 0;
};

} // namespace hotline::mapping
