#pragma once
// Pull mode's feeds (connectors/exchange/README.md, "Push or pull"): our own feed of tickets
// and actions for the peer, kept in the connector's key-value state so that it survives
// restarts, and the reading of the peer's feed pages by our poller.
//
// Our feed's state keys:
//   feed-seq             the last seq given out (decimal)
//   feed:<seq>           {"seq":..,"kind":"ticket|event","body":<JSON object>} — an XML body
//                        (SOAP profile) is a JSON string, with "content_type" beside it
//   feed-key:<key>       seq of the item a delivery created (a retried delivery adds none)
// The key-value store is injected (get/put functions) so that this is tested without a host.

#include "hotline/status.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace hotline::connectors::exchange {

inline constexpr size_t kDefaultFeedLimit = 100;
inline constexpr size_t kMaxFeedLimit = 500;

// `since=<seq>&limit=<n>` (raw query string, any order, other parameters ignored); an empty
// since is the start; limit defaults to 100, above 500 it is lowered to 500.
struct FeedQuery {
  uint64_t since = 0;
  size_t limit = kDefaultFeedLimit;
};
Result<FeedQuery> parseFeedQuery(std::string_view query);

// One feed item as stored and served; InvalidArgument when a JSON body is not an object.
Result<std::string> encodeFeedItem(uint64_t seq, std::string_view kind,
                                   std::string_view content_type, std::string_view body);

class FeedStore {
public:
  // NotFound from get means "never put"; any other error is a storage failure.
  using Get = std::function<Result<std::string>(const std::string& key)>;
  using Put = std::function<Status(const std::string& key, const std::string& value)>;

  FeedStore(Get get, Put put) : get_(std::move(get)), put_(std::move(put)) {}

  // Appends an item (seq assigned). A second call with the same non-empty idempotency key
  // adds nothing and answers the first item's seq.
  Result<uint64_t> append(std::string_view kind, std::string_view content_type,
                          std::string_view body, const std::string& idempotency_key);
  // The data of a feed answer, `{"items":[..],"next":"<seq>"}`: items after query.since in seq
  // order, up to query.limit; next is the last seq served (since itself when none).
  Result<std::string> pageData(const FeedQuery& query);

private:
  Result<uint64_t> readNumber(const std::string& key);

  Get get_;
  Put put_;
  std::mutex mutex_;
};

// An item of the peer's feed, ready to submit.
struct PeerItem {
  std::string seq; // as the peer wrote it (a number or a string)
  std::string kind;
  std::string content_type; // application/json for an object body
  std::string body;
};
struct PeerPage {
  std::vector<PeerItem> items;
  std::string next; // the cursor to pass as since next time
};
// The peer's answer `{"code":0,"message":"ok","data":{"items":[..],"next":".."}}`;
// InvalidArgument naming what is wrong (a code other than 0 included).
Result<PeerPage> parsePeerPage(std::string_view reply_body);

} // namespace hotline::connectors::exchange
