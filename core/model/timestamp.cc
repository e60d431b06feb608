// Hand-written on purpose. The gateway needs (1) strictness: an impossible date must be an
// error that names the value, never silently normalised (Poco::DateTimeParser accepts
// "2024-02-30" and rolls it over to March, and accepts a space for 'T'); (2) a default zone of
// +08:00 for zone-less input, where POCO and std::chrono::parse assume UTC; and (3) the original
// offset preserved for lossless round trips. The grammar is small enough that a direct parser
// is shorter than adapting a general one.
#include "core/model/timestamp.h"

#include <array>
#include <cstdio>
#include <optional>

#include "core/model/quoted_value.h"

namespace hotline::model {
namespace {

constexpr int64_t kMsPerDay = 86'400'000;
constexpr int kMaxOffsetMinutes = 18 * 60;
constexpr std::string_view kExpectedFormat = "YYYY-MM-DDTHH:MM:SS[.fff][Z|+HH:MM]";
constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

struct Fields {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int millis = 0;
  int offset_minutes = kChinaStandardOffsetMinutes;
  int offset_hour = 0; // as written, for the range message
};

// Howard Hinnant's days_from_civil: proleptic Gregorian, exact for any year.
int64_t daysFromCivil(int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;
  const int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

struct CivilDate {
  int64_t year;
  int month;
  int day;
};

CivilDate civilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

bool isLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[static_cast<size_t>(month - 1)];
}

// Reads the fixed-width grammar; returns the reason on a syntax error.
class TimestampScanner {
public:
  explicit TimestampScanner(std::string_view text) : text_(text) {}

  std::optional<std::string> scan(Fields& out) {
    if (!digits(4, out.year) || !literal('-') || !digits(2, out.month) || !literal('-') ||
        !digits(2, out.day) || !literal('T') || !digits(2, out.hour) || !literal(':') ||
        !digits(2, out.minute) || !literal(':') || !digits(2, out.second) || !fraction(out) ||
        !zone(out)) {
      return error_;
    }
    if (pos_ != text_.size()) {
      return "unexpected " + quoteValue(text_.substr(pos_, 1)) + " at position " +
             std::to_string(pos_);
    }
    return std::nullopt;
  }

private:
  bool fail(std::string what) {
    error_ = "expected " + what + " at position " + std::to_string(pos_);
    return false;
  }

  bool digits(size_t count, int& out) {
    out = 0;
    for (size_t i = 0; i < count; ++i) {
      if (pos_ >= text_.size() || text_[pos_] < '0' || text_[pos_] > '9') {
        return fail("a digit");
      }
      out = out * 10 + (text_[pos_++] - '0');
    }
    return true;
  }

  bool literal(char c) {
    if (pos_ >= text_.size() || text_[pos_] != c) {
      return fail(std::string("'") + c + "'");
    }
    ++pos_;
    return true;
  }

  bool fraction(Fields& out) {
    if (pos_ >= text_.size() || text_[pos_] != '.') {
      return true;
    }
    ++pos_;
    size_t count = 0;
    int millis = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      if (count < 3) {
        millis = millis * 10 + (text_[pos_] - '0');
      }
      ++count;
      ++pos_;
    }
    if (count == 0 || count > 9) {
      return fail("1 to 9 fraction digits");
    }
    for (size_t i = count; i < 3; ++i) {
      millis *= 10;
    }
    out.millis = millis;
    return true;
  }

