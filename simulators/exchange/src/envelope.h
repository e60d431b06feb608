#pragma once
// The exchange's reply envelope (issue spec "Signing"): {"code":0,"message":"ok","data":{…}}
// on success, {"code":<http status>,"message":"<reason>","data":null} on failure.

#include <httplib.h>

#include <string>
#include <string_view>

namespace hotline::sim::exchange {

std::string okEnvelope(std::string_view data_json);
std::string errorEnvelope(int status, std::string_view message);

// Unsigned answers: /sim/* control, and refusals before a caller is verified.
void replyOk(httplib::Response& response, std::string_view data_json);
void replyError(httplib::Response& response, int status, std::string_view message);

} // namespace hotline::sim::exchange
