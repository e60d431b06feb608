#pragma once
// Masking of personal data (names, phone numbers, ID-card numbers, addresses) for logs and
// error messages. Shared by the core and connectors (DESIGN.md §9): nothing personal leaves
// the process unmasked through a log line or an error text.

#include <string>
#include <string_view>

namespace hotline::support {

// "张三" -> "张*", "欧阳娜娜" -> "欧***"; ASCII names keep the first letter: "Li Lei" -> "L*****".
std::string maskName(std::string_view name);
// "13812345678" -> "138****5678", "0370-1234567" -> "0370-***4567"; keeps the last 4 digits.
std::string maskPhone(std::string_view phone);
// 18/15-char ID-card numbers: "411425199001011234" -> "4114**********1234".
std::string maskIdNumber(std::string_view id_number);
// Keeps the first 6 characters (code points) of an address and masks the rest.
std::string maskAddress(std::string_view address);

// Finds mobile numbers, landline numbers and ID-card numbers inside free text and masks
// each in place; everything else is copied unchanged.
std::string maskText(std::string_view text);

// True when a field of this name holds personal data (name, phone, contact_phone, mobile,
// id_number, id_card, address, requester, ... ; compared case-insensitively on the last
// path segment, so "requester.phone" and "/requester/name" count too).
bool isPersonalKey(std::string_view key);

// Masks `value` by what `key` says it is; falls back to maskText for any other key.
std::string maskField(std::string_view key, std::string_view value);

// Additions beyond the first contract:

// "zhangsan@qq.com" -> "z*******@qq.com"; without an '@' the value is masked as a name.
std::string maskEmail(std::string_view email);

// Every mask function above returns well-formed UTF-8 and never splits a multi-byte
// character: an invalid input byte comes out as U+FFFD. These two expose that rule to
// callers that write text masking does not touch (log keys, component names).
bool isValidUtf8(std::string_view text);
std::string toValidUtf8(std::string_view text);

} // namespace hotline::support
