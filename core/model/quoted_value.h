#pragma once
// Quoting of a rejected value inside an error message. Only values that cannot carry personal
// data are ever quoted (enum spellings, times, member names); free text such as names and
// phone numbers is never echoed by the model at all.

#include <string>
#include <string_view>

namespace hotline::model {

// `"asap"`: the value in double quotes, cut to at most 64 bytes (on a UTF-8 boundary, marked
// with "…") so a hostile input cannot blow up a log line, with quotes, backslashes and control
// characters escaped so the message stays one readable line. Defence in depth against a
// mapping that put personal data into a coded field: a value holding a run of 7 or more digits
// (a phone or ID-card number) is not shown at all.
std::string quoteValue(std::string_view value);

} // namespace hotline::model
