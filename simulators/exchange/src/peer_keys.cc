#include "simulators/exchange/src/peer_keys.h"

#include <fstream>
#include <sstream>

namespace hotline::sim::exchange {

Result<support::SigningKey> parseKeySpec(std::string_view spec, std::string_view where) {
  const std::string prefix = std::string(where) + ": ";
  const size_t colon = spec.find(':');
  if (colon == std::string_view::npos) {
    return invalidArgument(prefix + "expected APPKEY:SECRET[:ALG], found no ':'");
  }
  support::SigningKey key;
  key.app_key = std::string(spec.substr(0, colon));
  std::string_view secret = spec.substr(colon + 1);
  if (const size_t last = secret.rfind(':'); last != std::string_view::npos) {
    const std::string_view tail = secret.substr(last + 1);
    if (tail.starts_with("HMAC-")) {
      auto algorithm = support::parseSignAlgorithm(tail);
      if (!algorithm) {
        return invalidArgument(prefix + algorithm.status().message());
      }
      key.algorithm = *algorithm;
      secret = secret.substr(0, last);
    }
  }
  if (!support::isSigningAppKey(key.app_key)) {
    return invalidArgument(prefix + "the app key must be 1 to 128 visible ASCII characters");
  }
  if (secret.empty()) {
    return invalidArgument(prefix + "the secret of app key \"" + key.app_key + "\" is empty");
  }
  key.secret = std::string(secret);
  return key;
}

Status PeerKeys::add(const support::SigningKey& key, std::string_view where) {
  if (keys_.contains(key.app_key)) {
    return invalidArgument(std::string(where) + ": app key \"" + key.app_key + "\" is given twice");
  }
  keys_.emplace(key.app_key, support::CallerKey{key.secret, {key.algorithm}, {}});
  return Status::ok();
}

Status PeerKeys::addFromText(std::string_view text, std::string_view file_name) {
  std::istringstream lines{std::string(text)};
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') {
      continue;
    }
    const size_t end = line.find_last_not_of(" \t");
    const std::string where = std::string(file_name) + ":" + std::to_string(number);
    auto key = parseKeySpec(std::string_view(line).substr(start, end - start + 1), where);
    if (!key) {
      return key.status();
    }
    HOTLINE_RETURN_IF_ERROR(add(*key, where));
  }
  return Status::ok();
}

Status PeerKeys::addFromFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return invalidArgument("--keys-file: cannot read \"" + path + "\"");
  }
  std::ostringstream text;
  text << file.rdbuf();
  return addFromText(text.str(), path);
}

} // namespace hotline::sim::exchange
