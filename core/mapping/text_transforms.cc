// trim, halfwidth, lower, upper: text in, text out.
#include "core/mapping/transform_families.h"
#include "core/mapping/unicode_text.h"

namespace hotline::mapping {
namespace {

class Trim final : public Transform {
public:
  const std::string& description() const override { return name_; }
  std::optional<TransformFailure> apply(Value& value) const override {
    const std::string_view trimmed = text::trimSpace(value.text);
    if (trimmed.size() != value.text.size()) {
      value.text.assign(trimmed); // assign() from an overlapping view is well-defined
    }
    value.keepTextAsString();
    return std::nullopt;
  }

private:
  std::string name_ = "trim";
};

class Halfwidth final : public Transform {
public:
  const std::string& description() const override { return name_; }
  std::optional<TransformFailure> apply(Value& value) const override {
    if (text::hasFullwidth(value.text)) {
      value.text = text::toHalfwidth(value.text);
    }
    value.keepTextAsString();
    return std::nullopt;
  }

private:
  std::string name_ = "halfwidth";
};

class AsciiCase final : public Transform {
public:
  explicit AsciiCase(bool upper) : upper_(upper), name_(upper ? "upper" : "lower") {}
  const std::string& description() const override { return name_; }
  std::optional<TransformFailure> apply(Value& value) const override {
    upper_ ? text::toAsciiUpper(value.text) : text::toAsciiLower(value.text);
    value.keepTextAsString();
    return std::nullopt;
  }

private:
  bool upper_;
  std::string name_;
};

} // namespace

std::unique_ptr<Transform> makeTrim() {
  return std::make_unique<Trim>();
}
std::unique_ptr<Transform> makeHalfwidth() {
  return std::make_unique<Halfwidth>();
}
std::unique_ptr<Transform> makeLower() {
  return std::make_unique<AsciiCase>(false);
}
std::unique_ptr<Transform> makeUpper() {
  return std::make_unique<AsciiCase>(true);
}

} // namespace hotline::mapping
