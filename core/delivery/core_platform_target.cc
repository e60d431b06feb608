#include "core/delivery/core_platform_target.h"

#include "core/delivery/core_platform_codec.h"
#include "core/delivery/failure_classifier.h"

#include <memory>
#include <unordered_map>

namespace hotline::delivery {
namespace {

constexpr const char* kBulkPath = "/api/v1/bulk";
constexpr const char* kKnownKinds = "ticket, event or knowledge";

ItemVerdict::Kind wordKind(const std::string& word) {
  static const std::unordered_map<std::string, ItemVerdict::Kind> kWords = {
      {"ok", ItemVerdict::Kind::Ok},           {"created", ItemVerdict::Kind::Ok},
      {"accepted", ItemVerdict::Kind::Ok},     {"duplicate", ItemVerdict::Kind::Ok},
      {"delivered", ItemVerdict::Kind::Ok},    {"retry", ItemVerdict::Kind::Retry},
      {"retryable", ItemVerdict::Kind::Retry}, {"unavailable", ItemVerdict::Kind::Retry},
      {"busy", ItemVerdict::Kind::Retry},      {"timeout", ItemVerdict::Kind::Retry}};
  auto it = kWords.find(word);
  return it == kWords.end() ? ItemVerdict::Kind::Permanent : it->second;
}

// The verdict on one item of a 200 bulk answer.
ItemVerdict itemVerdict(const AttemptContext& context, const store::OutboxRow& row,
                        const BulkItemResult* result) {
  const std::string item = "item " + std::to_string(row.id);
  if (result == nullptr) {
    return ItemVerdict::retry(describeFailure(context, item + " missing from the answer", {}));
  }
  const ItemVerdict::Kind kind =
      result->status > 0 ? classifyStatus(result->status) : wordKind(result->status_text);
  if (kind == ItemVerdict::Kind::Ok) {
    return ItemVerdict::ok(result->status > 0 ? result->status : 200);
  }
  const std::string status =
      result->status > 0 ? std::to_string(result->status) : result->status_text;
  std::string reason = describeFailure(context, item + " status " + status, result->message);
  if (kind == ItemVerdict::Kind::Retry) {
    std::optional<std::chrono::milliseconds> after;
    if (result->retry_after_s >= 0) {
      after = std::chrono::seconds(result->retry_after_s);
    }
    return ItemVerdict::retry(std::move(reason), result->status, after);
  }
  return ItemVerdict::permanent(std::move(reason), result->status);
}

} // namespace

CorePlatformTarget::CorePlatformTarget(CorePlatformOptions options, HttpClient& client)
    : options_(std::move(options)), client_(client) {
  while (!options_.base_url.empty() && options_.base_url.back() == '/') {
    options_.base_url.pop_back();
  }
  if (options_.max_batch == 0) {
    options_.max_batch = 1;
  }
}

std::string CorePlatformTarget::singleUrl(const store::OutboxRow& row) const {
  if (row.kind == "ticket") {
    return options_.base_url + "/api/v1/tickets";
  }
  if (row.kind == "event") {
    return options_.base_url + "/api/v1/tickets/" + escapePathSegment(row.ticket_id) + "/events";
  }
  if (row.kind == "knowledge") {
    return options_.base_url + "/api/v1/knowledge";
  }
  return {};
}

HttpRequest CorePlatformTarget::baseRequest(const std::string& url) const {
  HttpRequest request;
  request.method = "POST";
  request.url = url;
  request.timeout = options_.timeout;
  request.headers = options_.extra_headers;
  return request;
}

ItemVerdict CorePlatformTarget::notSent(const std::string& url, const Status& why) const {
  const AttemptContext context{options_.name, "POST", url};
  // Not sent at all (the client is stopping): the row stays pending and goes next time.
  return ItemVerdict::retry(describeFailure(context, "not sent", why.toString()));
}

void CorePlatformTarget::send(std::vector<const store::OutboxRow*> batch, Callback done) {
  if (batch.size() == 1) {
    sendSingle(*batch.front(), std::move(done));
    return;
  }
  // Rows of a kind the platform does not know are refused here; the rest go in one request.
  std::vector<ItemVerdict> verdicts(batch.size());
  std::vector<const store::OutboxRow*> sendable;
  std::vector<size_t> slots;
  const std::string bulk_url = options_.base_url + kBulkPath;
  for (size_t i = 0; i < batch.size(); ++i) {
    if (singleUrl(*batch[i]).empty()) {
      const AttemptContext context{options_.name, "POST", bulk_url};
      verdicts[i] = ItemVerdict::permanent(describeFailure(
          context, "unknown outbox kind '" + batch[i]->kind + "' (expected " + kKnownKinds + ")",
          {}));
      continue;
    }
    sendable.push_back(batch[i]);
    slots.push_back(i);
  }
  if (sendable.empty()) {
    done(std::move(verdicts));
    return;
  }
  sendBulk(std::move(sendable), std::move(verdicts), std::move(slots), std::move(done));
}

void CorePlatformTarget::sendSingle(const store::OutboxRow& row, Callback done) {
  const std::string url = singleUrl(row);
  if (url.empty()) {
    const AttemptContext context{options_.name, "POST", options_.base_url};
    done({ItemVerdict::permanent(describeFailure(
        context, "unknown outbox kind '" + row.kind + "' (expected " + kKnownKinds + ")", {}))});
    return;
  }
  HttpRequest request = baseRequest(url);
  request.headers.emplace_back("Idempotency-Key", row.idempotency_key);
  request.headers.emplace_back("X-Hotline-Ticket", row.ticket_id);
  request.headers.emplace_back("X-Hotline-Sequence", std::to_string(row.id));
  request.headers.emplace_back("Content-Type",
                               row.content_type.empty() ? "application/json" : row.content_type);
  request.body = row.body;
  auto shared_done = std::make_shared<Callback>(std::move(done));
  Status queued =
      client_.send(std::move(request), [name = options_.name, url, shared_done](HttpResult result) {
        const AttemptContext context{name, "POST", url};
        (*shared_done)({classifyResponse(context, result, std::chrono::system_clock::now())});
      });
  if (!queued.isOk()) {
    (*shared_done)({notSent(url, queued)});
  }
}

void CorePlatformTarget::sendBulk(std::vector<const store::OutboxRow*> rows,
                                  std::vector<ItemVerdict> verdicts, std::vector<size_t> slots,
                                  Callback done) {
  const std::string url = options_.base_url + kBulkPath;
  HttpRequest request = baseRequest(url);
  request.headers.emplace_back("Idempotency-Key", bulkIdempotencyKey(rows));
  request.headers.emplace_back("Content-Type", "application/x-ndjson");
  request.body = encodeBulk(rows);
  // State shared between the completion and the "not sent" path below; exactly one runs.
  struct Pending {
    std::vector<const store::OutboxRow*> rows;
    std::vector<ItemVerdict> verdicts;
    std::vector<size_t> slots;
    Callback done;
  };
  auto pending = std::make_shared<Pending>(
      Pending{std::move(rows), std::move(verdicts), std::move(slots), std::move(done)});
  auto complete = [name = options_.name, url, pending](HttpResult result) {
    const AttemptContext context{name, "POST", url};
    const auto now = std::chrono::system_clock::now();
    auto decoded = result.status == 200 ? decodeBulkResults(result.body)
                                        : Result<std::unordered_map<std::string, BulkItemResult>>(
                                              invalidArgument("not a 200 answer"));
    for (size_t i = 0; i < pending->rows.size(); ++i) {
      const store::OutboxRow& row = *pending->rows[i];
      ItemVerdict& slot = pending->verdicts[pending->slots[i]];
      if (result.status != 200) {
        slot = classifyResponse(context, result, now); // the answer applies to every item
      } else if (!decoded.isOk()) {
        slot = ItemVerdict::retry(describeFailure(context, "HTTP 200", decoded.status().message()),
                                  200);
      } else {
        auto it = decoded->find(row.idempotency_key);
        slot = itemVerdict(context, row, it == decoded->end() ? nullptr : &it->second);
      }
    }
    pending->done(std::move(pending->verdicts));
  };
  Status queued = client_.send(std::move(request), complete);
  if (!queued.isOk()) {
    for (size_t slot : pending->slots) {
      pending->verdicts[slot] = notSent(url, queued);
    }
    pending->done(std::move(pending->verdicts));
  }
}

} // namespace hotline::delivery
