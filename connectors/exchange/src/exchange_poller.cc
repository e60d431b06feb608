// Pull modes: the poller of the peer's feed (GET {peer_url}/exchange/v1/actions). Items are
// submitted in feed order; the cursor (state key pull-cursor) moves only past items that were
// accepted, duplicates, or refused for good, so that nothing is lost and order is kept when
// the pipeline is unavailable for a while.

#include "exchange_connector.h"
#include "exchange_replies.h"

#include "hotline/support/http_client.h"
#include "hotline/support/signed_call.h"

namespace hotline::connectors::exchange {
namespace {

constexpr const char* kCursorKey = "pull-cursor";

bool worthRetrying(int status) {
  return status == 408 || status == 429 || status >= 500;
}

} // namespace

void ExchangeConnector::pollLoop() {
  std::unique_lock<std::mutex> lock(poller_mutex_);
  while (!stopping_) {
    lock.unlock();
    Status polled = pollOnce();
    if (!polled.isOk()) {
      host_->log(plugin::LogLevel::Warn, "poll of the peer's feed failed",
                 {{"peer_url", peer_url_}, {"reason", polled.message()}});
    }
    lock.lock();
    poller_wake_.wait_for(lock, poll_interval_, [this] { return stopping_; });
  }
}

Status ExchangeConnector::pollOnce() {
  Result<std::string> stored = host_->stateGet(kCursorKey);
  if (!stored && stored.status().code() != StatusCode::NotFound) {
    return stored.status().withContext(instance_ + ": cannot read the feed cursor");
  }
  const std::string cursor = stored ? *stored : "";
  support::SignedCall call;
  call.target = peer_path_ + "/exchange/v1/actions?since=" + support::encodePathSegment(cursor) +
                "&limit=" + std::to_string(kDefaultFeedLimit);
  call.where = instance_ + ": GET " + peer_origin_ + call.target;
  call.key = key_;
  call.verify_replies = verify_replies_;
  call.window = verifier_options_.window;
  Result<support::SignatureHeaders> signature = support::signRequest(key_, "GET", call.target, "");
  if (!signature) {
    return signature.status().withContext(call.where + ": cannot sign");
  }
  call.nonce = signature->nonce;
  std::vector<std::string> headers;
  for (const auto& [name, value] : signature->toHeaderList()) {
    headers.push_back(name + ": " + value);
  }
  support::HttpAnswer answer =
      support::httpCall("GET", peer_origin_ + call.target, "", headers, timeout_ms_);
  support::CallOutcome outcome =
      support::judgeSignedCall(call, answer, support::systemMillis(),
                               [](std::string_view body) { return parseJsonReply(body); });
  Result<PeerPage> page = outcome.delivery.kind == plugin::Delivery::Kind::Ok
                              ? parsePeerPage(answer.body)
                              : Result<PeerPage>(unavailable(outcome.delivery.reason));
  if (!page) {
    noteFailure(page.status().message());
    return page.status().withContext(call.where);
  }
  noteSuccess();
  std::string next = cursor;
  bool whole_page = true;
  for (const PeerItem& item : page->items) {
    if (!submitPulled(item)) {
      whole_page = false;
      break;
    }
    next = item.seq;
  }
  if (whole_page && !page->next.empty()) {
    next = page->next;
  }
  if (next != cursor) {
    HOTLINE_RETURN_IF_ERROR(host_->statePut(kCursorKey, next));
  }
  return Status::ok();
}

bool ExchangeConnector::submitPulled(const PeerItem& item) {
  Answer answer;
  if (item.kind == "ticket") {
    answer = acceptTicket(item.content_type, item.body, "");
  } else if (item.kind == "event") {
    answer = acceptEvent(item.content_type, item.body, "", "");
  } else if (item.kind == "knowledge") {
    answer = acceptKnowledge(item.content_type, item.body, "");
  } else {
    answer = {400, "kind \"" + item.kind + "\" is not exchanged (ticket, event, knowledge)", ""};
  }
  if (answer.ok()) {
    return true;
  }
  const std::string what = "item " + item.seq + " (" + item.kind + ") of " + peer_system_ +
                           "'s feed: HTTP " + std::to_string(answer.status) + ": " + answer.message;
  if (worthRetrying(answer.status)) {
    // Stop the page here: the item and everything after it come again with the next poll.
    host_->log(plugin::LogLevel::Warn, "pulled item not accepted yet; retried next poll",
               {{"item", what}});
    return false;
  }
  host_->log(plugin::LogLevel::Warn, "pulled item refused", {{"item", what}});
  (void)host_->audit("pull_item_refused", "", instance_ + ": " + what);
  return true;
}

} // namespace hotline::connectors::exchange
