// default and required: the two transforms that act on a missing value.
#include "core/mapping/transform_families.h"

namespace hotline::mapping {
namespace {

ValueType typeOf(const Value& value) {
  switch (value.kind) {
  case ValueKind::Number:
    return ValueType::Number;
  case ValueKind::Bool:
    return ValueType::Bool;
  case ValueKind::List:
    return ValueType::List;
  case ValueKind::String:
  case ValueKind::Empty:
    break;
  }
  return ValueType::Text;
}

class Default final : public Transform {
public:
  explicit Default(Value value) : value_(std::move(value)) {}
  const std::string& description() const override { return name_; }
  Shape shape() const override { return Shape::WholeValue; }
  bool handlesEmpty() const override { return true; }
  ValueType resultType(ValueType input) const override {
    // Either the value as it came or the default: of one type only when both are.
    return input == typeOf(value_) ? input : ValueType::Scalar;
  }
  std::vector<std::string> possibleResults() const override { return {value_.text}; }
  std::optional<TransformFailure> apply(Value& value) const override {
    if (value.empty()) {
      value = value_;
    }
    return std::nullopt;
  }

private:
  Value value_;
  std::string name_ = "default";
};

class Required final : public Transform {
public:
  const std::string& description() const override { return name_; }
  Shape shape() const override { return Shape::WholeValue; }
  bool handlesEmpty() const override { return true; }
  ValueType resultType(ValueType input) const override { return input; }
  std::optional<TransformFailure> apply(Value& value) const override {
    if (value.empty()) {
      return TransformFailure{"required value missing", false};
    }
    return std::nullopt;
  }

private:
  std::string name_ = "required";
};

} // namespace

std::unique_ptr<Transform> makeDefault(Value value) {
  return std::make_unique<Default>(std::move(value));
}

std::unique_ptr<Transform> makeRequired() {
  return std::make_unique<Required>();
}

} // namespace hotline::mapping
