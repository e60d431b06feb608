#pragma once
// Date formats of the `date` transform, tokenised once at load. A pattern is made of tokens
// yyyy, MM/M, dd/d, HH/H, mm/m, ss/s, SSS; any other character is literal ("yyyy年M月d日").
// Three named formats: epoch_s, epoch_ms (digits since 1970-01-01T00:00:00Z) and iso8601
// (2024-04-10T09:30:00+08:00; also a space for 'T', no seconds, a fraction, Z or ±HH:MM or
// ±HHMM, or a date alone).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/status.h"

namespace hotline::mapping {

// "+08:00", "+0800", "+08", "-05:30" or "Z" -> minutes east of UTC.
std::optional<int> parseZoneOffset(std::string_view text);

class DateFormat {
public:
  // InvalidArgument when `pattern` is neither a named format nor a pattern with yyyy, M and d
  // (a letter run such as "hh" or "yy" that is not a token is refused with what to write).
  static Result<DateFormat> compile(std::string_view pattern);

  // Canonical ISO-8601 with offset ("2024-04-10T09:30:00+08:00", ".123" only when there are
  // milliseconds) when `value` matches the whole format and is a real date and time;
  // `zone_minutes` applies unless the value carries its own zone.
  std::optional<std::string> parse(std::string_view value, int zone_minutes) const;

  const std::string& text() const { return text_; }

  struct Token {
    enum class Kind { Literal, Year, Month, Day, Hour, Minute, Second, Millisecond };
    Kind kind = Kind::Literal;
    unsigned min_digits = 0;
    unsigned max_digits = 0;
    std::string literal;
  };

private:
  enum class Named { Pattern, EpochSeconds, EpochMilliseconds, Iso8601 };

  std::string text_;
  Named named_ = Named::Pattern;
  std::vector<Token> tokens_;
};

} // namespace hotline::mapping
