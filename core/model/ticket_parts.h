#pragma once
// The value types a Ticket and its history sections are built from. Convention for the whole
// model: an empty string, an empty list and an all-empty object mean "absent" and are never
// encoded; the decoder and the schema reject the empty forms, so a round trip is lossless.

#include <cstdint>
#include <optional>
#include <string>

#include "core/model/ticket_enums.h"

namespace hotline::model {

// A unit (department, township, office) by its code and/or name, e.g. 主办单位 / 协办单位.
struct UnitRef {
  std::string code;
  std::string name;

  bool operator==(const UnitRef&) const = default;
};

// A file attached to a ticket or a history entry. The gateway carries a reference, never the
// bytes: `uri` says where the file is, `sha256` lets a receiver verify it.
struct Attachment {
  std::string name;
  std::string uri;
  std::string sha256; // 64 lower-case hex digits
  std::optional<int64_t> size;
  std::string mime;

  bool operator==(const Attachment&) const = default;
};

// 诉求人. All three fields are personal data: never logged or echoed unmasked.
struct Requester {
  std::string name;          // 诉求人姓名
  std::string phone;         // 来电号码
  std::string contact_phone; // 联系号码

  bool operator==(const Requester&) const = default;
};

// 事件地址.
struct Address {
  std::string text;
  std::string region_code;   // 6-, 9- or 12-digit administrative division code
  std::optional<double> lng; // WGS-84 / GCJ-02 as the source gives it; [-180, 180]
  std::optional<double> lat; // [-90, 90]

  bool operator==(const Address&) const = default;
};

// 诉求类型 and the topic (事项分类) within the hotline's own classification.
struct Category {
  std::optional<CategoryType> type;
  std::string topic_code;
  std::string topic_name;

  bool operator==(const Category&) const = default;
};

// The administrative region the ticket belongs to: 6-digit codes such as 411425 (Yucheng
// County), 411400 (Shangqiu City), 410000 (Henan Province).
struct Region {
  std::string county;
  std::string city;
  std::string province;

  bool operator==(const Region&) const = default;
};

} // namespace hotline::model
