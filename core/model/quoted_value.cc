#include "core/model/quoted_value.h"

#include <cstdio>

namespace hotline::model {
namespace {

constexpr size_t kMaxQuotedBytes = 64;
// Local landline numbers have 7 digits; nothing the model quotes legitimately has that many
// in a row (canonical times have at most 4).
constexpr size_t kPersonalDigitRun = 7;

bool mayHoldPersonalNumber(std::string_view value) {
  size_t run = 0;
  for (char c : value) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run >= kPersonalDigitRun) {
      return true;
    }
  }
  return false;
}

// Backs off to the start of a UTF-8 sequence so a cut never splits a character.
size_t utf8Boundary(std::string_view text, size_t limit) {
  if (limit >= text.size()) {
    return text.size();
  }
  while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0U) == 0x80U) {
    --limit;
  }
  return limit;
}

void appendEscaped(std::string& out, char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (c == '"' || c == '\\') {
    out += '\\';
    out += c;
  } else if (byte < 0x20U || byte == 0x7FU) {
    char buffer[8];
    std::snprintf(buffer, sizeof(buffer), "\\x%02x", byte);
    out += buffer;
  } else {
    out += c;
  }
}

} // namespace

std::string quoteValue(std::string_view value) {
  if (mayHoldPersonalNumber(value)) {
    return "(a value not shown: it may hold personal data)";
  }
  const size_t cut = utf8Boundary(value, kMaxQuotedBytes);
  std::string out = "\"";
  for (size_t i = 0; i < cut; ++i) {
    appendEscaped(out, value[i]);
  }
  if (cut < value.size()) {
    out += "…";
  }
  out += '"';
  return out;
}

} // namespace hotline::model
