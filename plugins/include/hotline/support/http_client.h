#pragma once
// One blocking HTTP call with libcurl's easy interface that also brings back the answer's
// headers, which connectors need to verify a reply's signature. A handle per call: deliveries
// run on several worker threads, and a peer's volume is a few calls a second at most.
// Library hotline_support_http (it links libcurl, which the rest of hotline_support does not
// need).

#include "hotline/support/signed_call.h"

#include <string>
#include <vector>

namespace hotline::support {

// Bodies longer than this are cut (and marked truncated): a peer's reply is a small envelope
// or one page of a feed, and a reply signature cannot be checked over a cut body anyway.
constexpr size_t kMaxReplyBytes = 4 << 20;

// Calls curl_global_init once; call before threads make calls (a connector's configure).
void initHttpClient();

// `headers` are complete lines ("Name: value"). Redirects are not followed: a redirect would
// send a signed call to a target it was not signed for.
HttpAnswer httpCall(const std::string& method, const std::string& url, const std::string& body,
                    const std::vector<std::string>& headers, long timeout_ms);

inline HttpAnswer httpPost(const std::string& url, const std::string& body,
                           const std::vector<std::string>& headers, long timeout_ms) {
  return httpCall("POST", url, body, headers, timeout_ms);
}

} // namespace hotline::support
