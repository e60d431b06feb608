#include "core/log/log.h"

#include <cstdio>
#include <ctime>

namespace hotline::log {

std::string formatTimestamp(std::chrono::system_clock::time_point time) {
  using std::chrono::duration_cast;
  using std::chrono::milliseconds;
  using std::chrono::seconds;
  // China Standard Time has had no daylight saving since 1991: a fixed offset is exact.
  const auto shifted = std::chrono::floor<milliseconds>(time) + std::chrono::hours(8);
  const auto whole_seconds = std::chrono::floor<seconds>(shifted);
  const auto millis = duration_cast<milliseconds>(shifted - whole_seconds).count();
  const std::time_t since_epoch = std::chrono::system_clock::to_time_t(whole_seconds);
  std::tm civil{};
  gmtime_r(&since_epoch, &civil);
  char text[96]; // room for any int the compiler can imagine, not just real dates
  std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03d+08:00",
                civil.tm_year + 1900, civil.tm_mon + 1, civil.tm_mday, civil.tm_hour, civil.tm_min,
                civil.tm_sec, static_cast<int>(millis));
  return text;
}

} // namespace hotline::log
