#pragma once
// Gateway ticket ids: ULIDs (https://github.com/ulid/spec). 26 characters of Crockford base32,
// a 48-bit millisecond time followed by 80 random bits, so ids sort by creation time, carry no
// personal data and need no coordination between gateway instances. Within one millisecond a
// generator increments the random part, so the ids it issues are strictly increasing.

#include <array>
#include <cstdint>
#include <functional>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

#include "hotline/status.h"

namespace hotline::model {

inline constexpr size_t kTicketIdLength = 26;

// Thread-safe: next() may be called from any thread; ids from one generator are strictly
// increasing in issue order, even when the clock stalls or steps back.
class TicketIdGenerator {
public:
  using Clock = std::function<int64_t()>; // milliseconds since the Unix epoch
  using RandomSource = std::function<Status(std::span<uint8_t>)>;

  // The system clock and OpenSSL's CSPRNG.
  TicketIdGenerator();
  // Injected clock and randomness, for tests.
  TicketIdGenerator(Clock clock, RandomSource random);

  // Fails only when the random source fails (Unavailable).
  Result<std::string> next();

private:
  void incrementRandom();

  std::mutex mutex_;
  Clock clock_;
  RandomSource random_;
  int64_t last_ms_ = -1;                  // guarded by mutex_
  std::array<uint8_t, 10> last_random_{}; // guarded by mutex_
};

// True for 26 upper-case Crockford base32 characters whose time part fits 48 bits.
bool isValidTicketId(std::string_view id);

// The creation time encoded in an id (InvalidArgument when it is not a valid id).
Result<int64_t> ticketIdMillis(std::string_view id);

// From a process-wide generator (created on first use; no registration order involved).
Result<std::string> newTicketId();

// Fills `out` from OpenSSL's RAND_bytes.
Status systemRandomBytes(std::span<uint8_t> out);

} // namespace hotline::model
