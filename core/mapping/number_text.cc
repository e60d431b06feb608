#include "core/mapping/number_text.h"

#include "core/mapping/unicode_text.h"

namespace hotline::mapping {
namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

size_t digitRun(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size() && isDigit(text[end])) {
    ++end;
  }
  return end - pos;
}

std::optional<std::string> normaliseHalfwidth(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const size_t whole_digits = digitRun(text, 0);
  std::string_view whole = text.substr(0, whole_digits);
  std::string_view fraction;
  size_t end = whole_digits;
  if (end < text.size() && text[end] == '.') {
    fraction = text.substr(end + 1, digitRun(text, end + 1));
    end += 1 + fraction.size();
  }
  if (end != text.size() || (whole.empty() && fraction.empty())) {
    return std::nullopt;
  }
  while (whole.size() > 1 && whole.front() == '0') {
    whole.remove_prefix(1);
  }
  while (!fraction.empty() && fraction.back() == '0') {
    fraction.remove_suffix(1);
  }
  std::string out;
  out.reserve(whole.size() + fraction.size() + 3);
  out.append(whole.empty() ? std::string_view("0") : whole);
  if (!fraction.empty()) {
    out.push_back('.');
    out.append(fraction);
  }
  if (negative && out != "0") {
    out.insert(out.begin(), '-');
  }
  return out;
}

} // namespace

std::optional<std::string> normaliseDecimal(std::string_view text) {
  text = text::trimSpace(text);
  if (text::hasFullwidth(text)) {
    return normaliseHalfwidth(text::toHalfwidth(text));
  }
  return normaliseHalfwidth(text);
}

} // namespace hotline::mapping
