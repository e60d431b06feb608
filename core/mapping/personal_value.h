#pragma once
// How a value may appear in an error message or an --explain trace. Personal data (DESIGN.md
// §9: names, phone numbers, ID-card numbers, address text) is masked by what it is; any other
// value still goes through the free-text masker, so a phone number typed into a content
// field is not shown either.

#include <string>
#include <string_view>

namespace hotline::mapping {

// What a field's values are, decided once at load. `mask_key` names the kind of personal
// data for hotline::support::maskField ("name", "phone", "address", "id_number", or a peer's
// key such as "mobile"); empty when the field is not personal.
struct Personal {
  std::string mask_key;
  bool isPersonal() const { return !mask_key.empty(); }
};

// The value as it may be shown: masked (personal) or with phone- and ID-shaped numbers masked
// (anything else), cut to at most 80 bytes on a character boundary ("…" marks the cut).
std::string shownValue(std::string_view value, const Personal& personal);

// shownValue in double quotes with quotes, backslashes and control characters escaped, so
// an error stays one readable line: "2024-13-45 10:00".
std::string quotedValue(std::string_view value, const Personal& personal);

// The mask key for a peer's path ("/data/mobile", "联系电话"): its last segment when that
// names personal data, else empty.
std::string personalKeyOfPath(std::string_view path);

} // namespace hotline::mapping
