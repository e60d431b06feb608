#include "core/model/event_facts.h"

#include <rapidjson/document.h>

#include "core/model/decode_issue.h"
#include "core/model/json_decoder.h"
#include "core/model/json_document.h"

namespace hotline::model {

Result<EventFacts> readEventFacts(const TicketEvent& event) {
  EventFacts facts;
  if (event.data.empty()) {
    return facts;
  }
  rapidjson::Document data;
  HOTLINE_RETURN_IF_ERROR(parseJsonDocument(event.data, "event data", data));
  if (!data.IsObject()) {
    return decodeIssuesStatus("event data", {{"/data", "expected object"}});
  }
  std::vector<DecodeIssue> issues;
  if (auto it = data.FindMember("approved"); it != data.MemberEnd()) {
    if (it->value.IsBool()) {
      facts.approved = it->value.GetBool();
    } else {
      issues.push_back({"/data/approved",
                        std::string("expected boolean, got ") + detail::jsonTypeName(it->value)});
    }
  }
  if (auto it = data.FindMember("merged_into"); it != data.MemberEnd()) {
    if (it->value.IsString() && it->value.GetStringLength() > 0) {
      facts.merged_into.assign(it->value.GetString(), it->value.GetStringLength());
    } else {
      issues.push_back({"/data/merged_into", it->value.IsString()
                                                 ? std::string("must not be empty")
                                                 : std::string("expected string, got ") +
                                                       detail::jsonTypeName(it->value)});
    }
  }
  if (!issues.empty()) {
    return decodeIssuesStatus("event data", issues);
  }
  return facts;
}

} // namespace hotline::model
