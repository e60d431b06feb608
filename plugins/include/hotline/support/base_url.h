#pragma once
// A peer's configured base URL (a department's endpoint, a hotline's peer_url), split into
// what a signed call needs: the origin to connect to and the path that starts every signed
// request target. Shared so that both connectors accept and refuse the same URLs.

#include "hotline/status.h"

#include <string>
#include <string_view>

namespace hotline::support {

struct BaseUrl {
  std::string url;    // as configured, without trailing '/'
  std::string origin; // scheme://host[:port]
  std::string path;   // "" or "/connectors/county-x": url == origin + path
};

// An http:// or https:// URL without query or fragment (the call paths are appended to it);
// trailing '/' are dropped first. InvalidArgument naming `config_key` otherwise.
Result<BaseUrl> parseBaseUrl(std::string_view config_key, std::string url);

} // namespace hotline::support
