#include "core/model/ticket_codec.h"

#include "core/model/codec_support.h"
#include "core/model/ticket_fields.h"

namespace hotline::model {
namespace {

constexpr std::string_view kWhat = "ticket";

} // namespace

std::string encodeTicket(const Ticket& ticket) {
  return detail::encodeText(ticket);
}

void writeTicket(rapidjson::Writer<rapidjson::StringBuffer>& writer, const Ticket& ticket) {
  detail::JsonEncoder::encodeStruct(writer, ticket);
}

Result<Ticket> decodeTicket(std::string_view json, std::vector<DecodeIssue>* issues) {
  return detail::decodeText<Ticket>(json, kWhat, issues);
}

Result<Ticket> decodeTicket(const rapidjson::Value& value, std::vector<DecodeIssue>* issues) {
  return detail::decodeValue<Ticket>(value, kWhat, issues);
}

} // namespace hotline::model
