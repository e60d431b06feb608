#pragma once
// Transport-neutral request/response used by the ingress router and everything it calls
// (core endpoints, connector endpoints through the plugin host). The POCO server converts
// to and from these at its edge so that handlers never see POCO types.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hotline::http {

struct HttpRequest {
  std::string method; // "GET", "POST", ...
  std::string path;   // decoded path without the query, e.g. "/connectors/ex-1/tickets"
  std::string query;  // raw query string without '?', may be empty
  // The request target exactly as sent (path and query, nothing decoded): what request
  // signatures cover (plugins/support/REQUEST_SIGNING.md).
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers; // in arrival order
  std::string body;   // complete body, already bounded by the size limit
  std::string remote; // "127.0.0.1:54321"
  // Values of "{name}" segments of the matched route pattern.
  std::map<std::string, std::string> path_params;

  // First header with this name, compared case-insensitively; empty when absent.
  std::string_view header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  // Sets status and a JSON error body {"error":{"code":..,"message":..}}.
  void setError(int http_status, std::string_view code, std::string_view message);
};

// Called on a server worker thread; may be called concurrently. Must not throw (the server
// converts a stray exception into a 500, but that is a bug in the handler).
using HttpHandler = std::function<void(const HttpRequest&, HttpResponse&)>;

} // namespace hotline::http
