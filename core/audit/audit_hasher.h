#pragma once
// The hash of the audit chain (DESIGN.md §9): every record's hash covers an unambiguous byte
// form of all of its fields plus the previous record's hash, so editing, removing or
// reordering any record breaks the chain from that point on.
//
// SM3 is offered beside SHA-256 because government systems in China are often required to
// use the national algorithms (GB/T 32905); both come from OpenSSL 3's default provider.
//
// Thread safety: every function is pure and may be called from any thread.

#include "core/store/store.h"
#include "hotline/status.h"

#include <string>
#include <string_view>

namespace hotline::audit {

enum class HashAlgorithm { Sha256, Sm3 };

// "sha256" or "sm3": the name stored in each record's `algorithm` field.
const char* hashAlgorithmName(HashAlgorithm algorithm);
// InvalidArgument naming the value and the accepted names when it is neither.
Result<HashAlgorithm> parseHashAlgorithm(std::string_view name);

// Lower-case hex of H(bytes). Fails only when OpenSSL lacks the algorithm (a FIPS-only
// provider without SM3, say); the stores call it once at open to find out early.
Result<std::string> hexDigest(HashAlgorithm algorithm, std::string_view bytes);

// Every field of `record` except `hash`, each length-prefixed ("<decimal length>:<bytes>,")
// behind a version tag, so that no two different records share a form ("ab"+"c" differs
// from "a"+"bc") and a later format can be told apart.
std::string canonicalAuditForm(const store::AuditRecord& record);

// hex(H(canonicalAuditForm(record))). The canonical form already holds prev_hash, which is
// what chains the records. Returns "" only if the digest fails (see hexDigest).
std::string chainHash(HashAlgorithm algorithm, const store::AuditRecord& record);

} // namespace hotline::audit