  bool zone(Fields& out) {
    if (pos_ == text_.size()) {
      return true; // no zone: China Standard Time (the default in Fields)
    }
    if (text_[pos_] == 'Z') {
      ++pos_;
      out.offset_minutes = 0;
      return true;
    }
    if (text_[pos_] != '+' && text_[pos_] != '-') {
      return fail("'Z', '+' or '-'");
    }
    const int sign = text_[pos_++] == '-' ? -1 : 1;
    int minutes = 0;
    if (!digits(2, out.offset_hour)) {
      return false;
    }
    if (pos_ < text_.size() && text_[pos_] == ':') {
      ++pos_;
    }
    if (!digits(2, minutes)) {
      return false;
    }
    if (minutes > 59) {
      error_ = "offset minutes " + std::to_string(minutes) + " are out of range (00-59)";
      return false;
    }
    out.offset_minutes = sign * (out.offset_hour * 60 + minutes);
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;
};

std::string twoDigits(int value) {
  return (value >= 0 && value < 10 ? "0" : "") + std::to_string(value);
}

// The semantic checks the grammar cannot express; returns the reason a value is impossible.
std::optional<std::string> impossibleValue(const Fields& f) {
  if (f.month < 1 || f.month > 12) {
    return "month " + twoDigits(f.month) + " does not exist";
  }
  if (f.day < 1 || f.day > daysInMonth(f.year, f.month)) {
    return "day " + twoDigits(f.day) + " does not exist in " +
           std::string(kMonthNames[static_cast<size_t>(f.month - 1)]) + " " +
           std::to_string(f.year);
  }
  if (f.hour > 23) {
    return "hour " + twoDigits(f.hour) + " is out of range (00-23)";
  }
  if (f.minute > 59) {
    return "minute " + twoDigits(f.minute) + " is out of range (00-59)";
  }
  if (f.second > 59) {
    return "second " + twoDigits(f.second) + " is out of range (00-59; leap seconds are not kept)";
  }
  if (f.offset_minutes > kMaxOffsetMinutes || f.offset_minutes < -kMaxOffsetMinutes) {
    return "offset hour " + twoDigits(f.offset_hour) + " is out of range (at most ±18:00)";
  }
  return std::nullopt;
}

} // namespace

Result<Timestamp> parseTimestamp(std::string_view text) {
  Fields fields;
  if (auto syntax = TimestampScanner(text).scan(fields)) {
    return invalidArgument(quoteValue(text) + " is not an ISO-8601 time: " + *syntax + " (format " +
                           std::string(kExpectedFormat) + ")");
  }
  if (auto impossible = impossibleValue(fields)) {
    return invalidArgument(quoteValue(text) + " is not a valid time: " + *impossible);
  }
  const int64_t days = daysFromCivil(fields.year, fields.month, fields.day);
  const int64_t local_seconds =
      days * 86400 + fields.hour * 3600 + fields.minute * 60 + fields.second;
  const int64_t utc_seconds = local_seconds - int64_t{fields.offset_minutes} * 60;
  return Timestamp{utc_seconds * 1000 + fields.millis, fields.offset_minutes};
}

std::string formatTimestamp(const Timestamp& timestamp) {
  const int64_t local_ms = timestamp.epoch_ms + int64_t{timestamp.offset_minutes} * 60'000;
  int64_t days = local_ms / kMsPerDay;
  int64_t ms_of_day = local_ms % kMsPerDay;
  if (ms_of_day < 0) { // floor division for instants before 1970
    ms_of_day += kMsPerDay;
    --days;
  }
  const CivilDate date = civilFromDays(days);
  const int64_t seconds_of_day = ms_of_day / 1000;
  const int millis = static_cast<int>(ms_of_day % 1000);
  const int offset =
      timestamp.offset_minutes < 0 ? -timestamp.offset_minutes : timestamp.offset_minutes;
  char buffer[128]; // far more than the longest possible output
  int length = std::snprintf(buffer, sizeof(buffer), "%04lld-%02d-%02dT%02lld:%02lld:%02lld",
                             static_cast<long long>(date.year), date.month, date.day,
                             static_cast<long long>(seconds_of_day / 3600),
                             static_cast<long long>(seconds_of_day / 60 % 60),
                             static_cast<long long>(seconds_of_day % 60));
  if (millis != 0) {
    length += std::snprintf(buffer + length, sizeof(buffer) - static_cast<size_t>(length), ".%03d",
                            millis);
  }
  std::snprintf(buffer + length, sizeof(buffer) - static_cast<size_t>(length), "%c%02d:%02d",
                timestamp.offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
  return buffer;
}

} // namespace hotline::model
