#include "simulators/exchange/src/action_feed.h"

#include <algorithm>
#include <charconv>

#include "simulators/exchange/src/json_text.h"

namespace hotline::sim::exchange {
namespace {

bool parseUnsigned(std::string_view text, uint64_t& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end && !text.empty();
}

} // namespace

uint64_t ActionFeed::append(std::string kind, std::string body) {
  std::lock_guard<std::mutex> lock(mutex_);
  items_.push_back(FeedItem{++last_seq_, std::move(kind), std::move(body)});
  return last_seq_;
}

FeedPage ActionFeed::page(uint64_t since, size_t limit) const {
  std::lock_guard<std::mutex> lock(mutex_);
  FeedPage page;
  page.next = since;
  auto it = std::upper_bound(items_.begin(), items_.end(), since,
                             [](uint64_t seq, const FeedItem& item) { return seq < item.seq; });
  for (; it != items_.end() && page.items.size() < limit; ++it) {
    page.items.push_back(*it);
    page.next = it->seq;
  }
  return page;
}

size_t ActionFeed::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return items_.size();
}

void ActionFeed::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  items_.clear();
}

Result<uint64_t> parseFeedCursor(std::string_view text) {
  uint64_t cursor = 0;
  if (text.empty()) {
    return cursor;
  }
  if (!parseUnsigned(text, cursor)) {
    return invalidArgument("since: expected the decimal cursor a previous page returned as "
                           "\"next\" (or nothing to start at the beginning)");
  }
  return cursor;
}

Result<size_t> parseFeedLimit(std::string_view text) {
  if (text.empty()) {
    return kDefaultFeedLimit;
  }
  uint64_t limit = 0;
  if (!parseUnsigned(text, limit) || limit < 1 || limit > kMaxFeedLimit) {
    return invalidArgument("limit: expected 1.." + std::to_string(kMaxFeedLimit));
  }
  return static_cast<size_t>(limit);
}

std::string feedPageJson(const FeedPage& page) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("items");
  writer.StartArray();
  for (const FeedItem& item : page.items) {
    writer.StartObject();
    writer.Key("seq");
    writer.Uint64(item.seq);
    writer.Key("kind");
    writeString(writer, item.kind);
    writer.Key("body");
    writeRaw(writer, item.body);
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("next");
  writeString(writer, std::to_string(page.next));
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::sim::exchange
