#pragma once
// Recognises the shapes of Chinese phone numbers from their digits alone, shared by
// maskPhone (which masks a known phone field) and the free-text scanner (which must decide
// whether a run of digits is a phone number at all).
//
//   mobile:   1[3-9]xxxxxxxxx (11 digits), optionally after 86 / 0086
//   landline: 0 + area code (010 and 02x are 3 digits with the 0, the others 4) + 7-8 digits

#include <cstddef>
#include <string_view>

namespace hotline::support::phone_shape {

inline bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

bool isMobile(std::string_view digits);
bool isLandline(std::string_view digits);
// Length of the area code of a landline number, the leading 0 included (3 or 4).
size_t areaCodeLength(std::string_view digits);
// Length of a country prefix (86 or 0086) in front of a mobile number; 0 when there is none.
size_t countryPrefixLength(std::string_view digits);

// Indexes [begin, end) of the digits to hide: the middle four of a mobile number, the local
// number of a landline except its last four digits, otherwise all but the last four digits.
struct DigitWindow {
  size_t begin = 0;
  size_t end = 0;
};
DigitWindow hiddenDigits(std::string_view digits);

} // namespace hotline::support::phone_shape
