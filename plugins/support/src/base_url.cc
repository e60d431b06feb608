#include "hotline/support/base_url.h"

namespace hotline::support {

Result<BaseUrl> parseBaseUrl(std::string_view config_key, std::string url) {
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  bool http = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  if (!http || url.find_first_of("?#") != std::string::npos) {
    return invalidArgument(std::string(config_key) + ": \"" + url +
                           "\" is not an http:// or https:// URL without query or fragment");
  }
  size_t path_start = url.find('/', url.find("://") + 3);
  BaseUrl base;
  base.path = path_start == std::string::npos ? "" : url.substr(path_start);
  base.origin = url.substr(0, url.size() - base.path.size());
  base.url = std::move(url);
  return base;
}

} // namespace hotline::support
