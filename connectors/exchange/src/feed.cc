#include "feed.h"

#include "exchange_codec.h"
#include "json_util.h"

#include "hotline/support/json_zero_numbers.h"
#include "hotline/support/page_query.h"

#include <optional>

namespace hotline::connectors::exchange {
namespace {

bool isNotFound(const Status& status) {
  return status.code() == StatusCode::NotFound;
}

Result<PeerItem> readPeerItem(const rapidjson::Value& item, size_t index) {
  const std::string where = "data.items[" + std::to_string(index) + "]";
  std::optional<std::string> seq = json::memberText(item, "seq");
  std::optional<std::string> kind = json::memberText(item, "kind");
  auto body = item.IsObject() ? item.FindMember("body") : item.MemberEnd();
  if (!seq || !kind || body == item.MemberEnd()) {
    return invalidArgument(where + ": expected {\"seq\",\"kind\",\"body\"}");
  }
  PeerItem out{*seq, *kind, "application/json", ""};
  if (body->value.IsObject()) {
    out.body = json::toText(body->value);
  } else if (body->value.IsString()) {
    // The SOAP profile's XML travels as a string, its content type beside it.
    out.body.assign(body->value.GetString(), body->value.GetStringLength());
    out.content_type = json::memberText(item, "content_type").value_or("application/xml");
  } else {
    return invalidArgument(where + ".body: expected a JSON object (or an XML string)");
  }
  return out;
}

} // namespace

Result<FeedQuery> parseFeedQuery(std::string_view query) {
  support::PageQueryRules rules;
  rules.default_limit = kDefaultFeedLimit;
  rules.max_limit = kMaxFeedLimit;
  rules.empty_since_is_start = true; // a first poll sends `since=` (no cursor yet)
  Result<support::PageQuery> page = support::parsePageQuery(query, rules);
  if (!page) {
    return page.status();
  }
  return FeedQuery{page->since, page->limit};
}

Result<std::string> encodeFeedItem(uint64_t seq, std::string_view kind,
                                   std::string_view content_type, std::string_view body) {
  rapidjson::Document item(rapidjson::kObjectType);
  auto& allocator = item.GetAllocator();
  item.AddMember("seq", rapidjson::Value(seq), allocator);
  item.AddMember("kind", json::stringValue(kind, allocator), allocator);
  if (isXml(content_type)) {
    item.AddMember("content_type", json::stringValue(content_type, allocator), allocator);
    item.AddMember("body", json::stringValue(body, allocator), allocator);
    return json::toText(item);
  }
  rapidjson::Document parsed(&allocator);
  std::string scratch;
  const std::string_view safe = support::safeForFullPrecision(body, scratch);
  parsed.Parse<rapidjson::kParseFullPrecisionFlag>(safe.data(), safe.size()); // re-emitted
  if (parsed.HasParseError() || !parsed.IsObject()) {
    return invalidArgument("body: not a JSON object (a canonical " + std::string(kind) + ")");
  }
  item.AddMember("body", rapidjson::Value(parsed, allocator), allocator);
  return json::toText(item);
}

Result<uint64_t> FeedStore::readNumber(const std::string& key) {
  Result<std::string> text = get_(key);
  if (!text) {
    return isNotFound(text.status()) ? Result<uint64_t>(uint64_t{0})
                                     : Result<uint64_t>(text.status());
  }
  std::optional<uint64_t> value = support::parseDecimal(*text);
  if (!value) {
    return internalError("state key \"" + key + "\" is not a number");
  }
  return *value;
}

Result<uint64_t> FeedStore::append(std::string_view kind, std::string_view content_type,
                                   std::string_view body, const std::string& idempotency_key) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string key_entry = "feed-key:" + idempotency_key;
  if (!idempotency_key.empty()) {
    Result<uint64_t> earlier = readNumber(key_entry);
    if (!earlier || *earlier != 0) {
      return earlier;
    }
  }
  Result<uint64_t> last = readNumber("feed-seq");
  if (!last) {
    return last;
  }
  const uint64_t seq = *last + 1;
  Result<std::string> item = encodeFeedItem(seq, kind, content_type, body);
  if (!item) {
    return item.status();
  }
  const std::string seq_text = std::to_string(seq);
  // feed-seq last: until it moves, the item is invisible to pageData(); a crash before it
  // leaves the seq to be written again by the retried delivery.
  HOTLINE_RETURN_IF_ERROR(put_("feed:" + seq_text, *item));
  if (!idempotency_key.empty()) {
    HOTLINE_RETURN_IF_ERROR(put_(key_entry, seq_text));
  }
  HOTLINE_RETURN_IF_ERROR(put_("feed-seq", seq_text));
  return seq;
}

Result<std::string> FeedStore::pageData(const FeedQuery& query) {
  std::lock_guard<std::mutex> lock(mutex_);
  Result<uint64_t> last = readNumber("feed-seq");
  if (!last) {
    return last.status();
  }
  std::string items;
  uint64_t next = query.since;
  for (uint64_t seq = query.since + 1; seq <= *last && seq - query.since <= query.limit; ++seq) {
    Result<std::string> item = get_("feed:" + std::to_string(seq));
    if (!item) {
      return item.status().withContext("feed item " + std::to_string(seq));
    }
    items += (items.empty() ? "" : ",") + *item;
    next = seq;
  }
  return R"({"items":[)" + items + R"(],"next":")" + std::to_string(next) + "\"}";
}

Result<PeerPage> parsePeerPage(std::string_view reply_body) {
  rapidjson::Document reply;
  reply.Parse(reply_body.data(), reply_body.size());
  if (reply.HasParseError() || !reply.IsObject()) {
    return invalidArgument("feed page is not a JSON object ({\"code\":0,..,\"data\":{..}})");
  }
  std::string code = json::memberText(reply, "code").value_or("");
  if (code != "0") {
    return invalidArgument("feed page has code " + (code.empty() ? "(none)" : code) + ": " +
                           json::memberText(reply, "message").value_or(""));
  }
  auto data = reply.FindMember("data");
  if (data == reply.MemberEnd() || !data->value.IsObject() || !data->value.HasMember("items") ||
      !data->value["items"].IsArray()) {
    return invalidArgument("feed page has no data.items list");
  }
  PeerPage page;
  page.next = json::memberText(data->value, "next").value_or("");
  const auto& items = data->value["items"];
  for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
    Result<PeerItem> item = readPeerItem(items[i], i);
    if (!item) {
      return item.status();
    }
    page.items.push_back(std::move(*item));
  }
  return page;
}

} // namespace hotline::connectors::exchange
