// regex: the text a group of the first match captured; no match gives no value.
#include "core/mapping/regex_pattern.h"
#include "core/mapping/transform_families.h"

namespace hotline::mapping {
namespace {

class RegexExtract final : public Transform {
public:
  RegexExtract(std::shared_ptr<const RegexPattern> pattern, size_t group)
      : pattern_(std::move(pattern)), group_(group) {}

  const std::string& description() const override { return name_; }

  std::optional<TransformFailure> apply(Value& value) const override {
    std::optional<std::string> extracted = pattern_->extract(value.text, group_);
    value.setString(extracted ? std::move(*extracted) : std::string());
    return std::nullopt;
  }

private:
  std::shared_ptr<const RegexPattern> pattern_;
  size_t group_;
  std::string name_ = "regex";
};

} // namespace

Result<std::unique_ptr<Transform>> makeRegexExtract(const std::string& pattern,
                                                    std::optional<size_t> group) {
  Result<std::shared_ptr<const RegexPattern>> compiled = RegexPattern::compile(pattern);
  if (!compiled) {
    return compiled.status();
  }
  const size_t groups = (*compiled)->groupCount();
  const size_t chosen = group.value_or(groups > 0 ? 1 : 0);
  if (chosen > groups) {
    return invalidArgument("group " + std::to_string(chosen) + " does not exist: the pattern has " +
                           std::to_string(groups) + " group" + (groups == 1 ? "" : "s"));
  }
  return std::unique_ptr<Transform>(
      std::make_unique<RegexExtract>(std::move(compiled).value(), chosen));
}

} // namespace hotline::mapping
