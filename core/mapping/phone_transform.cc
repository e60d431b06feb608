// phone: "+86 138-1234-5678", "（0370）1234567", "１３８１２３４５６７８" -> digits only, the
// country prefix dropped before a mobile number. Anything that does not end up as 7 to 12
// digits is refused: a phone field must never carry text a caller cannot dial.
#include "core/mapping/transform_families.h"
#include "core/mapping/unicode_text.h"

namespace hotline::mapping {
namespace {

bool allDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

bool isMobile(std::string_view digits) {
  return digits.size() == 11 && digits[0] == '1' && allDigits(digits);
}

// Removes +86, 0086 or 86 in front of an 11-digit mobile number.
std::string_view withoutCountryCode(std::string_view number) {
  for (std::string_view prefix : {"+86", "0086", "86"}) {
    if (number.substr(0, prefix.size()) == prefix && isMobile(number.substr(prefix.size()))) {
      return number.substr(prefix.size());
    }
  }
  return number;
}

class Phone final : public Transform {
public:
  const std::string& description() const override { return name_; }
  bool makesPersonal() const override { return true; }

  std::optional<TransformFailure> apply(Value& value) const override {
    const std::string halfwidth =
        text::hasFullwidth(value.text) ? text::toHalfwidth(value.text) : value.text;
    std::string compact;
    compact.reserve(halfwidth.size());
    for (char c : halfwidth) {
      if (c != ' ' && c != '\t' && c != '-' && c != '(' && c != ')') {
        compact.push_back(c);
      }
    }
    const std::string_view number = withoutCountryCode(compact);
    if (number.size() < 7 || number.size() > 12 || !allDigits(number)) {
      return TransformFailure{"is not a phone number (7 to 12 digits once spaces, dashes and "
                              "brackets are removed)"};
    }
    value.setString(number);
    return std::nullopt;
  }

private:
  std::string name_ = "phone";
};

} // namespace

std::unique_ptr<Transform> makePhone() {
  return std::make_unique<Phone>();
}

} // namespace hotline::mapping
