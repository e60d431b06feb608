#pragma once
// The JSON the gateway answers an accepted message with (the connector passes it to the
// peer): {"ticket_id":"…","status":"…","duplicate":false}. A duplicate gets the first answer
// again, flagged "duplicate":true.

#include <string>
#include <string_view>

namespace hotline::pipeline {

std::string answerBody(const std::string& ticket_id, std::string_view status, bool duplicate);
// "duplicate":false -> "duplicate":true in an answer made by answerBody().
std::string markDuplicate(std::string body);

} // namespace hotline::pipeline
