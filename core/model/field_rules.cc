#include "core/model/field_rules.h"

#include "core/model/ticket_id.h"

namespace hotline::model::detail {
namespace {

bool allDigits(std::string_view value) {
  for (char c : value) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

bool isRegionCode(std::string_view value) {
  return value.size() == 6 && allDigits(value);
}

bool isDivisionCode(std::string_view value) {
  return (value.size() == 6 || value.size() == 9 || value.size() == 12) && allDigits(value);
}

bool isSha256Hex(std::string_view value) {
  if (value.size() != 64) {
    return false;
  }
  for (char c : value) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

} // namespace

const StringRule kRegionCodeRule{isRegionCode, "a 6-digit region code"};
const StringRule kDivisionCodeRule{isDivisionCode, "a 6-, 9- or 12-digit division code"};
const StringRule kTicketIdRule{isValidTicketId,
                               "a gateway ticket id (26 upper-case Crockford base32 characters)"};
const StringRule kSha256Rule{isSha256Hex, "64 lower-case hex digits (SHA-256)"};

} // namespace hotline::model::detail
