#pragma once
// The query of a paged read a peer makes of a connector's queue: `since=<seq>&limit=<n>` (the
// department's pull-mode task list, the exchange's feed), and the decimal numbers it carries.
// Shared so that both links page alike: `next` of one page is `since` of the following one,
// and a limit above the maximum is lowered rather than refused. No I/O.

#include "hotline/status.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace hotline::support {

struct PageQuery {
  uint64_t since = 0; // items after this seq (0: from the start)
  size_t limit = 100;
};

// How one link reads its paging parameters.
struct PageQueryRules {
  size_t default_limit = 100;
  size_t max_limit = 500;
  // How the since error names the cursor: "since: must be <cursor> (decimal digits), as given
  // in next".
  std::string_view cursor = "a seq";
  // True: `since=` (empty) is the start, as a first poll sends it; false: it is refused.
  bool empty_since_is_start = false;
};

// Reads a parameter other than since and limit; an error ends the parse with it.
using QueryParamReader = std::function<Status(std::string_view name, std::string_view value)>;

// `query` is the raw query string (no '?'), parameters in any order, not percent-decoded (the
// values it reads are digits). Parameters other than since and limit go to `other`, or are
// ignored when it is empty. InvalidArgument naming the parameter: since not decimal digits,
// limit not a number from 1 (a larger one is lowered to rules.max_limit).
Result<PageQuery> parsePageQuery(std::string_view query, const PageQueryRules& rules,
                                 const QueryParamReader& other = {});

// Decimal digits only (no sign, no blanks), fitting 64 bits; nullopt otherwise.
std::optional<uint64_t> parseDecimal(std::string_view text);

} // namespace hotline::support
