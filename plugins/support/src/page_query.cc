#include "hotline/support/page_query.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace hotline::support {

std::optional<uint64_t> parseDecimal(std::string_view text) {
  uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

Result<PageQuery> parsePageQuery(std::string_view query, const PageQueryRules& rules,
                                 const QueryParamReader& other) {
  PageQuery parsed;
  parsed.limit = rules.default_limit;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    size_t equals = pair.find('=');
    std::string_view name = pair.substr(0, equals);
    std::string_view value = equals == std::string_view::npos ? "" : pair.substr(equals + 1);
    if (name == "since") {
      if (value.empty() && rules.empty_since_is_start) {
        continue;
      }
      std::optional<uint64_t> since = parseDecimal(value);
      if (!since) {
        return invalidArgument("since: must be " + std::string(rules.cursor) +
                               " (decimal digits), as given in next");
      }
      parsed.since = *since;
    } else if (name == "limit") {
      std::optional<uint64_t> limit = parseDecimal(value);
      if (!limit || *limit == 0) {
        return invalidArgument("limit: must be a number from 1 to " +
                               std::to_string(rules.max_limit));
      }
      parsed.limit = static_cast<size_t>(std::min<uint64_t>(*limit, rules.max_limit));
    } else if (other) {
      HOTLINE_RETURN_IF_ERROR(other(name, value));
    }
  }
  return parsed;
}

} // namespace hotline::support
