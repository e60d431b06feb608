#include "plugins/support/src/utf8.h"

#include "hotline/support/masking.h"

namespace hotline::support {
namespace utf8 {
namespace {

bool isContinuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// Allowed range of the second byte for each lead byte (RFC 3629 table), which rules out
// overlong forms, surrogates and code points above U+10FFFF in one check.
bool secondByteAllowed(unsigned char lead, unsigned char second) {
  if (lead == 0xE0) {
    return second >= 0xA0 && second <= 0xBF;
  }
  if (lead == 0xED) {
    return second >= 0x80 && second <= 0x9F;
  }
  if (lead == 0xF0) {
    return second >= 0x90 && second <= 0xBF;
  }
  if (lead == 0xF4) {
    return second >= 0x80 && second <= 0x8F;
  }
  return isContinuation(second);
}

} // namespace

size_t sequenceLength(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  size_t length = 0;
  if (lead < 0x80) {
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
  } else {
    return 0; // continuation byte, C0/C1 (always overlong) or F5..FF
  }
  if (pos + length > text.size()) {
    return 0;
  }
  if (!secondByteAllowed(lead, static_cast<unsigned char>(text[pos + 1]))) {
    return 0;
  }
  for (size_t i = 2; i < length; ++i) {
    if (!isContinuation(static_cast<unsigned char>(text[pos + i]))) {
      return 0;
    }
  }
  return length;
}

size_t countCharacters(std::string_view text) {
  size_t count = 0;
  forEachCharacter(text, [&count](std::string_view) { ++count; });
  return count;
}

} // namespace utf8

bool isValidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t length = utf8::sequenceLength(text, pos);
    if (length == 0) {
      return false;
    }
    pos += length;
  }
  return true;
}

std::string toValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  utf8::forEachCharacter(text, [&out](std::string_view character) { out.append(character); });
  return out;
}

} // namespace hotline::support
