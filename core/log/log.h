#pragma once
// Structured logging: one JSON object per line, e.g.
//   {"ts":"2026-11-28T11:20:51.123+08:00","level":"info","component":"plugin_host",
//    "msg":"connector started","instance":"example-1"}
// Every string (message and field values) passes through the personal-data masker before it
// is written: field values by their key (support::maskField), the message by content
// (support::maskText). Built on Poco::Logger so that channels (console, file, rotation) are
// POCO's.
//
// Thread safety: all functions may be called from any thread.

#include <chrono>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hotline::log {

enum class Level { Trace, Debug, Info, Warn, Error };

struct Field {
  std::string key;
  std::string value;
  Field(std::string k, std::string v) : key(std::move(k)), value(std::move(v)) {}
  Field(std::string k, const char* v) : key(std::move(k)), value(v) {}
  Field(std::string k, std::string_view v) : key(std::move(k)), value(v) {}
  Field(std::string k, long long v) : key(std::move(k)), value(std::to_string(v)) {}
  Field(std::string k, int v) : key(std::move(k)), value(std::to_string(v)) {}
  Field(std::string k, unsigned v) : key(std::move(k)), value(std::to_string(v)) {}
  Field(std::string k, unsigned long v) : key(std::move(k)), value(std::to_string(v)) {}
};
using Fields = std::vector<Field>;

struct Options {
  Level level = Level::Info;
  std::string path; // empty: stderr; otherwise a file (POCO FileChannel, appended)
};

// Sets level and destination; may be called again (e.g. by tests).
void configure(const Options& options);
// "trace" | "debug" | "info" | "warn" | "error"; returns false for anything else.
bool parseLevel(std::string_view text, Level& out);

bool enabled(Level level);
void write(Level level, std::string_view component, std::string_view message,
           const Fields& fields = {});

inline void debug(std::string_view c, std::string_view m, const Fields& f = {}) {
  write(Level::Debug, c, m, f);
}
inline void info(std::string_view c, std::string_view m, const Fields& f = {}) {
  write(Level::Info, c, m, f);
}
inline void warn(std::string_view c, std::string_view m, const Fields& f = {}) {
  write(Level::Warn, c, m, f);
}
inline void error(std::string_view c, std::string_view m, const Fields& f = {}) {
  write(Level::Error, c, m, f);
}

// Renders one log line (without the trailing newline) exactly as write() would; pure, used
// by write() and by tests that prove masking.
std::string formatLine(Level level, std::string_view component, std::string_view message,
                       const Fields& fields, std::string_view timestamp);

// Additions beyond the first contract:

// "trace" | "debug" | "info" | "warn" | "error".
std::string_view levelName(Level level);

// "2026-11-28T11:20:51.123+08:00": the gateway logs in China Standard Time whatever the
// host's time zone, so that lines from every node of a province compare as text.
std::string formatTimestamp(std::chrono::system_clock::time_point time);

} // namespace hotline::log
