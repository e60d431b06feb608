#pragma once
// One blocking HTTP POST with libcurl's easy interface, for the example connector's
// downlink: enough for a template; a connector with real traffic keeps connections alive
// (a curl handle per worker) or uses the host's delivery client.

#include <string>
#include <vector>

namespace hotline::connectors::example {

struct PostResult {
  bool transport_ok = false; // false: no HTTP answer (connect error, timeout)
  long status = 0;
  std::string error; // transport error text
  std::string body;  // the answer's first kMaxAnswerBytes bytes, for error messages
};

constexpr size_t kMaxAnswerBytes = 512;

PostResult httpPost(const std::string& url, const std::string& body,
                    const std::vector<std::string>& headers, long timeout_ms);

} // namespace hotline::connectors::example
