#include "core/model/ticket_id.h"

#include <openssl/rand.h>

#include <chrono>
#include <climits>

namespace hotline::model {
namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int64_t kMaxUlidMillis = (int64_t{1} << 48) - 1;
constexpr size_t kTimeChars = 10;

int64_t systemMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int crockfordValue(char c) {
  const size_t pos = kCrockford.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// Writes `bits` (a multiple of 5) of `value` as base32, most significant first.
void appendBase32(std::string& out, uint64_t value, int bits) {
  for (int shift = bits - 5; shift >= 0; shift -= 5) {
    out += kCrockford[static_cast<size_t>((value >> shift) & 31U)];
  }
}

uint64_t bytesToInt(const uint8_t* bytes, size_t count) {
  uint64_t value = 0;
  for (size_t i = 0; i < count; ++i) {
    value = (value << 8) | bytes[i];
  }
  return value;
}

std::string encodeUlid(int64_t millis, const std::array<uint8_t, 10>& random) {
  std::string out;
  out.reserve(kTicketIdLength);
  appendBase32(out, static_cast<uint64_t>(millis), 50);
  appendBase32(out, bytesToInt(random.data(), 5), 40);
  appendBase32(out, bytesToInt(random.data() + 5, 5), 40);
  return out;
}

} // namespace

Status systemRandomBytes(std::span<uint8_t> out) {
  if (out.size() > static_cast<size_t>(INT_MAX) ||
      RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) {
    return unavailable("RAND_bytes failed: the system random source is not available");
  }
  return Status::ok();
}

TicketIdGenerator::TicketIdGenerator() : TicketIdGenerator(systemMillis, systemRandomBytes) {}

TicketIdGenerator::TicketIdGenerator(Clock clock, RandomSource random)
    : clock_(std::move(clock)), random_(std::move(random)) {}

void TicketIdGenerator::incrementRandom() {
  for (size_t i = last_random_.size(); i-- > 0;) {
    if (++last_random_[i] != 0) {
      return;
    }
  }
  // The 80-bit counter wrapped (2^80 ids in one millisecond cannot really happen, but a
  // test's random source can start at all ones): borrow the next millisecond so the order
  // still holds.
  ++last_ms_;
}

Result<std::string> TicketIdGenerator::next() {
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now = clock_();
  if (now > last_ms_) {
    HOTLINE_RETURN_IF_ERROR(random_(std::span<uint8_t>(last_random_)));
    last_ms_ = now;
  } else {
    incrementRandom(); // same millisecond, or the clock stepped back: keep increasing
  }
  if (last_ms_ < 0 || last_ms_ > kMaxUlidMillis) {
    return internalError("clock value " + std::to_string(last_ms_) +
                         " ms does not fit a ticket id's 48-bit time");
  }
  return encodeUlid(last_ms_, last_random_);
}

bool isValidTicketId(std::string_view id) {
  if (id.size() != kTicketIdLength || id[0] > '7') {
    return false; // a first digit above 7 would need more than 48 bits of time
  }
  for (char c : id) {
    if (crockfordValue(c) < 0) {
      return false;
    }
  }
  return true;
}

Result<int64_t> ticketIdMillis(std::string_view id) {
  if (!isValidTicketId(id)) {
    return invalidArgument("not a ticket id (26 upper-case Crockford base32 characters)");
  }
  int64_t millis = 0;
  for (size_t i = 0; i < kTimeChars; ++i) {
    millis = millis * 32 + crockfordValue(id[i]);
  }
  return millis;
}

Result<std::string> newTicketId() {
  static TicketIdGenerator generator; // thread-safe initialisation (C++11 magic statics)
  return generator.next();
}

} // namespace hotline::model
