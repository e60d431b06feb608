#include "core/model/event_codec.h"

#include "core/model/codec_support.h"
#include "core/model/event_fields.h"

namespace hotline::model {
namespace {

constexpr std::string_view kWhat = "event";

} // namespace

std::string encodeEvent(const TicketEvent& event) {
  return detail::encodeText(event);
}

void writeEvent(rapidjson::Writer<rapidjson::StringBuffer>& writer, const TicketEvent& event) {
  detail::JsonEncoder::encodeStruct(writer, event);
}

Result<TicketEvent> decodeEvent(std::string_view json, std::vector<DecodeIssue>* issues) {
  return detail::decodeText<TicketEvent>(json, kWhat, issues);
}

Result<TicketEvent> decodeEvent(const rapidjson::Value& value, std::vector<DecodeIssue>* issues) {
  return detail::decodeValue<TicketEvent>(value, kWhat, issues);
}

Result<std::string> compactJsonObject(std::string_view json) {
  rapidjson::Document document;
  HOTLINE_RETURN_IF_ERROR(parseJsonDocument(json, "event data", document));
  if (!document.IsObject() || document.MemberCount() == 0) {
    return invalidArgument(
        std::string("invalid event data: expected a non-empty object, got ") +
        (document.IsObject() ? "an empty object" : detail::jsonTypeName(document)));
  }
  return compactJson(document);
}

} // namespace hotline::model
