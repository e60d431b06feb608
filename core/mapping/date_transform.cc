// date: a value in one of the mapping's formats -> canonical ISO-8601 with offset.
#include "core/mapping/date_format.h"
#include "core/mapping/transform_families.h"
#include "core/mapping/unicode_text.h"

namespace hotline::mapping {
namespace {

class DateTransform final : public Transform {
public:
  DateTransform(std::vector<DateFormat> formats, int zone_minutes)
      : formats_(std::move(formats)), zone_minutes_(zone_minutes) {
    for (const DateFormat& format : formats_) {
      format_list_ += format_list_.empty() ? "" : ", ";
      format_list_ += format.text();
    }
    failure_ = "matches none of the date formats (" + format_list_ + ")";
  }

  const std::string& description() const override { return name_; }

  std::optional<TransformFailure> apply(Value& value) const override {
    const std::string_view text = text::trimSpace(value.text);
    for (const DateFormat& format : formats_) {
      if (std::optional<std::string> canonical = format.parse(text, zone_minutes_)) {
        value.setString(std::move(*canonical));
        return std::nullopt;
      }
    }
    return TransformFailure{failure_};
  }

private:
  std::vector<DateFormat> formats_;
  int zone_minutes_;
  std::string format_list_;
  std::string failure_;
  std::string name_ = "date";
};

} // namespace

Result<std::unique_ptr<Transform>> makeDate(const std::vector<std::string>& formats,
                                            std::string_view zone) {
  const std::optional<int> zone_minutes = parseZoneOffset(zone);
  if (!zone_minutes) {
    return invalidArgument("bad zone \"" + std::string(zone) + "\": write +08:00, -05:00 or Z");
  }
  std::vector<DateFormat> compiled;
  for (const std::string& format : formats) {
    Result<DateFormat> one = DateFormat::compile(format);
    if (!one) {
      return one.status();
    }
    compiled.push_back(std::move(one).value());
  }
  return std::unique_ptr<Transform>(
      std::make_unique<DateTransform>(std::move(compiled), *zone_minutes));
}

} // namespace hotline::mapping
