// libFuzzer target: what the connectors read of a peer's answers and reads, on arbitrary
// bytes — the department's push replies (JSON envelope and SOAP, department_codec.h), the
// exchange's replies (either form, exchange_replies.h) and feed pages (feed.h), and the paged
// reads' query strings (the department's task list, the exchange's feed). Besides the
// sanitizers it checks:
//   - a refusal is InvalidArgument with a reason;
//   - the two connectors read the same envelope or SOAP reply to the same code and message
//     (they share hotline/support/peer_envelope.h and soap_reply.h): only the number differs;
//   - a SOAP reply that reads has a code; a query that reads has a limit from 1 to 500;
//   - every item of a feed page that reads has a kind and, when JSON, an object for a body.
#include "department_codec.h"
#include "exchange_replies.h"
#include "feed.h"

#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace hotline;
namespace department = hotline::connectors::department;
namespace exchange = hotline::connectors::exchange;

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_peer_replies: %s: %s\n", what, detail.c_str());
  std::abort();
}

void expectRefusal(const Status& status, const char* parser) {
  if (status.code() != StatusCode::InvalidArgument || status.message().empty()) {
    fail(parser, "refusal is not InvalidArgument with a reason: " + status.toString());
  }
}

// The department's and the exchange's reading of one reply in one form agree.
void compareReplies(department::ReplyFormat format, std::string_view body) {
  Result<department::DeptReply> dept = department::parseReply(format, body);
  Result<support::PeerReply> peer = format == department::ReplyFormat::Xml
                                        ? exchange::parseXmlReply(body)
                                        : exchange::parseJsonReply(body);
  if (dept.isOk() != peer.isOk()) {
    fail("the connectors disagree on whether a reply reads",
         dept.status().toString() + " / " + peer.status().toString());
  }
  if (!dept) {
    expectRefusal(dept.status(), "department reply");
    expectRefusal(peer.status(), "exchange reply");
    if (dept.status().message() != peer.status().message()) {
      fail("the connectors refuse a reply differently",
           dept.status().message() + " / " + peer.status().message());
    }
    return;
  }
  if (dept->code != peer->code || dept->message != peer->message) {
    fail("the connectors read a reply differently", dept->code + " / " + peer->code);
  }
  if (format == department::ReplyFormat::Xml && dept->code.empty()) {
    fail("a SOAP reply read without a code", std::string(body));
  }
}

void checkFeedPage(std::string_view body) {
  Result<exchange::PeerPage> page = exchange::parsePeerPage(body);
  if (!page) {
    expectRefusal(page.status(), "feed page");
    return;
  }
  for (const exchange::PeerItem& item : page->items) {
    if (item.content_type == "application/json") {
      rapidjson::Document parsed;
      parsed.Parse(item.body.data(), item.body.size());
      if (parsed.HasParseError() || !parsed.IsObject()) {
        fail("a JSON item's body is not an object", item.body);
      }
    }
  }
}

void checkQueries(std::string_view query) {
  Result<department::TaskQuery> tasks = department::parseTaskQuery(query);
  if (!tasks) {
    expectRefusal(tasks.status(), "task query");
  } else if (tasks->limit == 0 || tasks->limit > department::kMaxTaskLimit) {
    fail("task query limit out of range", std::to_string(tasks->limit));
  }
  Result<exchange::FeedQuery> feed = exchange::parseFeedQuery(query);
  if (!feed) {
    expectRefusal(feed.status(), "feed query");
  } else if (feed->limit == 0 || feed->limit > exchange::kMaxFeedLimit) {
    fail("feed query limit out of range", std::to_string(feed->limit));
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  compareReplies(department::ReplyFormat::Json, body);
  compareReplies(department::ReplyFormat::Xml, body);
  Result<support::PeerReply> either = exchange::parseReply(body);
  if (!either) {
    expectRefusal(either.status(), "exchange reply (either form)");
  }
  checkFeedPage(body);
  checkQueries(body);
  return 0;
}
