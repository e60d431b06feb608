#include "core/model/record_codec.h"

#include "core/model/codec_support.h"
#include "core/model/record_fields.h"

namespace hotline::model {

std::string encodeRecord(const CallRecord& record) {
  return detail::encodeText(record);
}
std::string encodeRecord(const KnowledgeArticle& record) {
  return detail::encodeText(record);
}
std::string encodeRecord(const Contact& record) {
  return detail::encodeText(record);
}
std::string encodeRecord(const ListEntry& record) {
  return detail::encodeText(record);
}
std::string encodeRecord(const Announcement& record) {
  return detail::encodeText(record);
}
std::string encodeRecord(const ChatTranscript& record) {
  return detail::encodeText(record);
}

Result<CallRecord> decodeCallRecord(std::string_view json, std::vector<DecodeIssue>* issues) {
  return detail::decodeText<CallRecord>(json, "call record", issues);
}

Result<KnowledgeArticle> decodeKnowledgeArticle(std::string_view json,
                                                std::vector<DecodeIssue>* issues) {
  return detail::decodeText<KnowledgeArticle>(json, "knowledge article", issues);
}

Result<Contact> decodeContact(std::string_view json, std::vector<DecodeIssue>* issues) {
  return detail::decodeText<Contact>(json, "contact", issues);
}

Result<ListEntry> decodeListEntry(std::string_view json, std::vector<DecodeIssue>* issues) {
  return detail::decodeText<ListEntry>(json, "list entry", issues);
}

Result<Announcement> decodeAnnouncement(std::string_view json, std::vector<DecodeIssue>* issues) {
  return detail::decodeText<Announcement>(json, "announcement", issues);
}

Result<ChatTranscript> decodeChatTranscript(std::string_view json,
                                            std::vector<DecodeIssue>* issues) {
  return detail::decodeText<ChatTranscript>(json, "chat transcript", issues);
}

} // namespace hotline::model
