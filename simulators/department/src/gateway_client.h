#pragma once
// Signed calls from the department system to the gateway's connector (callbacks, pull-mode
// reads): signs each request with the department's key and verifies the signed reply.

#include <string>
#include <string_view>

#include "hotline/status.h"
#include "hotline/support/request_signing.h"

namespace hotline::sim::department {

// "http://127.0.0.1:8080/connectors/dept-cgj" -> origin "http://127.0.0.1:8080", path
// "/connectors/dept-cgj" (no trailing '/'; "" when the URL has no path).
struct GatewayUrl {
  std::string origin;
  std::string path;
};
Result<GatewayUrl> parseGatewayUrl(std::string_view url);

struct GatewayReply {
  int status = 0; // 0: no HTTP answer (see error)
  std::string body;
  bool verified = false; // the reply's signature held
  std::string error;     // empty when the call worked: 2xx and verified
};

// Thread-safe: one cpp-httplib client per call, no shared state.
class GatewayClient {
public:
  GatewayClient(support::SigningKey key, GatewayUrl url)
      : key_(std::move(key)), url_(std::move(url)) {}

  // `suffix` is appended to the URL's path, e.g. "/dept/v1/callbacks".
  GatewayReply call(const std::string& method, const std::string& suffix, const std::string& body,
                    const std::string& content_type) const;

private:
  const support::SigningKey key_;
  const GatewayUrl url_;
};

} // namespace hotline::sim::department
