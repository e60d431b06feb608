// deliver(): the host's tickets, actions and knowledge articles for the peer, pushed (POST,
// signed, the reply's signature verified, the peer's number of a ticket linked) or published
// on our feed in pull mode.

#include "exchange_connector.h"
#include "exchange_replies.h"

#include "hotline/support/http_client.h"
#include "hotline/support/signed_call.h"

namespace hotline::connectors::exchange {
namespace {

std::string attrOf(const plugin::Outbound& outbound, const std::string& name) {
  for (const auto& [key, value] : outbound.attrs) {
    if (key == name) {
      return value;
    }
  }
  return "";
}

// The peer got these with the ticket row delivered just before (the snapshot of an escalated
// or dispatched ticket): sending the event too would only make the peer refuse or repeat it.
bool carriedByTicketRow(const std::string& event_type) {
  return event_type == "escalated" || event_type == "dispatched_down";
}

} // namespace

plugin::Delivery ExchangeConnector::deliver(const plugin::Outbound& outbound) {
  if (outbound.kind != "ticket" && outbound.kind != "event" && outbound.kind != "knowledge") {
    return plugin::Delivery::permanent(instance_ + ": kind \"" + outbound.kind +
                                       "\" is not exchanged with peers (ticket, event, knowledge)");
  }
  if (outbound.ticket_id.empty()) {
    return plugin::Delivery::permanent(instance_ + ": " + outbound.kind + " without a ticket id");
  }
  const std::string event_type = attrOf(outbound, "event_type");
  if (outbound.kind == "event" && carriedByTicketRow(event_type)) {
    host_->log(plugin::LogLevel::Debug, "event carried by the ticket row before it; not sent",
               {{"ticket_id", outbound.ticket_id}, {"event_type", event_type}});
    return plugin::Delivery::ok();
  }
  Result<Payload> payload = outbound.kind == "ticket"  ? prepareTicket(outbound)
                            : outbound.kind == "event" ? prepareEvent(outbound)
                                                       : prepareKnowledge(outbound);
  if (!payload) {
    return plugin::Delivery::permanent(instance_ + ": cannot send " + outbound.kind +
                                       (outbound.kind == "knowledge" ? " " : " of ticket ") +
                                       outbound.ticket_id + ": " + payload.status().message());
  }
  if (payload->body.empty()) { // the peer's own action or article coming back
    return plugin::Delivery::ok();
  }
  return mode_ == Mode::Pull ? publish(outbound, *payload) : push(outbound, *payload);
}

Result<ExchangeConnector::Payload>
ExchangeConnector::prepareTicket(const plugin::Outbound& outbound) const {
  Payload payload{outbound.content_type, outbound.body, peer_path_ + "/exchange/v1/tickets", ""};
  if (isXml(outbound.content_type)) {
    return payload; // the SOAP profile's mapping wrote it as the peer reads it
  }
  Result<OutboundTicket> ticket = normaliseOutboundTicket(
      outbound.body, system_, attrOf(outbound, "ref:" + system_), outbound.ticket_id);
  if (!ticket) {
    return ticket.status();
  }
  payload.content_type = "application/json";
  payload.body = std::move(ticket->body);
  payload.our_number = std::move(ticket->our_number);
  return payload;
}

Result<ExchangeConnector::Payload>
ExchangeConnector::prepareEvent(const plugin::Outbound& outbound) const {
  const std::string known = attrOf(outbound, "ref:" + system_);
  const std::string our_number = known.empty() ? outbound.ticket_id : known;
  const std::string peer_number = attrOf(outbound, "ref:" + peer_system_);
  Payload payload{outbound.content_type, outbound.body,
                  peer_path_ + "/exchange/v1/tickets/" +
                      support::encodePathSegment(peer_number.empty() ? our_number : peer_number) +
                      "/actions",
                  our_number};
  if (isXml(outbound.content_type)) {
    return payload;
  }
  Result<EventFacts> facts = readEvent(outbound.body);
  if (facts && facts->source == peer_system_) {
    // The peer's own action, synced back by the host: it has it already.
    host_->log(plugin::LogLevel::Debug, "the peer's own action; not sent back",
               {{"ticket_id", outbound.ticket_id}, {"event_id", facts->event_id}});
    payload.body.clear();
    return payload;
  }
  // The ticket is named by the receiver's own number when we know it (it always knows its own
  // numbers, even when it never answered us one, as in pull mode), else by ours.
  Result<std::string> event =
      peer_number.empty() ? normaliseOutboundEvent(outbound.body, system_, our_number)
                          : normaliseOutboundEvent(outbound.body, peer_system_, peer_number);
  if (!event) {
    return event.status();
  }
  payload.content_type = "application/json";
  payload.body = std::move(*event);
  return payload;
}

Result<ExchangeConnector::Payload>
ExchangeConnector::prepareKnowledge(const plugin::Outbound& outbound) const {
  Payload payload{outbound.content_type, outbound.body, peer_path_ + "/exchange/v1/knowledge", ""};
  if (isXml(outbound.content_type)) {
    return payload;
  }
  // The canonical article as mapped, unchanged: it names itself by its id.
  Result<ArticleFacts> article = readArticle(outbound.body);
  if (!article) {
    return article.status();
  }
  if (article->source == peer_system_) {
    host_->log(plugin::LogLevel::Debug, "the peer's own article; not sent back",
               {{"ticket_id", outbound.ticket_id}, {"article_id", article->id}});
    payload.body.clear();
    return payload;
  }
  payload.content_type = "application/json";
  return payload;
}

plugin::Delivery ExchangeConnector::push(const plugin::Outbound& outbound, const Payload& payload) {
  support::SignedCall call;
  call.where = instance_ + ": POST " + peer_origin_ + payload.target;
  call.key = key_;
  call.target = payload.target;
  call.verify_replies = verify_replies_;
  call.window = verifier_options_.window;
  Result<support::SignatureHeaders> signature =
      support::signRequest(key_, "POST", payload.target, payload.body);
  if (!signature) {
    return plugin::Delivery::permanent(call.where +
                                       ": cannot sign: " + signature.status().message());
  }
  call.nonce = signature->nonce;
  std::vector<std::string> headers{"Content-Type: " + payload.content_type};
  if (!outbound.idempotency_key.empty()) {
    headers.push_back("Idempotency-Key: " + outbound.idempotency_key);
  }
  for (const auto& [name, value] : signature->toHeaderList()) {
    headers.push_back(name + ": " + value);
  }
  support::HttpAnswer answer =
      support::httpPost(peer_origin_ + payload.target, payload.body, headers, timeout_ms_);
  support::CallOutcome outcome =
      support::judgeSignedCall(call, answer, support::systemMillis(),
                               [](std::string_view body) { return parseReply(body); });
  if (outcome.link_failure) {
    noteFailure(outcome.delivery.reason);
  } else if (outcome.delivery.kind == plugin::Delivery::Kind::Ok) {
    noteSuccess();
  }
  if (outbound.kind == "ticket" && !outcome.number.empty()) {
    recordPushedTicket(outbound, payload, outcome.number);
  }
  return outcome.delivery;
}

void ExchangeConnector::recordPushedTicket(const plugin::Outbound& outbound, const Payload& payload,
                                           const std::string& peer_number) {
  // The peer may name the ticket by its own number with ours in the path later
  // (pathNamesTicket): remember both.
  (void)host_->statePut("peer-ticket:" + peer_number, outbound.ticket_id);
  if (!payload.our_number.empty() && payload.our_number != outbound.ticket_id) {
    (void)host_->statePut("our-number:" + outbound.ticket_id, payload.our_number);
  }
  // The host tells which numbers it already knows (attr ref:<peer_system>): linking the same
  // number again would only queue a no-op.
  if (attrOf(outbound, "ref:" + peer_system_) == peer_number) {
    return;
  }
  Status linked = host_->link(outbound.ticket_id, peer_system_, peer_number);
  if (!linked.isOk()) {
    // The ticket was delivered; only the number is not recorded (e.g. an older gateway).
    host_->log(plugin::LogLevel::Warn, "cannot link the peer's number",
               {{"ticket_id", outbound.ticket_id},
                {"system", peer_system_},
                {"number", peer_number},
                {"reason", linked.message()}});
  }
}

plugin::Delivery ExchangeConnector::publish(const plugin::Outbound& outbound,
                                            const Payload& payload) {
  Result<uint64_t> seq =
      feed_->append(outbound.kind, payload.content_type, payload.body, outbound.idempotency_key);
  if (!seq) {
    return plugin::Delivery::retry(instance_ + ": cannot publish the " + outbound.kind +
                                   " on the feed: " + seq.status().message());
  }
  return plugin::Delivery::ok();
}

} // namespace hotline::connectors::exchange
