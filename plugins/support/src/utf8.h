#pragma once
// UTF-8 helpers internal to hotline_support: walking code points without ever splitting a
// multi-byte sequence, and the rule that an invalid byte counts as one (replaced) character.

#include <cstddef>
#include <string>
#include <string_view>

namespace hotline::support::utf8 {

// U+FFFD, what an invalid byte is replaced with.
inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence starting at `pos` (1..4), or 0 when the bytes
// there are not one (stray continuation byte, overlong form, surrogate, beyond U+10FFFF,
// truncated sequence).
size_t sequenceLength(std::string_view text, size_t pos);

// Calls fn(std::string_view character) for every code point of `text`; an invalid byte is
// passed as kReplacement so that callers only ever see well-formed characters.
template <typename Fn>
void forEachCharacter(std::string_view text, Fn&& fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t length = sequenceLength(text, pos);
    if (length == 0) {
      fn(kReplacement);
      ++pos;
    } else {
      fn(text.substr(pos, length));
      pos += length;
    }
  }
}

// Number of code points, an invalid byte counting as one.
size_t countCharacters(std::string_view text);

} // namespace hotline::support::utf8
