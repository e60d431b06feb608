#pragma once
// The vocabulary the describe() functions (ticket_fields.h, event_fields.h, record_fields.h)
// use to state each member once; the JSON decoder and encoder both walk those functions, so
// the two directions cannot drift apart. Internal to the model's codecs.

#include <cstdint>
#include <string_view>
#include <type_traits>

namespace hotline::model::detail {

enum class Need { Optional, Required };

// A format a string member must have beyond "non-empty". The schema states the same format as
// a `pattern` (a schema test keeps the two in step).
struct StringRule {
  bool (*accepts)(std::string_view value);
  std::string_view expectation; // completes "expected …"
};

struct NumberRange {
  double min;
  double max;
};

// Integers the model carries stay below 2^53 so that JavaScript consoles read them exactly.
inline constexpr int64_t kMaxSafeInteger = (int64_t{1} << 53) - 1;

// describe() overloads are templates over a const or non-const struct (the encoder reads, the
// decoder writes); this names the struct each one is for.
template <typename Self, typename T>
concept Describes = std::is_same_v<std::remove_const_t<Self>, T>;

extern const StringRule kRegionCodeRule;   // 6 digits: 411425
extern const StringRule kDivisionCodeRule; // 6, 9 or 12 digits (county, township, village)
extern const StringRule kTicketIdRule;     // a gateway ticket id (ULID)
extern const StringRule kSha256Rule;       // 64 lower-case hex digits

} // namespace hotline::model::detail
