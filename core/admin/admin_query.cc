#include "core/admin/admin_query.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

namespace hotline::admin {
namespace {

constexpr size_t kDefaultPage = 100;
constexpr size_t kLargestPage = 1000;

Status refused(std::string_view endpoint, const std::string& why) {
  return invalidArgument(std::string(endpoint) + ": " + why);
}

std::string acceptedList(std::initializer_list<std::string_view> accepted) {
  std::string names;
  for (std::string_view name : accepted) {
    names += (names.empty() ? "" : ", ") + std::string(name);
  }
  return names.empty() ? "none" : names;
}

std::optional<store::OutboxState> outboxStateNamed(const std::string& name) {
  for (auto state : {store::OutboxState::Pending, store::OutboxState::Delivered,
                     store::OutboxState::Dead, store::OutboxState::Discarded}) {
    if (name == store::outboxStateName(state)) {
      return state;
    }
  }
  return std::nullopt;
}

// One parameter into `query`; an error says what `key` expects.
Status readParameter(const std::string& key, const std::string& value, AdminQuery& query) {
  if (key == "after") {
    std::optional<uint64_t> after = parseCount(value);
    if (!after || *after > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return invalidArgument("after=\"" + value + "\" is not an id (an integer, 0 or more)");
    }
    query.after = static_cast<int64_t>(*after);
  } else if (key == "limit") {
    query.raw_limit = value;
  } else if (key == "ticket") {
    query.ticket = value;
  } else if (key == "target") {
    query.target = value;
  } else if (key == "state") {
    query.state = outboxStateNamed(value);
    if (!query.state) {
      return invalidArgument("state=\"" + value +
                             "\" is not an outbox state (pending, delivered, dead, discarded)");
    }
  } else if (key == "all") {
    if (value != "true" && value != "false") {
      return invalidArgument("all=\"" + value + "\" must be true or false");
    }
    query.all = value == "true";
  }
  return Status::ok();
}

} // namespace

std::optional<uint64_t> parseCount(std::string_view text) {
  if (text.empty() || text.size() > 19 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  uint64_t value = 0;
  for (char c : text) {
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value;
}

Result<AdminQuery> parseAdminQuery(std::string_view endpoint, const std::string& raw,
                                   std::initializer_list<std::string_view> accepted) {
  std::vector<std::pair<std::string, std::string>> parameters;
  for (std::string_view rest = raw; !rest.empty();) {
    const std::string_view pair = rest.substr(0, rest.find('&'));
    rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
    if (pair.empty()) {
      continue;
    }
    const size_t equals = pair.find('=');
    std::string key, value;
    try {
      Poco::URI::decode(std::string(pair.substr(0, equals)), key, true);
      if (equals != std::string_view::npos) {
        Poco::URI::decode(std::string(pair.substr(equals + 1)), value, true);
      }
    } catch (const Poco::Exception& error) {
      return refused(endpoint,
                     "\"" + std::string(pair) + "\" is not URL-encoded (" + error.message() + ")");
    }
    parameters.emplace_back(std::move(key), std::move(value));
  }
  AdminQuery query;
  for (const auto& [key, value] : parameters) {
    if (std::find(accepted.begin(), accepted.end(), key) == accepted.end()) {
      return refused(endpoint, "it takes no query parameter \"" + key +
                                   "\" (it takes: " + acceptedList(accepted) + ")");
    }
    Status read = readParameter(key, value, query);
    if (!read.isOk()) {
      return refused(endpoint, read.message());
    }
  }
  return query;
}

Result<size_t> pageLimit(std::string_view endpoint, const AdminQuery& query) {
  if (query.raw_limit.empty()) {
    return kDefaultPage;
  }
  std::optional<uint64_t> limit = parseCount(query.raw_limit);
  if (!limit || *limit == 0) {
    return refused(endpoint, "limit=\"" + query.raw_limit +
                                 "\" is not a page size (a positive integer; at most " +
                                 std::to_string(kLargestPage) + " rows are served)");
  }
  return static_cast<size_t>(std::min<uint64_t>(*limit, kLargestPage));
}

Result<AdminPage> parseAdminPage(std::string_view endpoint, const std::string& raw,
                                 std::initializer_list<std::string_view> accepted) {
  Result<AdminQuery> query = parseAdminQuery(endpoint, raw, accepted);
  if (!query) {
    return query.status();
  }
  Result<size_t> limit = pageLimit(endpoint, *query);
  if (!limit) {
    return limit.status();
  }
  return AdminPage{std::move(query).value(), *limit};
}

} // namespace hotline::admin
