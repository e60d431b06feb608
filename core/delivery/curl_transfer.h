#pragma once
// Internal to HttpClient: one request's state while libcurl works on it, and the pure
// helpers that translate between our HttpRequest/HttpResult and libcurl's easy handle.
//
// Thread safety: a CurlTransfer belongs to one thread at a time (the caller of send() until
// it is queued, then the client's worker).

#include "core/delivery/http_client.h"

#include <curl/curl.h>

#include <chrono>
#include <string>

namespace hotline::delivery::detail {

struct CurlTransfer {
  CurlTransfer() = default;
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;
  ~CurlTransfer() { curl_slist_free_all(header_list); }

  HttpRequest request;
  HttpClient::Callback done;
  std::string host_key; // "http://127.0.0.1:8080": the unit of the per-host limit
  HttpResult result;
  CURL* easy = nullptr; // OWNERSHIP: the worker's handle pool; borrowed while active
  curl_slist* header_list = nullptr;
  char error_buffer[CURL_ERROR_SIZE] = {};
  std::chrono::steady_clock::time_point started{};
  size_t max_body = 0;
  bool body_too_large = false;
  long connects = 0; // new connections this transfer opened (CURLINFO_NUM_CONNECTS)
};

// "scheme://host:port" of an http(s) URL (default port filled in); InvalidArgument for
// anything else.
Result<std::string> hostKeyOf(const std::string& url);

// InvalidArgument when a header name or value could smuggle in another header (CR, LF) or
// the method is not a plain token.
Status checkRequest(const HttpRequest& request);

// Sets every option of the transfer on its (freshly reset) easy handle.
Status configureEasy(CurlTransfer& transfer, const HttpClientOptions& options);

// Fills transfer.result once libcurl reports the transfer done with `code`.
void finishResult(CurlTransfer& transfer, CURLcode code);

TransportError transportErrorOf(CURLcode code);

} // namespace hotline::delivery::detail
