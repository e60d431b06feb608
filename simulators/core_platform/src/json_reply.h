#pragma once
// The core platform's answer shapes: {"code":0,"message":"ok","data":{…}} on success and
// {"code":<http status>,"message":"…"} on failure (DESIGN.md §7: the exchange-style envelope).

#include <httplib.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>

namespace hotline::sim::core_platform {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

inline void writeString(JsonWriter& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

// {"code":0,"message":"ok","data":{"platform_id":"CP…"}} — for 201 and for a duplicate's 200.
std::string acceptedBody(std::string_view platform_id);

void replyJson(httplib::Response& response, int status, std::string body);
// `retry_after_s` >= 0 adds a Retry-After header.
void replyError(httplib::Response& response, int status, std::string_view message,
                int retry_after_s = -1);
// {"code":0,"message":"ok","data":<data_json>}; `data_json` must be one JSON value.
void replyOk(httplib::Response& response, std::string_view data_json);

} // namespace hotline::sim::core_platform
