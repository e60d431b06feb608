#include "exchange_replies.h"

#include "json_util.h"

#include "hotline/support/soap_reply.h"

namespace hotline::connectors::exchange {

// The shared envelope and SOAP reply (hotline/support), with the hotline's name for its number.
Result<support::PeerReply> parseJsonReply(std::string_view body) {
  return support::readEnvelopeReply(body, "number");
}

Result<support::PeerReply> parseXmlReply(std::string_view body) {
  return support::readSoapReply(body, "Number");
}

Result<support::PeerReply> parseReply(std::string_view body) {
  size_t first = body.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && body[first] == '<') {
    return parseXmlReply(body);
  }
  return parseJsonReply(body);
}

std::string ticketAnswerData(std::string_view ticket_id, bool duplicate) {
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("number");
  json::writeString(writer, ticket_id);
  writer.Key("ticket_id");
  json::writeString(writer, ticket_id);
  writer.Key("duplicate");
  writer.Bool(duplicate);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string knowledgeAnswerData(std::string_view article_id, bool duplicate) {
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("article_id");
  json::writeString(writer, article_id);
  writer.Key("duplicate");
  writer.Bool(duplicate);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::connectors::exchange
