// number: decimal text -> a JSON number, exactly as written (no rounding through a double).
#include "core/mapping/number_text.h"
#include "core/mapping/transform_families.h"

namespace hotline::mapping {
namespace {

class NumberTransform final : public Transform {
public:
  const std::string& description() const override { return name_; }
  Shape shape() const override { return Shape::SingleValue; }
  ValueType resultType(ValueType /*input*/) const override { return ValueType::Number; }

  std::optional<TransformFailure> apply(Value& value) const override {
    if (value.kind == ValueKind::Bool) {
      return TransformFailure{"is not a number"};
    }
    std::optional<std::string> number = normaliseDecimal(value.text);
    if (!number) {
      return TransformFailure{"is not a number"};
    }
    value.setNumber(std::move(*number));
    return std::nullopt;
  }

private:
  std::string name_ = "number";
};

} // namespace

std::unique_ptr<Transform> makeNumber() {
  return std::make_unique<NumberTransform>();
}

} // namespace hotline::mapping
