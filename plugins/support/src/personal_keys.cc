// Which field names carry personal data, and how each kind is masked. Keys are compared on
// their last path segment ("requester.phone", "/requester/name", "contacts[2].mobile"),
// case-insensitively and ignoring '_' and '-' ("contactPhone" = "contact_phone"). The
// Chinese column names of legacy exports are listed too, since mapping errors name them.

#include "hotline/support/masking.h"

#include <algorithm>
#include <array>
#include <utility>

namespace hotline::support {
namespace {

enum class Kind { None, Name, Phone, IdNumber, Address, Email };

// Normalised names (lower case, no '_' or '-'). A key that may hold either a name or a
// number ("caller", "contact") is a Name: maskName keeps only the first character, which is
// safe for both.
constexpr std::array<std::pair<std::string_view, Kind>, 52> kPersonalKeys{{
    {"name", Kind::Name},
    {"fullname", Kind::Name},
    {"realname", Kind::Name},
    {"requester", Kind::Name},
    {"requestername", Kind::Name},
    {"contact", Kind::Name},
    {"contactname", Kind::Name},
    {"contactperson", Kind::Name},
    {"citizen", Kind::Name},
    {"citizenname", Kind::Name},
    {"caller", Kind::Name},
    {"callername", Kind::Name},
    {"姓名", Kind::Name},
    {"来电人", Kind::Name},
    {"联系人", Kind::Name},
    {"市民姓名", Kind::Name},
    {"phone", Kind::Phone},
    {"phonenumber", Kind::Phone},
    {"phoneno", Kind::Phone},
    {"contactphone", Kind::Phone},
    {"mobile", Kind::Phone},
    {"mobilephone", Kind::Phone},
    {"mobileno", Kind::Phone},
    {"cellphone", Kind::Phone},
    {"tel", Kind::Phone},
    {"telno", Kind::Phone},
    {"telephone", Kind::Phone},
    {"callernumber", Kind::Phone},
    {"callednumber", Kind::Phone},
    {"电话", Kind::Phone},
    {"手机", Kind::Phone},
    {"手机号", Kind::Phone},
    {"联系电话", Kind::Phone},
    {"来电号码", Kind::Phone},
    {"idnumber", Kind::IdNumber},
    {"idno", Kind::IdNumber},
    {"idcard", Kind::IdNumber},
    {"idcardnumber", Kind::IdNumber},
    {"identitynumber", Kind::IdNumber},
    {"身份证", Kind::IdNumber},
    {"身份证号", Kind::IdNumber},
    {"身份证号码", Kind::IdNumber},
    {"证件号码", Kind::IdNumber},
    {"address", Kind::Address},
    {"addr", Kind::Address},
    {"homeaddress", Kind::Address},
    {"contactaddress", Kind::Address},
    {"地址", Kind::Address},
    {"住址", Kind::Address},
    {"联系地址", Kind::Address},
    {"email", Kind::Email},
    {"emailaddress", Kind::Email},
}};

// Path segments split on '.' and '/', with a trailing "[n]" index dropped.
std::string_view segmentBefore(std::string_view key, size_t end) {
  std::string_view path = key.substr(0, end);
  const size_t start = path.find_last_of("./");
  std::string_view segment = start == std::string_view::npos ? path : path.substr(start + 1);
  if (!segment.empty() && segment.back() == ']') {
    segment = segment.substr(0, segment.rfind('['));
  }
  return segment;
}

std::string normalise(std::string_view segment) {
  std::string out;
  for (char c : segment) {
    if (c == '_' || c == '-') {
      continue;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

Kind kindOfSegment(std::string_view segment) {
  const std::string name = normalise(segment);
  const auto* found = std::find_if(kPersonalKeys.begin(), kPersonalKeys.end(),
                                   [&name](const auto& entry) { return entry.first == name; });
  return found == kPersonalKeys.end() ? Kind::None : found->second;
}

Kind kindOfKey(std::string_view key) {
  while (!key.empty() && (key.back() == '/' || key.back() == '.')) {
    key.remove_suffix(1);
  }
  const std::string_view last = segmentBefore(key, key.size());
  Kind kind = kindOfSegment(last);
  // The canonical address is an object whose free text sits in "address.text".
  const std::string normalised_last = normalise(last);
  if (kind == Kind::None && (normalised_last == "text" || normalised_last == "value") &&
      key.size() > last.size()) {
    kind = kindOfSegment(segmentBefore(key, key.size() - last.size() - 1));
  }
  return kind;
}

size_t countDigits(std::string_view value) {
  return static_cast<size_t>(
      std::count_if(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

} // namespace

bool isPersonalKey(std::string_view key) {
  return kindOfKey(key) != Kind::None;
}

std::string maskField(std::string_view key, std::string_view value) {
  switch (kindOfKey(key)) {
  case Kind::Name:
    return maskName(value);
  case Kind::Phone:
    // A phone field holding a name ("张三") has no digits to mask; mask it as a name.
    return countDigits(value) < 5 ? maskName(value) : maskPhone(value);
  case Kind::IdNumber:
    return maskIdNumber(value);
  case Kind::Address:
    return maskAddress(value);
  case Kind::Email:
    return maskEmail(value);
  case Kind::None:
    break;
  }
  return maskText(value);
}

} // namespace hotline::support
