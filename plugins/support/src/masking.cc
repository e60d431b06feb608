// The per-kind maskers: names, phone numbers, ID-card numbers, addresses, e-mail addresses.
// All work on code points (never splitting a UTF-8 sequence) and keep only as much as a
// hotline operator needs to tell two records apart.

#include "hotline/support/masking.h"

#include "plugins/support/src/phone_shape.h"
#include "plugins/support/src/utf8.h"

#include <algorithm>

namespace hotline::support {
namespace {

std::string_view trimAscii(std::string_view text) {
  const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && isSpace(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && isSpace(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

// Copies the first `keep_front` and the last `keep_back` characters and replaces every
// other character with one '*'.
std::string keepEnds(std::string_view text, size_t keep_front, size_t keep_back) {
  const size_t total = utf8::countCharacters(text);
  std::string out;
  out.reserve(text.size());
  size_t index = 0;
  utf8::forEachCharacter(text, [&](std::string_view character) {
    const bool kept = index < keep_front || index + keep_back >= total;
    if (kept) {
      out.append(character);
    } else {
      out.push_back('*');
    }
    ++index;
  });
  return out;
}

} // namespace

std::string maskName(std::string_view name) {
  name = trimAscii(name);
  // A one-character name would be shown whole by "keep the first character".
  if (utf8::countCharacters(name) <= 1) {
    return name.empty() ? std::string() : std::string("*");
  }
  return keepEnds(name, 1, 0);
}

std::string maskPhone(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (phone_shape::isDigit(c)) {
      digits.push_back(c);
    }
  }
  const phone_shape::DigitWindow hidden = phone_shape::hiddenDigits(digits);
  std::string out;
  out.reserve(phone.size());
  size_t index = 0;
  utf8::forEachCharacter(phone, [&](std::string_view character) {
    if (character.size() == 1 && phone_shape::isDigit(character[0])) {
      const bool masked = index >= hidden.begin && index < hidden.end;
      out.push_back(masked ? '*' : character[0]);
      ++index;
    } else {
      out.append(character);
    }
  });
  return out;
}

std::string maskIdNumber(std::string_view id_number) {
  id_number = trimAscii(id_number);
  // Shorter than any real ID-card number: nothing is safe to show.
  if (utf8::countCharacters(id_number) < 9) {
    return keepEnds(id_number, 0, 0);
  }
  return keepEnds(id_number, 4, 4);
}

std::string maskAddress(std::string_view address) {
  address = trimAscii(address);
  // Short addresses keep at most half of their characters, or a six-character village
  // address would be shown whole.
  const size_t keep = std::min<size_t>(6, utf8::countCharacters(address) / 2);
  return keepEnds(address, keep, 0);
}

std::string maskEmail(std::string_view email) {
  email = trimAscii(email);
  const size_t at = email.rfind('@');
  if (at == std::string_view::npos || at == 0) {
    return maskName(email);
  }
  return maskName(email.substr(0, at)) + toValidUtf8(email.substr(at));
}

} // namespace hotline::support
