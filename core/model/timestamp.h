#pragma once
// A point in time as the canonical model carries it: the instant plus the UTC offset it was
// written with. Keeping the offset makes a round trip lossless ("09:30:00+08:00" comes back
// as itself, not as "01:30:00Z"), which the audit chain and byte-for-byte re-encoding rely on.

#include <cstdint>
#include <string>
#include <string_view>

#include "hotline/status.h"

namespace hotline::model {

// China Standard Time, the zone of every hotline this gateway serves; a time written without
// a zone is taken to be in it.
inline constexpr int kChinaStandardOffsetMinutes = 8 * 60;

struct Timestamp {
  int64_t epoch_ms = 0;                             // milliseconds since 1970-01-01T00:00:00Z
  int offset_minutes = kChinaStandardOffsetMinutes; // the offset it was written with

  static Timestamp fromEpochMs(int64_t epoch_ms, int offset_minutes = kChinaStandardOffsetMinutes) {
    return Timestamp{epoch_ms, offset_minutes};
  }

  // Equal only when both the instant and the written offset are equal (lossless contract);
  // use sameInstant() to compare instants.
  bool operator==(const Timestamp&) const = default;
};

inline bool sameInstant(const Timestamp& a, const Timestamp& b) {
  return a.epoch_ms == b.epoch_ms;
}

// Parses strict ISO-8601 / RFC 3339 extended format:
//   YYYY-MM-DDTHH:MM:SS[.f{1,9}][Z | ±HH:MM | ±HHMM]
// Fractions are kept to the millisecond (truncated). A time without a zone is +08:00.
// Impossible values (month 13, Feb 30, hour 24, second 60, offset beyond ±18:00) are
// rejected with InvalidArgument naming the value and the reason.
Result<Timestamp> parseTimestamp(std::string_view text);

// "2024-04-10T09:30:00+08:00"; ".mmm" is added only when the milliseconds are not zero, and
// UTC is written "+00:00", never "Z", so that every instant has exactly one spelling per
// offset. Precondition: the local year lies in 0000..9999.
std::string formatTimestamp(const Timestamp& timestamp);

} // namespace hotline::model
