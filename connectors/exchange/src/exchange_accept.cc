// Submitting what the peer sent — through its endpoints or our poller of its feed alike: a
// ticket it escalated or dispatched (normalised for the JSON profile), an action on one, or a
// knowledge article it shares.

#include "exchange_connector.h"
#include "exchange_replies.h"

namespace hotline::connectors::exchange {
namespace {

bool isAlreadyExists(const Status& status) {
  return (status.code() == StatusCode::Conflict || status.code() == StatusCode::AlreadyExists) &&
         status.message().find("already exists") != std::string::npos;
}

} // namespace

ExchangeConnector::Answer ExchangeConnector::fromHost(const Status& refused) const {
  return {httpStatusFor(refused.code()), refused.message(), ""};
}

std::optional<ExchangeConnector::Answer>
ExchangeConnector::refusalOf(const Result<plugin::Submitted>& submitted) const {
  if (!submitted) {
    return fromHost(submitted.status());
  }
  if (submitted->http_status < 200 || submitted->http_status >= 300) {
    return Answer{submitted->http_status, "refused by the gateway", ""};
  }
  return std::nullopt;
}

plugin::Inbound ExchangeConnector::peerInbound(const std::string& kind,
                                               const std::string& content_type,
                                               const std::string& body,
                                               const std::string& idempotency_key) const {
  return plugin::Inbound{kind,
                         content_type,
                         body,
                         {{"app_key", key_.app_key}, {"peer_system", peer_system_}},
                         idempotency_key};
}

ExchangeConnector::Answer ExchangeConnector::acceptTicket(const std::string& content_type,
                                                          const std::string& body,
                                                          const std::string& idempotency_key) {
  plugin::Inbound inbound = peerInbound("ticket", content_type, body, idempotency_key);
  std::string peer_number;
  if (!isXml(content_type)) {
    Result<InboundTicket> ticket = normaliseInboundTicket(body, peer_system_, role_);
    if (!ticket) {
      return {400, ticket.status().message(), ""};
    }
    inbound.content_type = "application/json";
    inbound.body = std::move(ticket->body);
    peer_number = std::move(ticket->peer_number);
    inbound.attrs.emplace_back("peer_number", peer_number);
  }
  Result<plugin::Submitted> submitted = host_->submit(inbound);
  if (!submitted) {
    // The same peer number under another key (or another body): the ticket we made of it
    // the first time answers, so the peer records the same number again.
    if (isAlreadyExists(submitted.status()) && !peer_number.empty()) {
      Result<std::string> first = host_->stateGet("peer-ticket:" + peer_number);
      if (first) {
        return {200, "", ticketAnswerData(*first, true)};
      }
    }
  }
  if (std::optional<Answer> refused = refusalOf(submitted)) {
    return *refused;
  }
  if (!peer_number.empty()) {
    Status kept = host_->statePut("peer-ticket:" + peer_number, submitted->ticket_id);
    if (!kept.isOk()) {
      host_->log(plugin::LogLevel::Warn, "cannot remember the peer's number of a ticket",
                 {{"ticket_id", submitted->ticket_id}, {"reason", kept.message()}});
    }
  }
  // The number we answer is the gateway's ticket id; linked under our system, the peer's
  // later actions that name the ticket as {system: ours, number: it} find it.
  Status linked = host_->link(submitted->ticket_id, system_, submitted->ticket_id);
  if (!linked.isOk()) {
    host_->log(plugin::LogLevel::Warn, "cannot link our number of a ticket under our system",
               {{"ticket_id", submitted->ticket_id}, {"reason", linked.message()}});
  }
  return {submitted->http_status, "", ticketAnswerData(submitted->ticket_id, submitted->duplicate)};
}

bool ExchangeConnector::pathNamesTicket(const std::string& path_number, const EventFacts& facts) {
  if (path_number == facts.ref_number || path_number == facts.ticket_id) {
    return true;
  }
  // The sender may put our number for the ticket in the path and its own in the body (the
  // protocol's "{no} is the receiver's number if known").
  if (facts.ref_system != peer_system_) {
    return false;
  }
  Result<std::string> ticket_id = host_->stateGet("peer-ticket:" + facts.ref_number);
  if (!ticket_id) {
    return false;
  }
  if (*ticket_id == path_number) {
    return true;
  }
  Result<std::string> our_number = host_->stateGet("our-number:" + *ticket_id);
  return our_number && *our_number == path_number;
}

ExchangeConnector::Answer ExchangeConnector::acceptEvent(const std::string& content_type,
                                                         const std::string& body,
                                                         const std::string& header_key,
                                                         const std::string& path_number) {
  plugin::Inbound inbound = peerInbound("event", content_type, body, header_key);
  if (!path_number.empty()) {
    inbound.attrs.emplace_back("number", path_number);
  }
  if (!isXml(content_type)) {
    Result<EventFacts> facts = readEvent(body);
    if (!facts) {
      return {400, facts.status().message(), ""};
    }
    if (!path_number.empty() && !pathNamesTicket(path_number, *facts)) {
      return {400,
              "{no}: \"" + path_number + "\" does not name the event's ticket (its ticket is " +
                  (facts->ticket_id.empty() ? facts->ref_system + "/" + facts->ref_number
                                            : facts->ticket_id) +
                  "); put that number, or ours for the ticket, in the path",
              ""};
    }
    if (!facts->event_id.empty()) {
      inbound.idempotency_key = facts->event_id;
    }
    inbound.content_type = "application/json";
  }
  Result<plugin::Submitted> submitted = host_->submit(inbound);
  if (std::optional<Answer> refused = refusalOf(submitted)) {
    return *refused;
  }
  return {submitted->http_status, "",
          actionAnswerData(submitted->ticket_id, submitted->body, submitted->duplicate)};
}

ExchangeConnector::Answer ExchangeConnector::acceptKnowledge(const std::string& content_type,
                                                             const std::string& body,
                                                             const std::string& header_key) {
  plugin::Inbound inbound = peerInbound("knowledge", content_type, body, header_key);
  std::string article_id;
  if (!isXml(content_type)) {
    // The canonical article goes on as received: the host validates it.
    Result<ArticleFacts> article = readArticle(body);
    if (!article) {
      return {400, article.status().message(), ""};
    }
    article_id = std::move(article->id);
    // Without the peer's message id the host keys the article by its body's digest, so a
    // revised article (same id, new text) is a new message, and a re-sent one a duplicate.
    inbound.content_type = "application/json";
  }
  Result<plugin::Submitted> submitted = host_->submit(inbound);
  if (std::optional<Answer> refused = refusalOf(submitted)) {
    return *refused;
  }
  if (article_id.empty()) { // SOAP profile: the mapping found the id; the host keys it kb:<id>
    const std::string& key = submitted->ticket_id;
    article_id = key.starts_with("kb:") ? key.substr(3) : key;
  }
  return {submitted->http_status, "", knowledgeAnswerData(article_id, submitted->duplicate)};
}

} // namespace hotline::connectors::exchange
