// libFuzzer target: the exchange connector's reading and rewriting of a peer's tickets,
// actions and knowledge articles (exchange_codec.h), and our feed's encoding of a body
// (feed.h), on arbitrary bytes. Besides the sanitizers it checks:
//   - a refusal is InvalidArgument with a reason;
//   - what a normalisation writes is a JSON object with what it promises: an inbound ticket
//     without `id`, status "submitted", the channel of the role, and still the sender's ref;
//     an outbound ticket without `id` carrying our ref; an outbound event naming our ticket;
//   - normalising again what was written changes nothing (the peer may send it back), unless
//     it holds a fraction: RapidJSON's default parse is not exact, so a fraction may move in
//     its last digit at each pass (its full-precision parse is no cure: it has undefined
//     behaviour of its own in 1.1.0, clz(0) on "0e-30");
//   - an event that reads names a ticket; an article that reads has an id.
#include "exchange_codec.h"
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
using namespace hotline::connectors::exchange;

constexpr std::string_view kPeer = "yucheng-12345";
constexpr std::string_view kUs = "shangqiu-12345";

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_exchange_payloads: %s: %s\n", what, detail.c_str());
  std::abort();
}

template <typename T>
bool readsOrRefuses(const Result<T>& result, const char* what) {
  if (!result && (result.status().code() != StatusCode::InvalidArgument ||
                  result.status().message().empty())) {
    fail(what, "refusal is not InvalidArgument with a reason: " + result.status().toString());
  }
  return result.isOk();
}

rapidjson::Document objectOf(const std::string& text, const char* what) {
  rapidjson::Document document;
  document.Parse(text.data(), text.size());
  if (document.HasParseError() || !document.IsObject()) {
    fail(what, "wrote no JSON object: " + text);
  }
  return document;
}

bool holdsFraction(const rapidjson::Value& value) {
  if (value.IsDouble()) {
    return true;
  }
  if (value.IsArray()) {
    for (const auto& item : value.GetArray()) {
      if (holdsFraction(item)) {
        return true;
      }
    }
  } else if (value.IsObject()) {
    for (const auto& member : value.GetObject()) {
      if (holdsFraction(member.value)) {
        return true;
      }
    }
  }
  return false;
}

std::string stringMember(const rapidjson::Value& object, const char* name) {
  auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsString()
             ? std::string(it->value.GetString(), it->value.GetStringLength())
             : "";
}

void checkInbound(std::string_view body, Role role) {
  Result<InboundTicket> ticket = normaliseInboundTicket(body, kPeer, role);
  if (!readsOrRefuses(ticket, "inbound ticket")) {
    return;
  }
  rapidjson::Document written = objectOf(ticket->body, "inbound ticket");
  if (written.HasMember("id") || stringMember(written, "status") != "submitted" ||
      stringMember(written, "channel") != (role == Role::City ? "county" : "city") ||
      ticket->peer_number.empty()) {
    fail("inbound ticket broke its promise", ticket->body);
  }
  Result<InboundTicket> again = normaliseInboundTicket(ticket->body, kPeer, role);
  if (!again || (again->body != ticket->body && !holdsFraction(written)) ||
      again->peer_number != ticket->peer_number) {
    fail("inbound ticket is not stable", ticket->body);
  }
}

void checkOutbound(std::string_view body) {
  Result<OutboundTicket> ticket = normaliseOutboundTicket(body, kUs, "", "T-1");
  if (!readsOrRefuses(ticket, "outbound ticket")) {
    return;
  }
  rapidjson::Document written = objectOf(ticket->body, "outbound ticket");
  if (written.HasMember("id") || ticket->our_number.empty()) {
    fail("outbound ticket broke its promise", ticket->body);
  }
  Result<OutboundTicket> again = normaliseOutboundTicket(ticket->body, kUs, "", "T-1");
  if (!again || (again->body != ticket->body && !holdsFraction(written)) ||
      again->our_number != ticket->our_number) {
    fail("outbound ticket is not stable", ticket->body);
  }
  // What we send, the peer reads back as an inbound ticket with our number as its ref.
  Result<InboundTicket> received = normaliseInboundTicket(ticket->body, kUs, Role::City);
  if (!received || received->peer_number != ticket->our_number) {
    fail("our outbound ticket does not read as the peer's inbound one", ticket->body);
  }
}

void checkEvent(std::string_view body) {
  Result<EventFacts> facts = readEvent(body);
  if (readsOrRefuses(facts, "event") && facts->ticket_id.empty() && facts->ref_number.empty()) {
    fail("an event read without naming a ticket", std::string(body));
  }
  Result<std::string> event = normaliseOutboundEvent(body, kUs, "YC-1");
  if (!readsOrRefuses(event, "outbound event")) {
    return;
  }
  objectOf(*event, "outbound event");
  Result<EventFacts> sent = readEvent(*event);
  if (!sent || sent->ref_system != kUs || sent->ref_number != "YC-1") {
    fail("an outbound event does not name our ticket", *event);
  }
}

void checkArticle(std::string_view body) {
  Result<ArticleFacts> article = readArticle(body);
  if (readsOrRefuses(article, "article") && article->id.empty()) {
    fail("an article read without an id", std::string(body));
  }
}

void checkFeedItem(std::string_view body) {
  for (std::string_view type : {"application/json", "application/soap+xml"}) {
    Result<std::string> item = encodeFeedItem(7, "ticket", type, body);
    if (readsOrRefuses(item, "feed item")) {
      objectOf(*item, "feed item");
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  checkInbound(body, Role::City);
  checkInbound(body, Role::County);
  checkOutbound(body);
  checkEvent(body);
  checkArticle(body);
  checkFeedItem(body);
  return 0;
}
