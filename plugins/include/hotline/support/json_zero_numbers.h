#pragma once
// RapidJSON 1.1.0's full-precision number parse (kParseFullPrecisionFlag) has undefined
// behaviour on a number whose digits are all zero but whose scale is beyond its fast path,
// such as "0e101" or "0." followed by 23 zeros: DiyFp::Normalize() calls clz(0) (found by
// fuzz_exchange_payloads under UBSan). Such a number is zero whatever its scale. So before a
// full-precision parse of outside input, each one is rewritten as "0.0" (or "-0.0"; a bare
// 0 when malformed text follows it), padded with spaces to its own length: the parse reads the same
// value, and every error offset stays where it was. Only well-formed JSON numbers are rewritten, so
// no malformed input becomes well-formed. Header-only: core and plugins both parse peers' JSON.

#include <cstddef>
#include <string>
#include <string_view>

namespace hotline::support {
namespace detail {

// The length of the number starting at `at` when it reads, as RapidJSON reads a number, as
// -?0(.0+)?([eE][+-]?[0-9]+)? with a fraction or an exponent (zero, but not read as an
// integer); 0 otherwise. RapidJSON converts such a prefix even when what follows it is an
// error ("0e101e"), so only the prefix counts.
inline size_t scaledZeroLength(std::string_view text, size_t start) {
  size_t at = start < text.size() && text[start] == '-' ? start + 1 : start;
  if (at >= text.size() || text[at] != '0') {
    return 0;
  }
  ++at;
  const auto isDigit = [&](char low) {
    return at < text.size() && text[at] >= low && text[at] <= '9';
  };
  bool scaled = false;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const size_t zeros = at;
    while (at < text.size() && text[at] == '0') {
      ++at;
    }
    if (at == zeros || isDigit('1')) {
      return 0; // no fraction digits (an error), or not zero
    }
    scaled = true;
  }
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
      ++at;
    }
    const size_t digits = at;
    while (isDigit('0')) {
      ++at;
    }
    if (at == digits) {
      return 0; // no exponent digits: an error before any conversion
    }
    scaled = true;
  }
  return scaled ? at - start : 0;
}

// True when the number starting at `start` is 1e300 or more, or not zero but under 1e-300:
// RapidJSON's full-precision parse leaves its table of powers of ten at such scales (an index
// past its end for "1111…1111E0300" with 75 digits, a signed overflow for "0." with 480
// zeros and "84"; both found by fuzz_mapping_json). No peer's ticket holds such a number.
inline bool isExtreme(std::string_view text, size_t start) {
  size_t at = start < text.size() && text[start] == '-' ? start + 1 : start;
  const auto isDigit = [&] { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
  while (at < text.size() && text[at] == '0') {
    ++at;
  }
  long long order = 0; // the decimal position of the first significant digit
  bool significant = false;
  for (; isDigit(); ++at) {
    ++order;
    significant = true;
  }
  if (at < text.size() && text[at] == '.') {
    ++at;
    for (; isDigit(); ++at) {
      if (!significant && text[at] == '0') {
        --order;
      } else {
        significant = true;
      }
    }
  }
  if (!significant) {
    return false; // zero: scaledZeroLength() deals with it
  }
  long long exponent = 0;
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    const bool negative = at < text.size() && text[at] == '-';
    at += at < text.size() && (text[at] == '+' || text[at] == '-') ? 1 : 0;
    for (; isDigit() && exponent < 100000; ++at) {
      exponent = exponent * 10 + (text[at] - '0');
    }
    exponent = negative ? -exponent : exponent;
  }
  const long long leading = order + exponent - 1; // the power of ten of the leading digit
  return leading >= 300 || leading < -300;
}

inline bool isNumberChar(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Calls on(offset, length) for each scaled zero outside strings, and on_huge(offset) for
// each extreme number (isExtreme).
template <typename OnToken, typename OnHuge>
void forEachRiskyNumber(std::string_view text, const OnToken& on, const OnHuge& on_huge) {
  bool in_string = false;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (in_string) {
      i += c == '\\' ? 2 : 1; // an escaped character may be a quote
      in_string = in_string && c != '"';
      continue;
    }
    if (c == '"') {
      in_string = true;
      ++i;
      continue;
    }
    if (c != '-' && (c < '0' || c > '9')) {
      ++i;
      continue;
    }
    size_t end = i; // the whole run, measured before a callback changes the text
    while (end < text.size() && isNumberChar(text[end])) {
      ++end;
    }
    if (const size_t length = scaledZeroLength(text, i); length > 0) {
      on(i, length);
    } else if (isExtreme(text, i)) {
      on_huge(i);
    }
    i = end;
  }
}

} // namespace detail

// Rewrites every scaled zero of `text` in place (see above), and turns the first character of
// every extreme number (1e300 or more, or under 1e-300 but not zero) into '#', so that the
// parse refuses the text there.
inline void neutraliseScaledZeros(char* text, size_t size) {
  const auto huge = [&](size_t offset) {
    text[offset] = '#'; // no value starts so: the parse stops here with "Invalid value"
  };
  detail::forEachRiskyNumber(
      std::string_view(text, size),
      [&](size_t offset, size_t length) {
        // Followed by more number characters, the text is malformed right after the number
        // ("0E0E50"): a bare 0 keeps "0.0" from joining them into a new number ("0.0E50").
        const bool joined = offset + length < size && detail::isNumberChar(text[offset + length]);
        const bool negative = text[offset] == '-';
        const std::string_view zero =
            joined ? (negative ? "-0" : "0") : (negative ? "-0.0" : "0.0");
        for (size_t k = 0; k < length; ++k) {
          text[offset + k] = k < zero.size() ? zero[k] : ' ';
        }
      },
      huge);
}

// `text` itself when it holds no scaled zero; otherwise a rewritten copy kept in `scratch`.
inline std::string_view safeForFullPrecision(std::string_view text, std::string& scratch) {
  bool found = false;
  detail::forEachRiskyNumber(
      text, [&](size_t, size_t) { found = true; }, [&](size_t) { found = true; });
  if (!found) {
    return text;
  }
  scratch.assign(text);
  neutraliseScaledZeros(scratch.data(), scratch.size());
  return scratch;
}

} // namespace hotline::support
