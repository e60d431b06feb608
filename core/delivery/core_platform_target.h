#pragma once
// The core platform as a delivery target (DESIGN.md §7): single rows to
//   POST {base}/api/v1/tickets                      kind "ticket"
//   POST {base}/api/v1/tickets/{ticket_id}/events   kind "event"
//   POST {base}/api/v1/knowledge                    kind "knowledge" (ticket_id "kb:<id>")
// and batches of several tickets' head rows to
//   POST {base}/api/v1/bulk                         NDJSON, per-item results
//
// Every single request carries Idempotency-Key (the row's fixed key), X-Hotline-Ticket,
// X-Hotline-Sequence (the outbox id: increasing per ticket) and Content-Type. A bulk request
// carries each row's key and sequence in its line, and an Idempotency-Key derived from them.
// A row of any other kind is a permanent failure naming the kind, sent nowhere.
//
// Thread safety: send() may be called concurrently. The HttpClient must outlive the target.

#include "core/delivery/delivery_target.h"
#include "core/delivery/http_client.h"

#include <chrono>
#include <string>

namespace hotline::delivery {

struct CorePlatformOptions {
  std::string name = "core";
  std::string base_url;   // "http://127.0.0.1:9300"
  size_t max_batch = 100; // 1 disables /api/v1/bulk
  std::chrono::milliseconds timeout{10000};
  HttpHeaders extra_headers; // e.g. an Authorization header, sent on every request
};

class CorePlatformTarget : public DeliveryTarget {
public:
  CorePlatformTarget(CorePlatformOptions options, HttpClient& client);

  const std::string& name() const override { return options_.name; }
  void send(std::vector<const store::OutboxRow*> batch, Callback done) override;
  size_t maxBatch() const override { return options_.max_batch; }

  // The URL a single row goes to; empty for a kind the platform has no endpoint for.
  std::string singleUrl(const store::OutboxRow& row) const;

private:
  void sendSingle(const store::OutboxRow& row, Callback done);
  void sendBulk(std::vector<const store::OutboxRow*> rows, std::vector<ItemVerdict> verdicts,
                std::vector<size_t> slots, Callback done);
  HttpRequest baseRequest(const std::string& url) const;
  ItemVerdict notSent(const std::string& url, const Status& why) const;

  CorePlatformOptions options_;
  HttpClient& client_;
};

} // namespace hotline::delivery
