#pragma once
// POST /api/v1/bulk bodies: NDJSON, one delivery per line,
//   {"idempotency_key":"…","ticket_id":"…","sequence":N,"kind":"ticket"|"event"|"knowledge",
//    "payload":{…}}
// Pure: no I/O, no state. Each line is judged on its own so one bad line never spoils the
// others (the gateway handles partial failure per line).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "simulators/core_platform/src/delivered_item.h"

namespace hotline::sim::core_platform {

struct BulkLine {
  size_t line_number = 0; // 1-based, in the body
  int status = 0;         // 0: a valid item; 400: malformed line (or an article's ticket_id
                          // not "kb:<id>"); 422: invalid payload
  std::string message;    // why, when status != 0
  DeliveredItem item;     // complete when status == 0; the key is kept when readable
};

// One entry per non-blank line, in order; lines holding only whitespace (such as the empty
// one after a final newline) carry nothing and get no entry. "\r\n" endings are accepted.
std::vector<BulkLine> parseBulkBody(std::string_view body);

BulkLine parseBulkLine(std::string_view line, size_t line_number);

} // namespace hotline::sim::core_platform
