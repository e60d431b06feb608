#include "plugins/support/src/phone_shape.h"

namespace hotline::support::phone_shape {

bool isMobile(std::string_view digits) {
  return digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

size_t areaCodeLength(std::string_view digits) {
  // Beijing (010) and the large cities (020-029) have two-digit area codes; everything
  // else, Shangqiu's 0370 included, has three.
  return digits.size() > 1 && (digits[1] == '1' || digits[1] == '2') ? 3 : 4;
}

bool isLandline(std::string_view digits) {
  if (digits.size() < 10 || digits.size() > 12 || digits[0] != '0' || digits[1] == '0') {
    return false;
  }
  const size_t local = digits.size() - areaCodeLength(digits);
  return local == 7 || local == 8;
}

size_t countryPrefixLength(std::string_view digits) {
  for (std::string_view prefix : {std::string_view("86"), std::string_view("0086")}) {
    if (digits.size() == prefix.size() + 11 && digits.substr(0, prefix.size()) == prefix &&
        isMobile(digits.substr(prefix.size()))) {
      return prefix.size();
    }
  }
  return 0;
}

DigitWindow hiddenDigits(std::string_view digits) {
  const size_t prefix = countryPrefixLength(digits);
  const std::string_view national = digits.substr(prefix);
  if (isMobile(national)) {
    return {prefix + 3, prefix + 7};
  }
  if (isLandline(national)) {
    return {areaCodeLength(national), digits.size() - 4};
  }
  if (digits.size() <= 4) {
    return {0, digits.size()};
  }
  return {0, digits.size() - 4};
}

} // namespace hotline::support::phone_shape
