#include "department_codec.h"

#include "hotline/support/page_query.h"
#include "hotline/support/soap_reply.h"

namespace hotline::connectors::department {
namespace {

// The department's replies are the shared envelope and SOAP reply (hotline/support), with the
// department's own name for its case number.
Result<DeptReply> fromPeerReply(Result<support::PeerReply> reply) {
  if (!reply) {
    return reply.status();
  }
  return DeptReply{std::move(reply->code), std::move(reply->message), std::move(reply->number)};
}

} // namespace

Result<DeptReply> parseJsonReply(std::string_view body) {
  return fromPeerReply(support::readEnvelopeReply(body, "caseNo"));
}

Result<DeptReply> parseXmlReply(std::string_view body) {
  return fromPeerReply(support::readSoapReply(body, "DeptNo"));
}

Result<DeptReply> parseReply(ReplyFormat format, std::string_view body) {
  return format == ReplyFormat::Xml ? parseXmlReply(body) : parseJsonReply(body);
}

Result<TaskQuery> parseTaskQuery(std::string_view query) {
  TaskQuery parsed;
  support::PageQueryRules rules;
  rules.default_limit = parsed.limit;
  rules.max_limit = kMaxTaskLimit;
  rules.cursor = "a task seq";
  Result<support::PageQuery> page = support::parsePageQuery(
      query, rules, [&parsed](std::string_view name, std::string_view value) {
        if (name == "status") {
          if (value != "new" && value != "all") {
            return invalidArgument("status: must be new or all");
          }
          parsed.only_new = value == "new";
        }
        return Status::ok();
      });
  if (!page) {
    return page.status();
  }
  parsed.since = page->since;
  parsed.limit = page->limit;
  return parsed;
}

} // namespace hotline::connectors::department
