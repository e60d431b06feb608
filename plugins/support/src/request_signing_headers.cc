// Parsing the five signing headers of a request or reply. Every header is checked, and the
// error lists every bad one, so that a peer's developer fixes them in one round trip. A value
// that failed its check is never echoed: it may be anything, including a pasted secret.
#include "hotline/support/request_signing.h"

#include <array>
#include <strings.h>

namespace hotline::support {
namespace {

constexpr size_t kMaxTimestampDigits = 16;
constexpr size_t kSignatureLength = 64; // both HMACs are 256 bits
constexpr size_t kMaxEchoedAlgorithm = 24;

std::string header(std::string_view name, std::string_view why) {
  return std::string(name) + ": " + std::string(why);
}

bool isHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

Result<std::string> parseAppKey(std::string_view value) {
  if (value.size() > kMaxAppKeyLength) {
    return invalidArgument(
        header(kAppKeyHeader, "longer than " + std::to_string(kMaxAppKeyLength) + " characters"));
  }
  if (!isVisibleAscii(value)) {
    return invalidArgument(
        header(kAppKeyHeader, "must be visible ASCII characters (no spaces or control bytes)"));
  }
  return std::string(value);
}

Result<int64_t> parseTimestamp(std::string_view value) {
  for (char c : value) {
    if (c < '0' || c > '9') {
      return invalidArgument(header(kTimestampHeader, "not a number; send milliseconds since "
                                                      "1970-01-01 UTC as decimal digits"));
    }
  }
  if (value.size() > kMaxTimestampDigits) {
    return invalidArgument(
        header(kTimestampHeader, "longer than " + std::to_string(kMaxTimestampDigits) + " digits"));
  }
  if (value.size() > 1 && value.front() == '0') {
    // One spelling per instant: the string to sign holds the number as written here.
    return invalidArgument(header(kTimestampHeader, "leading zeros are not allowed"));
  }
  int64_t ms = 0;
  for (char c : value) {
    ms = ms * 10 + (c - '0');
  }
  return ms;
}

Result<std::string> parseNonce(std::string_view value) {
  if (!isSigningNonce(value)) {
    std::string why = "must be " + std::to_string(kMinNonceLength) + " to " +
                      std::to_string(kMaxNonceLength) + " visible ASCII characters, ";
    why += isVisibleAscii(value) ? "got " + std::to_string(value.size())
                                 : std::string("found a space, control or non-ASCII byte");
    return invalidArgument(header(kNonceHeader, why));
  }
  return std::string(value);
}

Result<std::string> parseSignature(std::string_view value) {
  const std::string rule = "must be " + std::to_string(kSignatureLength) +
                           " hex characters (the HMAC in lower-case hex), ";
  if (value.size() != kSignatureLength) {
    return invalidArgument(header(kSignatureHeader, rule + "got " + std::to_string(value.size())));
  }
  std::string lower(value);
  for (char& c : lower) {
    if (!isHexDigit(c)) {
      return invalidArgument(header(kSignatureHeader, rule + "found a non-hex character"));
    }
    if (c >= 'A' && c <= 'F') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lower;
}

// Parses one header into `out`, or appends why it could not.
template <typename T, typename Parse>
void parseInto(std::string_view name, std::string_view value, Parse parse, T& out,
               std::string& errors) {
  Status status;
  if (value.empty()) {
    status = invalidArgument(header(name, "missing"));
  } else if (Result<T> parsed = parse(value)) {
    out = std::move(*parsed);
    return;
  } else {
    status = parsed.status();
  }
  if (!errors.empty()) {
    errors += "; ";
  }
  errors += status.message();
}

constexpr std::array<std::string_view, 5> kSigningHeaders = {
    kAppKeyHeader, kTimestampHeader, kNonceHeader, kSignAlgHeader, kSignatureHeader};

bool sameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// Only a value that is plainly an algorithm's name is echoed: a peer that put its secret into
// the wrong header must not find it in our logs (the fuzz target found that case).
bool looksLikeAlgorithmName(std::string_view value) {
  if (value.size() > kMaxEchoedAlgorithm || !isVisibleAscii(value)) {
    return false;
  }
  if (value.size() >= 4 && strncasecmp(value.data(), "hmac", 4) == 0) {
    return true;
  }
  for (std::string_view digest : {"MD5", "SHA1", "SHA-1", "SHA256", "SHA-256", "SM3"}) {
    if (sameName(value, digest)) {
      return true;
    }
  }
  return false;
}

} // namespace

Result<HmacAlgorithm> parseSignAlgorithm(std::string_view name) {
  if (name == "HMAC-SHA256") {
    return HmacAlgorithm::Sha256;
  }
  if (name == "HMAC-SM3") {
    return HmacAlgorithm::Sm3;
  }
  const bool echo = looksLikeAlgorithmName(name);
  return Status(StatusCode::Unauthenticated,
                std::string(kSignAlgHeader) + ": " +
                    (echo ? std::string(name) : std::string("this value")) +
                    " is not supported (HMAC-SHA256, HMAC-SM3)");
}

Result<SignatureHeaders> parseSignatureHeaders(const HeaderLookup& lookup) {
  SignatureHeaders out;
  std::string errors;
  parseInto(kAppKeyHeader, lookup(kAppKeyHeader), parseAppKey, out.app_key, errors);
  parseInto(kTimestampHeader, lookup(kTimestampHeader), parseTimestamp, out.timestamp_ms, errors);
  parseInto(kNonceHeader, lookup(kNonceHeader), parseNonce, out.nonce, errors);
  parseInto(kSignAlgHeader, lookup(kSignAlgHeader), parseSignAlgorithm, out.algorithm, errors);
  parseInto(kSignatureHeader, lookup(kSignatureHeader), parseSignature, out.signature, errors);
  if (!errors.empty()) {
    return Status(StatusCode::Unauthenticated, std::move(errors));
  }
  return out;
}

Result<SignatureHeaders> parseSignatureHeaders(const HeaderList& headers) {
  // A second copy of a signing header is refused rather than ignored: which copy a proxy or
  // framework would pick differs, and the signer and the verifier must see the same value.
  std::string errors;
  for (std::string_view name : kSigningHeaders) {
    size_t count = 0;
    for (const auto& [key, value] : headers) {
      count += sameName(key, name) ? 1 : 0;
    }
    if (count > 1) {
      errors += (errors.empty() ? "" : "; ") +
                header(name, "given " + std::to_string(count) + " times; send it once");
    }
  }
  if (!errors.empty()) {
    return Status(StatusCode::Unauthenticated, std::move(errors));
  }
  return parseSignatureHeaders([&headers](std::string_view name) -> std::string_view {
    for (const auto& [key, value] : headers) {
      if (sameName(key, name)) {
        return value;
      }
    }
    return {};
  });
}

} // namespace hotline::support
