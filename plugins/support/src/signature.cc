#include "hotline/support/signature.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace hotline::support {
namespace {

const EVP_MD* digestOf(HmacAlgorithm algorithm) {
  return algorithm == HmacAlgorithm::Sm3 ? EVP_sm3() : EVP_sha256();
}

std::string toHex(const unsigned char* bytes, unsigned int size) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0x0f];
  }
  return out;
}

} // namespace

Result<std::string> hmacHex(HmacAlgorithm algorithm, std::string_view key,
                            std::string_view message) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (HMAC(digestOf(algorithm), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(), out,
           &size) == nullptr) {
    return internalError("HMAC failed (OpenSSL)");
  }
  return toHex(out, size);
}

Result<std::string> digestHex(HmacAlgorithm algorithm, std::string_view message) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(message.data(), message.size(), out, &size, digestOf(algorithm), nullptr) != 1) {
    return internalError("digest failed (OpenSSL)");
  }
  return toHex(out, size);
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

} // namespace hotline::support
