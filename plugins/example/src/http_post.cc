#include "http_post.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>

namespace hotline::connectors::example {
namespace {

// Keeps the start of the answer (the verdict is the status code; the text explains it).
size_t keepAnswerStart(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const size_t bytes = size * count;
  if (body->size() < kMaxAnswerBytes) {
    body->append(data, std::min(bytes, kMaxAnswerBytes - body->size()));
  }
  return bytes;
}

} // namespace

PostResult httpPost(const std::string& url, const std::string& body,
                    const std::vector<std::string>& headers, long timeout_ms) {
  PostResult result;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    result.error = "cannot create a libcurl handle";
    return result;
  }
  curl_slist* list = nullptr;
  for (const std::string& header : headers) {
    list = curl_slist_append(list, header.c_str());
  }
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(list,
                                                                          curl_slist_free_all);
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_POST, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, header_list.get());
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, keepAnswerStart);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &result.body);
  const CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK) {
    result.error = curl_easy_strerror(code);
    return result;
  }
  result.transport_ok = true;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &result.status);
  return result;
}

} // namespace hotline::connectors::example
