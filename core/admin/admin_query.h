#pragma once
// The query parameters of the admin API's lists and bulk actions, checked before anything is
// read or changed: a parameter the endpoint does not take, or a value that does not parse, is
// refused (400) naming the endpoint, the parameter and what it expects. An operator's typo
// (`?stat=dead`, `?limit=ten`) must not quietly list something else.

#include "core/store/store.h"
#include "hotline/status.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace hotline::admin {

struct AdminQuery {
  int64_t after = 0;     // after=N: ids (or audit seqs) above N
  std::string raw_limit; // limit=N as given: pageLimit() or parseBulkReplayLimit() reads it
  std::string ticket;    // ticket=ID
  std::string target;    // target=NAME
  std::optional<store::OutboxState> state; // state=pending|delivered|dead|discarded
  bool all = false;                        // all=true|false
};

// Parses `raw` (the query string, without "?") for `endpoint` ("GET /admin/v1/dlq"), which
// takes only the parameters named in `accepted`.
Result<AdminQuery> parseAdminQuery(std::string_view endpoint, const std::string& raw,
                                   std::initializer_list<std::string_view> accepted);

// A list's page size: 100 when absent; a positive integer, of which at most 1000 are served.
Result<size_t> pageLimit(std::string_view endpoint, const AdminQuery& query);

// A list's query: parseAdminQuery() and its pageLimit() at once.
struct AdminPage {
  AdminQuery query;
  size_t limit = 0;
};
Result<AdminPage> parseAdminPage(std::string_view endpoint, const std::string& raw,
                                 std::initializer_list<std::string_view> accepted);

// Digits only (no sign, no blanks), no overflow; nullopt otherwise.
std::optional<uint64_t> parseCount(std::string_view text);

} // namespace hotline::admin
