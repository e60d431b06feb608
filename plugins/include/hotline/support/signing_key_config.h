#pragma once
// A connector instance's signing key from its configuration: the keys app_key, secret and
// sign_alg that the department and exchange connectors both declare (each with its own
// documentation text), read and checked the same way so that a bad key is refused with the
// same words whichever link it is for.

#include "hotline/plugin/config.h"
#include "hotline/status.h"
#include "hotline/support/request_signing.h"
#include "hotline/support/request_signing_verifier.h"

namespace hotline::support {

// InvalidArgument naming the key, checked in this order: sign_alg (HMAC-SHA256, HMAC-SM3),
// app_key (isSigningAppKey), secret (not empty). sign_alg defaults to HMAC-SHA256.
Result<SigningKey> readSigningKey(const plugin::Config& config);

// The verifier's settings from the keys window_s (seconds, default 300) and replay_cache
// (nonces, default 50,000). One key per link, so the per-key and the total nonce limit are
// the same; `window` also bounds the peer's reply timestamps.
VerifierOptions readVerifierOptions(const plugin::Config& config);

} // namespace hotline::support
