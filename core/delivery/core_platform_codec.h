#pragma once
// The core platform's wire shapes (DESIGN.md §7), kept apart from the HTTP plumbing so they
// are tested on their own: the NDJSON of POST /api/v1/bulk and its per-item results.
//
// Pure functions; thread-safe.

#include "core/store/store.h"
#include "hotline/status.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hotline::delivery {

// One line per row: {"idempotency_key","ticket_id","sequence","kind","payload"}\n; kind is the
// row's ("ticket", "event", "knowledge").
// A JSON body (content type *json*, well-formed) is embedded as the payload value itself;
// any other body as a JSON string.
std::string encodeBulk(const std::vector<const store::OutboxRow*>& rows);

struct BulkItemResult {
  int status = 0;          // numeric status, or 0 when the peer sent a word
  std::string status_text; // the word ("ok", "duplicate", "retry", ...) when not numeric
  std::string message;
  int64_t retry_after_s = -1; // the item's "retry_after_s", -1 when absent
};

// Parses {"results":[{"idempotency_key","status","message","retry_after_s"}]}, also wrapped
// in the platform's envelope {"code":0,"message":"ok","data":{"results":[...]}}. Keyed by
// idempotency key; results without a readable key are skipped.
Result<std::unordered_map<std::string, BulkItemResult>> decodeBulkResults(std::string_view body);

// The Idempotency-Key of a bulk request: derived from its items' keys (SHA-256), so the
// same batch re-sent carries the same key and a different batch never shares one. The rows
// keep their own keys inside the NDJSON.
std::string bulkIdempotencyKey(const std::vector<const store::OutboxRow*>& rows);

// RFC 3986 percent-encoding of one path segment.
std::string escapePathSegment(std::string_view segment);

} // namespace hotline::delivery
