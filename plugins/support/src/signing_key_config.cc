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

VerifierOptions readVerifierOptions(const plugin::Config& config) {
  Result<long long> window_s = config.getInteger("window_s");
  Result<long long> replay_cache = config.getInteger("replay_cache");
  const size_t nonces = static_cast<size_t>(replay_cache ? *replay_cache : 50000);
  VerifierOptions options;
  options.window = std::chrono::seconds(window_s ? *window_s : 300);
  options.nonce_limits = NonceCacheLimits{nonces, nonces};
  return options;
}

} // namespace hotline::support
