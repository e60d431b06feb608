#pragma once
// The few Unicode rules mapping text needs, on UTF-8 strings: whitespace that includes the
// ideographic space U+3000 (Chinese input methods type it), full-width ASCII (U+FF01–U+FF5E,
// "１３８" and "（０３７０）"), and splitting on a set of ASCII and Chinese separators.

#include <string>
#include <string_view>
#include <vector>

namespace hotline::mapping::text {

// Decodes the code point starting at byte `pos`; returns its length in bytes (1..4). A byte
// that does not start a well-formed sequence decodes as U+FFFD with length 1.
size_t decodeAt(std::string_view text, size_t pos, char32_t& code_point);
void appendUtf8(std::string& out, char32_t code_point);
// The code points of `text` (mapping arguments such as split separators).
std::vector<char32_t> codePoints(std::string_view text);
// The number of code points of `text`.
size_t countCodePoints(std::string_view text);

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or values beyond
// U+10FFFF). Fast on ASCII runs: payloads are checked whole before they are parsed.
bool isValidUtf8(std::string_view text);

// Strips ASCII whitespace and U+3000 at both ends.
std::string_view trimSpace(std::string_view text);
// Nothing but whitespace (or nothing at all): counts as no value.
inline bool isBlank(std::string_view text) {
  return trimSpace(text).empty();
}

// Full-width ASCII and U+3000 -> their half-width forms; everything else unchanged.
std::string toHalfwidth(std::string_view text);
// Whether toHalfwidth would change anything (saves a copy on the common path).
bool hasFullwidth(std::string_view text);

// Splits on any of `separators`, trims each piece and drops the empty ones.
std::vector<std::string> splitOnAny(std::string_view text, const std::vector<char32_t>& separators);

void toAsciiLower(std::string& text);
void toAsciiUpper(std::string& text);

} // namespace hotline::mapping::text
