#include "hotline/support/signing_key_config.h"

namespace hotline::support {

Result<SigningKey> readSigningKey(const plugin::Config& config) {
  SigningKey key;
  key.app_key = config.getString("app_key", "");
  key.secret = config.getString("secret", "");
  Result<HmacAlgorithm> algorithm = parseSignAlgorithm(config.getString("sign_alg", "HMAC-SHA256"));
  if (!algorithm) {
    return invalidArgument("sign_alg: " + algorithm.status().message());
  }
  key.algorithm = *algorithm;
  if (!isSigningAppKey(key.app_key)) {
    return invalidArgument("app_key: must be 1 to 128 visible ASCII characters");
  }
  if (key.secret.empty()) {
    return invalidArgument("secret: is empty");
  }
  return key;
}

} // namespace hotline::support
