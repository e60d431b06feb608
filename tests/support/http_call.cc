#include "tests/support/http_call.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <rapidjson/document.h>

namespace hotline::testing {

HttpReply httpCall(uint16_t port, const std::string& method, const std::string& path,
                   const std::string& body,
                   const std::vector<std::pair<std::string, std::string>>& headers) {
  try {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json");
    for (const auto& [name, value] : headers) {
      request.set(name, value);
    }
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpReply reply{static_cast<int>(response.getStatus()), ""};
    Poco::StreamCopier::copyToString(in, reply.body);
    return reply;
  } catch (const Poco::Exception&) {
    return {};
  }
}

std::string ticketIdOf(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str());
  if (!doc.IsObject() || !doc.HasMember("ticket_id") || !doc["ticket_id"].IsString()) {
    return "";
  }
  return doc["ticket_id"].GetString();
}

} // namespace hotline::testing
