#pragma once
// Message signatures shared by the core and connectors: HMAC over a message with a shared
// key, hex-encoded, and a constant-time comparison so that checking a forged signature takes
// as long as checking a good one. SHA-256 now; the exchange's HMAC-SM3 joins it later.

#include "hotline/status.h"

#include <string>
#include <string_view>

namespace hotline::support {

enum class HmacAlgorithm { Sha256, Sm3 };

// Lower-case hex of HMAC(key, message).
Result<std::string> hmacHex(HmacAlgorithm algorithm, std::string_view key,
                            std::string_view message);

// Lower-case hex of the plain digest of `message` (e.g. the body hash inside a signed string).
Result<std::string> digestHex(HmacAlgorithm algorithm, std::string_view message);

// Equal length and content, compared in time independent of where they differ.
bool constantTimeEquals(std::string_view a, std::string_view b);

} // namespace hotline::support
