// split: one text -> a list of trimmed, non-empty pieces, on ASCII and Chinese separators
// ("市城管局，市住建局、市交通局" -> three units).
#include "core/mapping/transform_families.h"
#include "core/mapping/unicode_text.h"

namespace hotline::mapping {
namespace {

class Split final : public Transform {
public:
  explicit Split(std::string_view separators) : separators_(text::codePoints(separators)) {}

  const std::string& description() const override { return name_; }
  Shape shape() const override { return Shape::SingleValue; }
  ValueType resultType(ValueType /*input*/) const override { return ValueType::List; }

  std::optional<TransformFailure> apply(Value& value) const override {
    value.setList(text::splitOnAny(value.text, separators_));
    return std::nullopt;
  }

private:
  std::vector<char32_t> separators_;
  std::string name_ = "split";
};

} // namespace

std::unique_ptr<Transform> makeSplit(std::string_view separators) {
  return std::make_unique<Split>(separators);
}

} // namespace hotline::mapping
