#pragma once
// The CLI's side of the admin API: finds the running gateway's admin endpoint and token
// (from the config file, the token file, or HOTLINE_ADMIN_TOKEN) and makes one request.

#include "hotline/status.h"

#include <string>
#include <vector>

namespace hotline::app {

struct AdminEndpoint {
  std::string host = "127.0.0.1";
  uint16_t port = 8081;
  std::string token;
};

struct AdminReply {
  int status = 0;
  std::string body;
};

// --admin HOST:PORT, --token-file FILE and --config FILE (default config/gateway.json) from
// args; HOTLINE_ADMIN_TOKEN wins over any file.
Result<AdminEndpoint> resolveAdminEndpoint(const std::vector<std::string>& args);

Result<AdminReply> callAdmin(const AdminEndpoint& endpoint, const std::string& method,
                             const std::string& path_and_query, const std::string& body = "");

// Pretty-prints a JSON body (falls back to the raw text).
std::string prettyJson(const std::string& body);

} // namespace hotline::app
