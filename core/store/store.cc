#include "core/store/store.h"

namespace hotline::store {

const char* outboxStateName(OutboxState state) {
  switch (state) {
  case OutboxState::Pending:
    return "pending";
  case OutboxState::Delivered:
    return "delivered";
  case OutboxState::Dead:
    return "dead";
  case OutboxState::Discarded:
    return "discarded";
  }
  return "unknown";
}

bool isDeliveryRefusal(const Status& status) {
  return status.code() == StatusCode::NotFound || status.code() == StatusCode::FailedPrecondition ||
         status.code() == StatusCode::InvalidArgument;
}

std::string joinHolders(const std::vector<std::string>& holders) {
  std::string text;
  for (const std::string& holder : holders) {
    text += (text.empty() ? "" : ",") + holder;
  }
  return text;
}

std::vector<std::string> splitHolders(const std::string& text) {
  std::vector<std::string> holders;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    size_t end = comma == std::string::npos ? text.size() : comma;
    if (end > start) {
      holders.push_back(text.substr(start, end - start));
    }
    start = end + 1;
  }
  return holders;
}

} // namespace hotline::store
