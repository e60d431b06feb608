// bool: the ways forms and exports say yes and no -> a JSON boolean.
#include <array>

#include "core/mapping/transform_families.h"
#include "core/mapping/unicode_text.h"

namespace hotline::mapping {

std::optional<bool> parseBoolText(std::string_view text) {
  static constexpr std::array<std::string_view, 5> kTrue = {"true", "1", "yes", "y", "是"};
  static constexpr std::array<std::string_view, 5> kFalse = {"false", "0", "no", "n", "否"};
  std::string lower(text::trimSpace(text));
  text::toAsciiLower(lower);
  for (size_t i = 0; i < kTrue.size(); ++i) {
    if (lower == kTrue[i]) {
      return true;
    }
    if (lower == kFalse[i]) {
      return false;
    }
  }
  return std::nullopt;
}

namespace {

class BoolTransform final : public Transform {
public:
  const std::string& description() const override { return name_; }
  Shape shape() const override { return Shape::SingleValue; }
  ValueType resultType(ValueType /*input*/) const override { return ValueType::Bool; }

  std::optional<TransformFailure> apply(Value& value) const override {
    const std::optional<bool> flag = parseBoolText(value.text);
    if (!flag) {
      return TransformFailure{"is not a yes/no value (true/false, 1/0, yes/no, y/n, 是/否)"};
    }
    value.setBool(*flag);
    return std::nullopt;
  }

private:
  std::string name_ = "bool";
};

} // namespace

std::unique_ptr<Transform> makeBool() {
  return std::make_unique<BoolTransform>();
}

} // namespace hotline::mapping
