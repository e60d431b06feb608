#pragma once
// The signing keys of `hotline-sim exchange`: the peers allowed to call it (--peer-key,
// --keys-file) and its own key for the calls it makes (--own-key). A key is written
// APPKEY:SECRET[:ALG] with ALG HMAC-SHA256 (default) or HMAC-SM3, the way a test or a
// scenario script passes it on a command line. Secrets never appear in an error.

#include <map>
#include <string>
#include <string_view>

#include "hotline/status.h"
#include "hotline/support/request_signing.h"
#include "hotline/support/request_signing_verifier.h"

namespace hotline::sim::exchange {

// Parses "APPKEY:SECRET[:ALG]". The secret may itself hold ':' — only a last segment that
// names an algorithm (HMAC-SHA256, HMAC-SM3) is taken as ALG. `where` prefixes errors
// (e.g. "--peer-key" or "keys.txt:3").
Result<support::SigningKey> parseKeySpec(std::string_view spec, std::string_view where);

// The verifier's table, app key -> key. Adding an app key twice is an error (two different
// secrets for one caller would make the table's meaning depend on the order of flags).
class PeerKeys {
public:
  Status add(const support::SigningKey& key, std::string_view where);
  // One key spec per line; blank lines and lines starting with '#' are skipped.
  Status addFromText(std::string_view text, std::string_view file_name);
  Status addFromFile(const std::string& path);

  bool empty() const { return keys_.empty(); }
  size_t size() const { return keys_.size(); }
  support::KeyLookup lookup() const { return support::fixedKeys(keys_); }

private:
  std::map<std::string, support::CallerKey, std::less<>> keys_;
};

} // namespace hotline::sim::exchange
