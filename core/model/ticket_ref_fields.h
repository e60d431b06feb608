#pragma once
// Member lists of ExternalRef and TicketRef for the JSON codecs (see field_rules.h).

#include <string>

#include "core/model/field_rules.h"
#include "core/model/json_decoder.h"
#include "core/model/ticket_ref.h"

namespace hotline::model {

template <typename S, typename V>
requires detail::Describes<S, ExternalRef>
void describe(S& s, V& v) {
  v.text("system", s.system, detail::Need::Required);
  v.text("number", s.number, detail::Need::Required);
}

template <typename S, typename V>
requires detail::Describes<S, TicketRef>
void describe(S& s, V& v) {
  v.text("id", s.id, detail::Need::Optional, &detail::kTicketIdRule);
  v.text("system", s.system);
  v.text("number", s.number);
}

// A TicketRef names the ticket one way: {"id"} or {"system", "number"}.
inline void checkDecoded(const TicketRef& ref, const std::string& path,
                         detail::DecodeErrors& errors) {
  const bool by_number = !ref.system.empty() || !ref.number.empty();
  if (!ref.id.empty() && by_number) {
    errors.add(path, "give either id or system and number, not both");
  } else if (ref.id.empty() && !(!ref.system.empty() && !ref.number.empty())) {
    errors.add(path, "needs either id or both system and number");
  }
}

} // namespace hotline::model
