#include "core/audit/audit_hasher.h"

#include <openssl/evp.h>

#include <array>
#include <memory>

namespace hotline::audit {
namespace {

// Bumped whenever the canonical form changes, so that old records keep verifying under the
// rules they were written with.
constexpr std::string_view kFormTag = "hotline-audit/1\n";

void appendField(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ',';
}

void appendField(std::string& out, int64_t value) {
  appendField(out, std::to_string(value));
}

// Fetched once: EVP_sha256()/EVP_sm3() make OpenSSL 3 look the implementation up in its
// provider tables on every digest, which costs about as much as hashing a short record.
// Kept for the life of the process on purpose (still reachable, so not a leak).
const EVP_MD* digestOf(HashAlgorithm algorithm) {
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
  static EVP_MD* const sm3 = EVP_MD_fetch(nullptr, "SM3", nullptr);
  switch (algorithm) {
  case HashAlgorithm::Sha256:
    return sha256;
  case HashAlgorithm::Sm3:
    return sm3;
  }
  return nullptr;
}

std::string toHex(const unsigned char* bytes, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(size * 2, '0');
  for (size_t i = 0; i < size; ++i) {
    hex[2 * i] = kDigits[bytes[i] >> 4];
    hex[2 * i + 1] = kDigits[bytes[i] & 0x0f];
  }
  return hex;
}

} // namespace

const char* hashAlgorithmName(HashAlgorithm algorithm) {
  switch (algorithm) {
  case HashAlgorithm::Sha256:
    return "sha256";
  case HashAlgorithm::Sm3:
    return "sm3";
  }
  return "unknown";
}

Result<HashAlgorithm> parseHashAlgorithm(std::string_view name) {
  if (name == "sha256") {
    return HashAlgorithm::Sha256;
  }
  if (name == "sm3") {
    return HashAlgorithm::Sm3;
  }
  return invalidArgument("unknown audit hash algorithm \"" + std::string(name) +
                         "\": expected \"sha256\" or \"sm3\"");
}

Result<std::string> hexDigest(HashAlgorithm algorithm, std::string_view bytes) {
  const EVP_MD* md = digestOf(algorithm);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (md == nullptr ||
      EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, md, nullptr) != 1) {
    return internalError(std::string("OpenSSL cannot compute ") + hashAlgorithmName(algorithm) +
                         ": the algorithm is not available in the loaded providers");
  }
  return toHex(digest.data(), size);
}

std::string canonicalAuditForm(const store::AuditRecord& record) {
  std::string out;
  out.reserve(kFormTag.size() + record.detail.size() + record.prev_hash.size() + 160);
  out += kFormTag;
  appendField(out, record.seq);
  appendField(out, record.at_ms);
  appendField(out, record.action);
  appendField(out, record.actor);
  appendField(out, record.ticket_id);
  appendField(out, record.message_id);
  appendField(out, record.outbox_id);
  appendField(out, record.target);
  appendField(out, record.detail);
  appendField(out, record.prev_hash);
  appendField(out, record.algorithm);
  return out;
}

std::string chainHash(HashAlgorithm algorithm, const store::AuditRecord& record) {
  Result<std::string> digest = hexDigest(algorithm, canonicalAuditForm(record));
  return digest.isOk() ? std::move(digest).value() : std::string();
}

} // namespace hotline::audit
