// maskText: a single forward scan over free text that recognises ID-card numbers, mobile
// numbers and landline numbers by shape and masks each in place. A hand-written scanner
// rather than std::regex because it runs on every log line: it is linear, allocates only the
// output, and cuts the text only at ASCII bytes, so a UTF-8 sequence is never split.
//
// A number is only recognised when it is a whole run of digits: a phone-shaped piece of a
// 20-digit ticket number is left alone, because matching starts only where no digit
// precedes and every shape requires that no digit follows.

#include "hotline/support/masking.h"

#include "plugins/support/src/phone_shape.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>

namespace hotline::support {
namespace {

using phone_shape::isDigit;

enum class Kind { None, IdNumber, Phone };

struct Match {
  size_t length = 0;
  Kind kind = Kind::None;
};

bool isSeparator(char c) {
  return c == ' ' || c == '-';
}

size_t digitRun(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size() && isDigit(text[end])) {
    ++end;
  }
  return end - pos;
}

std::string digitsOf(std::string_view text) {
  std::string digits;
  std::copy_if(text.begin(), text.end(), std::back_inserter(digits), isDigit);
  return digits;
}

// A first group of `first` digits at `pos` followed by groups of exactly the given sizes,
// each after one space or dash ("138-1234-5678"). Returns the total length or 0.
size_t matchGroups(std::string_view text, size_t pos, size_t first,
                   std::initializer_list<size_t> rest) {
  size_t end = pos + first;
  for (size_t size : rest) {
    if (end >= text.size() || !isSeparator(text[end]) || digitRun(text, end + 1) != size) {
      return 0;
    }
    end += 1 + size;
  }
  return end - pos;
}

// 18 digits, 17 digits and an X, or the old 15-digit form.
size_t matchIdNumber(std::string_view text, size_t pos) {
  const size_t run = digitRun(text, pos);
  if (run == 18 || run == 15) {
    return run;
  }
  const size_t check = pos + 17;
  if (run == 17 && check < text.size() && (text[check] == 'X' || text[check] == 'x') &&
      (check + 1 >= text.size() || !isDigit(text[check + 1]))) {
    return 18;
  }
  return 0;
}

size_t matchMobile(std::string_view text, size_t pos) {
  const size_t run = digitRun(text, pos);
  const std::string_view whole = text.substr(pos, run);
  if (phone_shape::isMobile(whole) || phone_shape::countryPrefixLength(whole) > 0) {
    return run;
  }
  if (run == 3) {
    const size_t length = matchGroups(text, pos, 3, {4, 4});
    if (length > 0 && phone_shape::isMobile(digitsOf(text.substr(pos, length)))) {
      return length;
    }
  }
  return 0;
}

size_t matchLandline(std::string_view text, size_t pos) {
  const size_t run = digitRun(text, pos);
  const std::string_view whole = text.substr(pos, run);
  if (phone_shape::isLandline(whole)) {
    return run;
  }
  const bool area_code = (run == 3 || run == 4) && whole[0] == '0' && whole[1] != '0' &&
                         phone_shape::areaCodeLength(whole) == run;
  if (!area_code) {
    return 0;
  }
  for (size_t local : {7, 8}) {
    if (const size_t length = matchGroups(text, pos, run, {local}); length > 0) {
      return length;
    }
  }
  return 0;
}

// "+86 138 1234 5678", "+8613812345678", "86-13812345678": a country prefix, at most one
// separator, then a mobile number.
size_t matchPrefixed(std::string_view text, size_t pos) {
  size_t next = pos;
  if (text[pos] == '+' && text.substr(pos + 1, 2) == "86") {
    next = pos + 3;
  } else if (digitRun(text, pos) == 2 && text.substr(pos, 2) == "86" && pos + 2 < text.size() &&
             isSeparator(text[pos + 2])) {
    next = pos + 2;
  } else {
    return 0;
  }
  if (next < text.size() && isSeparator(text[next])) {
    ++next;
  }
  if (next >= text.size() || !isDigit(text[next])) {
    return 0;
  }
  const size_t length = matchMobile(text, next);
  return length == 0 ? 0 : next + length - pos;
}

Match matchAt(std::string_view text, size_t pos) {
  if (text[pos] == '+') {
    return {matchPrefixed(text, pos), Kind::Phone};
  }
  if (const size_t length = matchIdNumber(text, pos); length > 0) {
    return {length, Kind::IdNumber};
  }
  for (auto matcher : {matchPrefixed, matchMobile, matchLandline}) {
    if (const size_t length = matcher(text, pos); length > 0) {
      return {length, Kind::Phone};
    }
  }
  return {};
}

} // namespace

std::string maskText(std::string_view text) {
  std::string sanitized;
  if (!isValidUtf8(text)) {
    sanitized = toValidUtf8(text);
    text = sanitized;
  }
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    const bool may_start = (isDigit(c) || c == '+') && (pos == 0 || !isDigit(text[pos - 1]));
    const Match match = may_start ? matchAt(text, pos) : Match{};
    if (match.length == 0) {
      // Copy a whole digit run at once so that matching never starts inside a longer number.
      const size_t copied = std::max<size_t>(1, digitRun(text, pos));
      out.append(text.substr(pos, copied));
      pos += copied;
      continue;
    }
    const std::string_view token = text.substr(pos, match.length);
    out += match.kind == Kind::IdNumber ? maskIdNumber(token) : maskPhone(token);
    pos += match.length;
  }
  return out;
}

} // namespace hotline::support
