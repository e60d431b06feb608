// Hand-written rather than strptime or Poco::DateTimeParser: the whole value must match (no
// trailing junk), impossible dates (Feb 30, hour 24) are refused rather than rolled over, the
// zone defaults to the mapping's (+08:00), and the result is canonical ISO-8601.
#include "core/mapping/date_format.h"

#include <array>
#include <cstdint>

#include "core/model/timestamp.h"

namespace hotline::mapping {
namespace {

using Token = DateFormat::Token;

struct LocalTime {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int millisecond = 0;
  std::optional<int> zone_minutes; // set when the value carries a zone
};

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

bool isLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[static_cast<size_t>(month - 1)];
}

bool isValid(const LocalTime& t) {
  return t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= daysInMonth(t.year, t.month) &&
         t.hour <= 23 && t.minute <= 59 && t.second <= 59;
}

// Writes `value` as `width` digits at `out` and returns the position after them.
char* putDigits(char* out, int value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return out + width;
}

char* putChar(char* out, char c) {
  *out = c;
  return out + 1;
}

std::string canonicalText(const LocalTime& t, int zone_minutes) {
  char text[32]; // "2024-04-10T09:30:00.123+08:00" is 29
  char* end = putDigits(text, t.year, 4);
  end = putDigits(putChar(end, '-'), t.month, 2);
  end = putDigits(putChar(end, '-'), t.day, 2);
  end = putDigits(putChar(end, 'T'), t.hour, 2);
  end = putDigits(putChar(end, ':'), t.minute, 2);
  end = putDigits(putChar(end, ':'), t.second, 2);
  if (t.millisecond != 0) {
    end = putDigits(putChar(end, '.'), t.millisecond, 3);
  }
  const int magnitude = zone_minutes < 0 ? -zone_minutes : zone_minutes;
  end = putDigits(putChar(end, zone_minutes < 0 ? '-' : '+'), magnitude / 60, 2);
  end = putDigits(putChar(end, ':'), magnitude % 60, 2);
  return std::string(text, end);
}

// Reads min..max digits at `pos` (greedy); nullopt when there are fewer than min.
std::optional<int> readNumber(std::string_view value, size_t& pos, unsigned min, unsigned max) {
  unsigned count = 0;
  int number = 0;
  while (count < max && pos < value.size() && isDigit(value[pos])) {
    number = number * 10 + (value[pos] - '0');
    ++pos;
    ++count;
  }
  if (count < min) {
    return std::nullopt;
  }
  return number;
}

int* fieldOf(LocalTime& t, Token::Kind kind) {
  switch (kind) {
  case Token::Kind::Year:
    return &t.year;
  case Token::Kind::Month:
    return &t.month;
  case Token::Kind::Day:
    return &t.day;
  case Token::Kind::Hour:
    return &t.hour;
  case Token::Kind::Minute:
    return &t.minute;
  case Token::Kind::Second:
    return &t.second;
  case Token::Kind::Millisecond:
    return &t.millisecond;
  case Token::Kind::Literal:
    break;
  }
  return nullptr;
}

std::optional<LocalTime> matchPattern(std::string_view value, const std::vector<Token>& tokens) {
  LocalTime t;
  size_t pos = 0;
  for (const Token& token : tokens) {
    if (token.kind == Token::Kind::Literal) {
      if (value.substr(pos, token.literal.size()) != token.literal) {
        return std::nullopt;
      }
      pos += token.literal.size();
      continue;
    }
    const std::optional<int> number = readNumber(value, pos, token.min_digits, token.max_digits);
    if (!number) {
      return std::nullopt;
    }
    *fieldOf(t, token.kind) = *number;
  }
  return pos == value.size() ? std::optional<LocalTime>(t) : std::nullopt;
}

// ±HH:MM, ±HHMM, ±HH or Z at `pos` running to the end of `value`.
std::optional<int> zoneAt(std::string_view value, size_t pos) {
  return pos < value.size() ? parseZoneOffset(value.substr(pos)) : std::nullopt;
}

bool expect(std::string_view value, size_t& pos, char c) {
  if (pos < value.size() && value[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

// Optional ":SS[.fraction]" after the minutes.
bool readSeconds(std::string_view value, size_t& pos, LocalTime& t) {
  if (!expect(value, pos, ':')) {
    return true;
  }
  const std::optional<int> second = readNumber(value, pos, 2, 2);
  if (!second) {
    return false;
  }
  t.second = *second;
  if (!expect(value, pos, '.') && !expect(value, pos, ',')) {
    return true;
  }
  const size_t start = pos;
  const std::optional<int> fraction = readNumber(value, pos, 1, 9);
  if (!fraction) {
    return false;
  }
  const std::string_view digits = value.substr(start, pos - start);
  t.millisecond = 0;
  for (size_t i = 0; i < 3; ++i) { // kept to the millisecond, truncated like the model does
    t.millisecond = t.millisecond * 10 + (i < digits.size() ? digits[i] - '0' : 0);
  }
  return true;
}

std::optional<LocalTime> matchIso8601(std::string_view value) {
  LocalTime t;
  size_t pos = 0;
  const auto year = readNumber(value, pos, 4, 4);
  const auto month = expect(value, pos, '-') ? readNumber(value, pos, 2, 2) : std::nullopt;
  const auto day = expect(value, pos, '-') ? readNumber(value, pos, 2, 2) : std::nullopt;
  if (!year || !month || !day) {
    return std::nullopt;
  }
  t.year = *year;
  t.month = *month;
  t.day = *day;
  if (pos == value.size()) {
    return t; // a date alone is midnight
  }
  if (!expect(value, pos, 'T') && !expect(value, pos, ' ')) {
    return std::nullopt;
  }
  const auto hour = readNumber(value, pos, 2, 2);
  const auto minute = expect(value, pos, ':') ? readNumber(value, pos, 2, 2) : std::nullopt;
  if (!hour || !minute || !readSeconds(value, pos, t)) {
    return std::nullopt;
  }
  t.hour = *hour;
  t.minute = *minute;
  if (pos < value.size()) {
    t.zone_minutes = zoneAt(value, pos);
    if (!t.zone_minutes) {
      return std::nullopt;
    }
  }
  return t;
}

std::optional<std::string> parseEpoch(std::string_view value, bool milliseconds, int zone) {
  size_t pos = 0;
  const bool negative = expect(value, pos, '-');
  int64_t number = 0;
  const size_t digits_start = pos;
  while (pos < value.size() && isDigit(value[pos]) && pos - digits_start < 16) {
    number = number * 10 + (value[pos] - '0');
    ++pos;
  }
  if (pos == digits_start || pos != value.size()) {
    return std::nullopt;
  }
  int64_t ms = milliseconds ? number : number * 1000;
  ms = negative ? -ms : ms;
  // Local years 0000..9999 only (formatTimestamp's precondition, and anything else is junk).
  constexpr int64_t kFirst = -62'167'219'200'000; // 0000-01-01T00:00:00Z
  constexpr int64_t kLast = 253'402'300'799'999;  // 9999-12-31T23:59:59.999Z
  const int64_t local = ms + int64_t{zone} * 60'000;
  if (local < kFirst || local > kLast) {
    return std::nullopt;
  }
  return model::formatTimestamp(model::Timestamp{ms, zone});
}

struct TokenSpelling {
  std::string_view letters;
  Token::Kind kind;
  unsigned min_digits;
  unsigned max_digits;
};

constexpr std::array<TokenSpelling, 12> kTokens{{
    {"yyyy", Token::Kind::Year, 4, 4},
    {"MM", Token::Kind::Month, 2, 2},
    {"M", Token::Kind::Month, 1, 2},
    {"dd", Token::Kind::Day, 2, 2},
    {"d", Token::Kind::Day, 1, 2},
    {"HH", Token::Kind::Hour, 2, 2},
    {"H", Token::Kind::Hour, 1, 2},
    {"mm", Token::Kind::Minute, 2, 2},
    {"m", Token::Kind::Minute, 1, 2},
    {"ss", Token::Kind::Second, 2, 2},
    {"s", Token::Kind::Second, 1, 2},
    {"SSS", Token::Kind::Millisecond, 3, 3},
}};

bool isPatternLetter(char c) {
  return c == 'y' || c == 'M' || c == 'd' || c == 'H' || c == 'h' || c == 'm' || c == 's' ||
         c == 'S';
}

std::string_view hintFor(char letter) {
  switch (letter) {
  case 'y':
    return " (years are yyyy)";
  case 'h':
    return " (hours are HH or H, 0-23)";
  case 'S':
    return " (milliseconds are SSS)";
  default:
    return "";
  }
}

} // namespace

std::optional<int> parseZoneOffset(std::string_view text) {
  if (text == "Z" || text == "z") {
    return 0;
  }
  if (text.size() < 3 || (text[0] != '+' && text[0] != '-')) {
    return std::nullopt;
  }
  size_t pos = 1;
  const auto hours = readNumber(text, pos, 2, 2);
  std::optional<int> minutes = 0;
  if (pos < text.size()) {
    expect(text, pos, ':');
    minutes = readNumber(text, pos, 2, 2);
  }
  if (!hours || !minutes || pos != text.size() || *hours > 18 || *minutes > 59) {
    return std::nullopt;
  }
  const int total = *hours * 60 + *minutes;
  return text[0] == '-' ? -total : total;
}

Result<DateFormat> DateFormat::compile(std::string_view pattern) {
  DateFormat format;
  format.text_ = std::string(pattern);
  if (pattern == "epoch_s" || pattern == "epoch_ms" || pattern == "iso8601") {
    format.named_ = pattern == "epoch_s"    ? Named::EpochSeconds
                    : pattern == "epoch_ms" ? Named::EpochMilliseconds
                                            : Named::Iso8601;
    return format;
  }
  bool year = false;
  bool month = false;
  bool day = false;
  for (size_t pos = 0; pos < pattern.size();) {
    if (!isPatternLetter(pattern[pos])) {
      if (format.tokens_.empty() || format.tokens_.back().kind != Token::Kind::Literal) {
        format.tokens_.emplace_back();
      }
      format.tokens_.back().literal.push_back(pattern[pos++]);
      continue;
    }
    size_t run = 1;
    while (pos + run < pattern.size() && pattern[pos + run] == pattern[pos]) {
      ++run;
    }
    const std::string_view letters = pattern.substr(pos, run);
    const TokenSpelling* spelling = nullptr;
    for (const TokenSpelling& candidate : kTokens) {
      spelling = candidate.letters == letters ? &candidate : spelling;
    }
    if (spelling == nullptr) {
      return invalidArgument("bad date format \"" + std::string(pattern) + "\": \"" +
                             std::string(letters) + "\" is not a token" +
                             std::string(hintFor(pattern[pos])) +
                             "; tokens are yyyy MM M dd d HH H mm m ss s SSS");
    }
    format.tokens_.push_back(Token{spelling->kind, spelling->min_digits, spelling->max_digits, {}});
    year |= spelling->kind == Token::Kind::Year;
    month |= spelling->kind == Token::Kind::Month;
    day |= spelling->kind == Token::Kind::Day;
    pos += run;
  }
  if (!year || !month || !day) {
    return invalidArgument("bad date format \"" + std::string(pattern) +
                           "\": needs a year (yyyy), a month (MM or M) and a day (dd or d), or "
                           "one of epoch_s, epoch_ms, iso8601");
  }
  return format;
}

std::optional<std::string> DateFormat::parse(std::string_view value, int zone_minutes) const {
  switch (named_) {
  case Named::EpochSeconds:
    return parseEpoch(value, false, zone_minutes);
  case Named::EpochMilliseconds:
    return parseEpoch(value, true, zone_minutes);
  case Named::Iso8601:
  case Named::Pattern:
    break;
  }
  const std::optional<LocalTime> local =
      named_ == Named::Iso8601 ? matchIso8601(value) : matchPattern(value, tokens_);
  if (!local || !isValid(*local)) {
    return std::nullopt;
  }
  return canonicalText(*local, local->zone_minutes.value_or(zone_minutes));
}

} // namespace hotline::mapping
