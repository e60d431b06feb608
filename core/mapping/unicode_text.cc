#include "core/mapping/unicode_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace hotline::mapping::text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kIdeographicSpace = 0x3000;
constexpr char32_t kFullwidthFirst = 0xFF01; // ！
constexpr char32_t kFullwidthLast = 0xFF5E;  // ～
constexpr char32_t kFullwidthOffset = 0xFEE0;
// U+3000 in UTF-8.
constexpr std::string_view kIdeographicSpaceUtf8 = "\xE3\x80\x80";

bool isContinuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

bool isAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

struct SequenceStart {
  size_t length = 0; // 0: not a lead byte
  char32_t bits = 0;
  char32_t minimum = 0; // smaller values are overlong encodings
};

SequenceStart sequenceStart(unsigned char lead) {
  if ((lead & 0xE0) == 0xC0) {
    return {2, lead & 0x1Fu, 0x80};
  }
  if ((lead & 0xF0) == 0xE0) {
    return {3, lead & 0x0Fu, 0x800};
  }
  if ((lead & 0xF8) == 0xF0) {
    return {4, lead & 0x07u, 0x10000};
  }
  return {};
}

} // namespace

size_t decodeAt(std::string_view text, size_t pos, char32_t& code_point) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  const SequenceStart start = sequenceStart(lead);
  code_point = kReplacement;
  if (start.length == 0 || pos + start.length > text.size()) {
    return 1;
  }
  char32_t value = start.bits;
  for (size_t i = 1; i < start.length; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!isContinuation(byte)) {
      return 1;
    }
    value = (value << 6) | (byte & 0x3Fu);
  }
  const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
  if (value < start.minimum || value > 0x10FFFF || surrogate) {
    return 1; // overlong, beyond Unicode or a surrogate: not well-formed
  }
  code_point = value;
  return start.length;
}

void appendUtf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

bool isValidUtf8(std::string_view text) {
  // Unicode 15, table 3-7 (well-formed UTF-8 byte sequences), with an ASCII fast path.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  const auto continuation = [&](size_t at, unsigned char low, unsigned char high) {
    return at < size && bytes[at] >= low && bytes[at] <= high;
  };
  size_t pos = 0;
  while (pos < size) {
    if (pos + 8 <= size) {
      uint64_t word = 0;
      std::memcpy(&word, bytes + pos, sizeof(word));
      if ((word & 0x8080808080808080ULL) == 0) {
        pos += 8;
        continue;
      }
    }
    const unsigned char lead = bytes[pos];
    if (lead < 0x80) {
      ++pos;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      if (!continuation(pos + 1, 0x80, 0xBF)) {
        return false;
      }
      pos += 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
      const unsigned char high = lead == 0xED ? 0x9F : 0xBF; // no surrogates
      if (!continuation(pos + 1, low, high) || !continuation(pos + 2, 0x80, 0xBF)) {
        return false;
      }
      pos += 3;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
      const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF; // nothing beyond U+10FFFF
      if (!continuation(pos + 1, low, high) || !continuation(pos + 2, 0x80, 0xBF) ||
          !continuation(pos + 3, 0x80, 0xBF)) {
        return false;
      }
      pos += 4;
    } else {
      return false;
    }
  }
  return true;
}

std::vector<char32_t> codePoints(std::string_view text) {
  std::vector<char32_t> out;
  for (size_t pos = 0; pos < text.size();) {
    char32_t code_point = 0;
    pos += decodeAt(text, pos, code_point);
    out.push_back(code_point);
  }
  return out;
}

size_t countCodePoints(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return !isContinuation(static_cast<unsigned char>(c));
  }));
}

std::string_view trimSpace(std::string_view text) {
  for (;;) {
    if (!text.empty() && isAsciiSpace(text.front())) {
      text.remove_prefix(1);
    } else if (text.substr(0, 3) == kIdeographicSpaceUtf8) {
      text.remove_prefix(3);
    } else {
      break;
    }
  }
  for (;;) {
    if (!text.empty() && isAsciiSpace(text.back())) {
      text.remove_suffix(1);
    } else if (text.size() >= 3 && text.substr(text.size() - 3) == kIdeographicSpaceUtf8) {
      text.remove_suffix(3);
    } else {
      break;
    }
  }
  return text;
}

bool hasFullwidth(std::string_view text) {
  // Every full-width form and U+3000 starts with 0xEF or 0xE3.
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte == 0xEF || byte == 0xE3;
  });
}

std::string toHalfwidth(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    char32_t code_point = 0;
    const size_t length = decodeAt(text, pos, code_point);
    if (code_point >= kFullwidthFirst && code_point <= kFullwidthLast) {
      out.push_back(static_cast<char>(code_point - kFullwidthOffset));
    } else if (code_point == kIdeographicSpace) {
      out.push_back(' ');
    } else {
      out.append(text.substr(pos, length));
    }
    pos += length;
  }
  return out;
}

std::vector<std::string> splitOnAny(std::string_view text,
                                    const std::vector<char32_t>& separators) {
  std::vector<std::string> pieces;
  size_t start = 0;
  const auto takePiece = [&](size_t end) {
    const std::string_view piece = trimSpace(text.substr(start, end - start));
    if (!piece.empty()) {
      pieces.emplace_back(piece);
    }
  };
  for (size_t pos = 0; pos < text.size();) {
    char32_t code_point = 0;
    const size_t length = decodeAt(text, pos, code_point);
    if (std::find(separators.begin(), separators.end(), code_point) != separators.end()) {
      takePiece(pos);
      start = pos + length;
    }
    pos += length;
  }
  takePiece(text.size());
  return pieces;
}

void toAsciiLower(std::string& text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
}

void toAsciiUpper(std::string& text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
}

} // namespace hotline::mapping::text
