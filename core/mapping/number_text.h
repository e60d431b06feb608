#pragma once
// Decimal numbers as the mapping language reads them ("12", "-3.50", "１２", " 7 ") and as
// canonical JSON writes them: exact decimal text, never through a double, so "113.250000"
// becomes 113.25 and a 19-digit number keeps every digit.

#include <optional>
#include <string>
#include <string_view>

namespace hotline::mapping {

// A decimal integer or fraction, after trimming whitespace and turning full-width digits
// half-width: an optional sign, digits, optionally '.' and digits. Returns normalised JSON
// number text (no '+', no leading zeros, no trailing fraction zeros, "-0" -> "0"), or nullopt
// when `text` is not such a number (exponents are not accepted).
std::optional<std::string> normaliseDecimal(std::string_view text);

// Whether normalised number text has no fraction.
inline bool isWholeNumber(std::string_view json_number) {
  return json_number.find('.') == std::string_view::npos;
}

} // namespace hotline::mapping
