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

} // namespace hotline::store
