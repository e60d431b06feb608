#pragma once
// The view of an HTTP request a connector's endpoint handler receives, and the response it
// fills. Both are thin wrappers over the C ABI: the request borrows host memory valid for
// the duration of the handler call; the response is copied by the host immediately.

#include "hotline/plugin/abi.h"
#include "hotline/plugin/abi_util.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <strings.h>

namespace hotline::plugin {

class HttpRequest {
public:
  explicit HttpRequest(const hl_http_request& raw) : raw_(raw) {}

  std::string_view method() const { return abi::view(raw_.method); }
  std::string_view path() const { return abi::view(raw_.path); }
  std::string_view query() const { return abi::view(raw_.query); }
  std::string_view body() const { return abi::view(raw_.body); }
  std::string_view remote() const { return abi::view(raw_.remote); }
  // The request target exactly as sent (path and query, not decoded), for signature checks.
  // A host older than ABI 1.1 does not send it: then path and query are joined again (equal
  // whenever the path needed no percent-escapes).
  std::string target() const {
    if (raw_.struct_size >= offsetof(hl_http_request, target) + sizeof(hl_str)) {
      return std::string(abi::view(raw_.target));
    }
    std::string joined(path());
    if (!query().empty()) {
      joined.append("?").append(query());
    }
    return joined;
  }

  // First header of that name (case-insensitive); empty when absent.
  std::string_view header(std::string_view name) const {
    return find(raw_.headers, raw_.header_count, name, true);
  }
  // Value of a "{name}" segment of the route pattern; empty when absent.
  std::string_view pathParam(std::string_view name) const {
    return find(raw_.path_params, raw_.path_param_count, name, false);
  }

private:
  static std::string_view find(const hl_kv* items, size_t count, std::string_view name,
                               bool ignore_case) {
    for (size_t i = 0; i < count; ++i) {
      std::string_view key = abi::view(items[i].key);
      bool same =
          key.size() == name.size() &&
          (ignore_case ? strncasecmp(key.data(), name.data(), key.size()) == 0 : key == name);
      if (same) {
        return abi::view(items[i].value);
      }
    }
    return {};
  }

  const hl_http_request& raw_;
};

class HttpResponse {
public:
  HttpResponse(const hl_host_api& api, hl_http_response* raw) : api_(api), raw_(raw) {}

  void send(int status, std::string_view content_type, std::string_view body) {
    std::string type(content_type);
    api_.respond(raw_, status, type.c_str(), body.data(), body.size());
    sent_ = true;
  }
  void addHeader(const std::string& name, const std::string& value) {
    api_.add_header(raw_, name.c_str(), value.c_str());
  }
  bool sent() const { return sent_; }

private:
  const hl_host_api& api_;
  hl_http_response* raw_;
  bool sent_ = false;
};

using HttpHandler = std::function<void(const HttpRequest&, HttpResponse&)>;

} // namespace hotline::plugin
