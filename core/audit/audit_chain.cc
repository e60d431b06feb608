#include "core/audit/audit_chain.h"

#include <charconv>

namespace hotline::audit {

std::string formatAuditHead(const AuditHead& head) {
  return std::to_string(head.seq) + ":" + head.hash;
}

Result<AuditHead> parseAuditHead(const std::string& value) {
  const size_t colon = value.find(':');
  AuditHead head;
  if (colon != std::string::npos) {
    const char* begin = value.data();
    const auto [end, error] = std::from_chars(begin, begin + colon, head.seq);
    head.hash = value.substr(colon + 1);
    const bool hex = head.hash.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (error == std::errc() && end == begin + colon && head.seq >= 0 && hex) {
      return head;
    }
  }
  return invalidArgument("audit head anchor \"" + value + "\" is not <seq>:<hex hash>");
}

store::AuditRecord AuditChain::extend(const store::AuditInsert& insert, int64_t at_ms,
                                      int64_t message_id) {
  store::AuditRecord record;
  record.seq = head_.seq + 1;
  record.at_ms = at_ms;
  record.action = insert.action;
  record.actor = insert.actor;
  record.ticket_id = insert.ticket_id;
  record.message_id = message_id != 0 ? message_id : insert.message_id;
  record.outbox_id = insert.outbox_id;
  record.target = insert.target;
  record.detail = insert.detail;
  record.prev_hash = head_.hash;
  record.algorithm = hashAlgorithmName(algorithm_);
  record.hash = chainHash(algorithm_, record);
  head_ = AuditHead{record.seq, record.hash};
  return record;
}

} // namespace hotline::audit
