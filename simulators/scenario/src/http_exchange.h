#pragma once
// One HTTP request of a step, made with cpp-httplib.

#include <chrono>
#include <string>

#include "simulators/scenario/src/scenario_model.h"

namespace hotline::sim::scenario {

struct HttpResponse {
  bool received = false; // false: no response (connection refused, timeout, reset)
  std::string error;     // why nothing was received
  int status = 0;
  std::string body;
};

// Sends `request` (already substituted). `timeout` bounds connecting and reading.
HttpResponse performHttp(const HttpRequestSpec& request, std::chrono::milliseconds timeout);

// "201 {"ticket_id":...}" truncated to `limit` bytes of body, or "no response: <error>".
std::string describeResponse(const HttpResponse& response, size_t limit = 400);

} // namespace hotline::sim::scenario
