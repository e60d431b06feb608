#pragma once
// One blocking HTTP POST with libcurl's easy interface that also brings back the answer's
// headers, which the department connector needs to verify the reply's signature. A handle per
// call: deliveries run on several worker threads, and a department's volume is a few pushes
// a minute.

#include "push_outcome.h"

#include <string>
#include <vector>

namespace hotline::connectors::department {

// Bodies longer than this are cut (and marked truncated): a department's reply is a small
// envelope, and a reply signature cannot be checked over a cut body anyway.
constexpr size_t kMaxReplyBytes = 1 << 20;

// Calls curl_global_init once; call before threads use httpPost (configure does).
void initHttpClient();

HttpAnswer httpPost(const std::string& url, const std::string& body,
                    const std::vector<std::string>& headers, long timeout_ms);

} // namespace hotline::connectors::department
