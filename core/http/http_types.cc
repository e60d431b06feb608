#include "core/http/http_types.h"
#include "hotline/support/masking.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

namespace hotline::http {
namespace {

char lowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lowerAscii(x) == lowerAscii(y);
         });
}

} // namespace

std::string_view HttpRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (equalsIgnoreCase(key, name)) {
      return value;
    }
  }
  return {};
}

void HttpResponse::setError(int http_status, std::string_view code, std::string_view message) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("error");
  writer.StartObject();
  // RapidJSON's Writer copies bytes as they are: invalid UTF-8 would make invalid JSON.
  const std::string safe_code = support::toValidUtf8(code);
  const std::string safe_message = support::toValidUtf8(message);
  writer.Key("code");
  writer.String(safe_code.data(), static_cast<rapidjson::SizeType>(safe_code.size()));
  writer.Key("message");
  writer.String(safe_message.data(), static_cast<rapidjson::SizeType>(safe_message.size()));
  writer.EndObject();
  writer.EndObject();
  status = http_status;
  content_type = "application/json";
  body.assign(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::http
