#include "core/delivery/curl_transfer.h"

#include <algorithm>
#include <cctype>
#include <memory>

namespace hotline::delivery::detail {
namespace {

using CurlText = std::unique_ptr<char, decltype(&curl_free)>;

std::string urlPart(CURLU* url, CURLUPart part, unsigned flags) {
  char* raw = nullptr;
  if (curl_url_get(url, part, &raw, flags) != CURLUE_OK || raw == nullptr) {
    return {};
  }
  CurlText text(raw, &curl_free);
  return std::string(text.get());
}

size_t writeBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<CurlTransfer*>(user);
  const size_t bytes = size * count;
  if (transfer->result.body.size() + bytes > transfer->max_body) {
    transfer->body_too_large = true;
    return 0; // aborts the transfer with CURLE_WRITE_ERROR
  }
  transfer->result.body.append(data, bytes);
  return bytes;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

size_t writeHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<CurlTransfer*>(user);
  const size_t bytes = size * count;
  std::string_view line(data, bytes);
  if (line.rfind("HTTP/", 0) == 0) {
    // A new status line: an interim 1xx answer's headers must not leak into the final one.
    transfer->result.headers.clear();
    return bytes;
  }
  const auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    transfer->result.headers.emplace_back(trimmed(line.substr(0, colon)),
                                          trimmed(line.substr(colon + 1)));
  }
  return bytes;
}

bool hasLineBreak(const std::string& text) {
  return text.find_first_of("\r\n") != std::string::npos;
}

Status setMethodAndBody(CurlTransfer& t) {
  CURL* easy = t.easy;
  const std::string& method = t.request.method;
  CURLcode rc = CURLE_OK;
  if (method == "GET") {
    rc = curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  } else if (method == "HEAD") {
    rc = curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else {
    if (method != "POST") {
      rc = curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.c_str());
    }
    if (rc == CURLE_OK && (method == "POST" || !t.request.body.empty())) {
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(t.request.body.size()));
      rc = curl_easy_setopt(easy, CURLOPT_POSTFIELDS, t.request.body.data());
    }
  }
  if (rc != CURLE_OK) {
    return internalError(std::string("cannot set HTTP method: ") + curl_easy_strerror(rc));
  }
  return Status::ok();
}

Status setHeaders(CurlTransfer& t) {
  for (const auto& [name, value] : t.request.headers) {
    // "Name;" is libcurl's way to send a header with an empty value.
    std::string line = value.empty() ? name + ";" : name + ": " + value;
    curl_slist* grown = curl_slist_append(t.header_list, line.c_str());
    if (grown == nullptr) {
      return internalError("out of memory building request headers");
    }
    t.header_list = grown;
  }
  // No "Expect: 100-continue" round trip for larger bodies: our peers answer at once.
  curl_slist* grown = curl_slist_append(t.header_list, "Expect:");
  if (grown == nullptr) {
    return internalError("out of memory building request headers");
  }
  t.header_list = grown;
  curl_easy_setopt(t.easy, CURLOPT_HTTPHEADER, t.header_list);
  return Status::ok();
}

} // namespace

Result<std::string> hostKeyOf(const std::string& url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> parsed(curl_url(), &curl_url_cleanup);
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return invalidArgument("not a valid URL: '" + url + "'");
  }
  std::string scheme = urlPart(parsed.get(), CURLUPART_SCHEME, 0);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (scheme != "http" && scheme != "https") {
    return invalidArgument("only http:// and https:// URLs are supported, got '" + url + "'");
  }
  const std::string host = urlPart(parsed.get(), CURLUPART_HOST, 0);
  const std::string port = urlPart(parsed.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  if (host.empty()) {
    return invalidArgument("URL has no host: '" + url + "'");
  }
  return scheme + "://" + host + ":" + port;
}

Status checkRequest(const HttpRequest& request) {
  if (request.method.empty() ||
      !std::all_of(request.method.begin(), request.method.end(),
                   [](unsigned char c) { return std::isupper(c) != 0; })) {
    return invalidArgument("HTTP method must be an upper-case token, got '" + request.method + "'");
  }
  for (const auto& [name, value] : request.headers) {
    if (name.empty() || hasLineBreak(name) || hasLineBreak(value) ||
        name.find(':') != std::string::npos) {
      return invalidArgument("HTTP header '" + name + "' has an invalid name or value");
    }
  }
  if (request.timeout.count() <= 0) {
    return invalidArgument("HTTP request timeout must be positive");
  }
  return Status::ok();
}

Status configureEasy(CurlTransfer& t, const HttpClientOptions& options) {
  CURL* easy = t.easy;
  const auto connect_timeout =
      t.request.connect_timeout.count() > 0 ? t.request.connect_timeout : options.connect_timeout;
  t.max_body = options.max_response_bytes;
  if (curl_easy_setopt(easy, CURLOPT_URL, t.request.url.c_str()) != CURLE_OK) {
    return invalidArgument("libcurl refused the URL '" + t.request.url + "'");
  }
  // No signals: timeouts must not use SIGALRM in a multi-threaded process.
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(t.request.timeout.count()));
  curl_easy_setopt(easy, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t.error_buffer);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &writeBody);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &writeHeader);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(easy, CURLOPT_PRIVATE, &t);
  HOTLINE_RETURN_IF_ERROR(setHeaders(t));
  return setMethodAndBody(t);
}

TransportError transportErrorOf(CURLcode code) {
  switch (code) {
  case CURLE_OK:
    return TransportError::None;
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_COULDNT_RESOLVE_PROXY:
  case CURLE_COULDNT_CONNECT:
    return TransportError::Connect;
  case CURLE_OPERATION_TIMEDOUT:
    return TransportError::Timeout;
  case CURLE_SEND_ERROR:
  case CURLE_RECV_ERROR:
  case CURLE_GOT_NOTHING:
  case CURLE_PARTIAL_FILE:
  case CURLE_SSL_CONNECT_ERROR:
  case CURLE_PEER_FAILED_VERIFICATION:
  case CURLE_HTTP2:
  case CURLE_HTTP2_STREAM:
    return TransportError::Network;
  default:
    return TransportError::Other;
  }
}

void finishResult(CurlTransfer& t, CURLcode code) {
  HttpResult& result = t.result;
  curl_easy_getinfo(t.easy, CURLINFO_NUM_CONNECTS, &t.connects);
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - t.started);
  if (code == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    result.status = static_cast<int>(status);
    if (result.status > 0) {
      return;
    }
    result.transport = TransportError::Network;
    result.error = "the peer sent no HTTP status line";
    return;
  }
  result.status = 0;
  if (t.body_too_large) {
    result.transport = TransportError::Other;
    result.error = "response body exceeds " + std::to_string(t.max_body) + " bytes";
    return;
  }
  result.transport = transportErrorOf(code);
  result.error = curl_easy_strerror(code);
  if (t.error_buffer[0] != '\0') {
    result.error += std::string(": ") + t.error_buffer;
  }
}

} // namespace hotline::delivery::detail
