#pragma once
// The pull-mode feed: what this platform has for the county (its actions, tickets sent
// down), in the order produced, served by GET /exchange/v1/actions?since=<cursor>&limit=<n>.
// The cursor is the seq of the last item read; items are never renumbered, and a reset keeps
// counting, so a county that kept an old cursor cannot skip new items as already read.

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/status.h"

namespace hotline::sim::exchange {

struct FeedItem {
  uint64_t seq = 0;
  std::string kind; // "ticket" or "event"
  std::string body; // compact canonical JSON object

  bool operator==(const FeedItem&) const = default;
};

struct FeedPage {
  std::vector<FeedItem> items;
  uint64_t next = 0; // the cursor to pass as `since` next time
};

inline constexpr size_t kDefaultFeedLimit = 100;
inline constexpr size_t kMaxFeedLimit = 1000;

// Thread-safe.
class ActionFeed {
public:
  uint64_t append(std::string kind, std::string body); // returns the item's seq
  // Items with seq > since, oldest first, at most `limit`; `next` is the last one's seq, or
  // `since` itself when there is nothing new.
  FeedPage page(uint64_t since, size_t limit) const;
  size_t size() const;
  void clear();

private:
  mutable std::mutex mutex_;
  std::vector<FeedItem> items_; // ascending seq
  uint64_t last_seq_ = 0;
};

// The query values: `since` absent or empty = 0; `limit` absent = kDefaultFeedLimit, 1..max.
Result<uint64_t> parseFeedCursor(std::string_view text);
Result<size_t> parseFeedLimit(std::string_view text);

// {"items":[{"seq":1,"kind":"event","body":{...}}],"next":"<cursor>"}
std::string feedPageJson(const FeedPage& page);

} // namespace hotline::sim::exchange
