#include "core/pipeline/dedupe_key.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace hotline::pipeline {

std::string dedupeKey(const InboundMessage& message) {
  if (!message.idempotency_key.empty()) {
    return message.source + "\n" + message.idempotency_key;
  }
  Poco::SHA2Engine sha256(Poco::SHA2Engine::SHA_256);
  sha256.update(message.body);
  return message.source + "\nsha256:" + Poco::DigestEngine::digestToHex(sha256.digest());
}

} // namespace hotline::pipeline
