#pragma once
// Canonical JSON ⇄ the secondary records (records.h), with the ticket codec's contract
// (ticket_codec.h): lossless round trip; strict decoding that reports every problem with its
// JSON Pointer and never quotes a personal value.

#include <string>
#include <string_view>
#include <vector>

#include "core/model/decode_issue.h"
#include "core/model/records.h"
#include "hotline/status.h"

namespace hotline::model {

std::string encodeRecord(const CallRecord& record);
std::string encodeRecord(const KnowledgeArticle& record);
std::string encodeRecord(const Contact& record);
std::string encodeRecord(const ListEntry& record);
std::string encodeRecord(const Announcement& record);
std::string encodeRecord(const ChatTranscript& record);

Result<CallRecord> decodeCallRecord(std::string_view json,
                                    std::vector<DecodeIssue>* issues = nullptr);
Result<KnowledgeArticle> decodeKnowledgeArticle(std::string_view json,
                                                std::vector<DecodeIssue>* issues = nullptr);
Result<Contact> decodeContact(std::string_view json, std::vector<DecodeIssue>* issues = nullptr);
Result<ListEntry> decodeListEntry(std::string_view json,
                                  std::vector<DecodeIssue>* issues = nullptr);
Result<Announcement> decodeAnnouncement(std::string_view json,
                                        std::vector<DecodeIssue>* issues = nullptr);
Result<ChatTranscript> decodeChatTranscript(std::string_view json,
                                            std::vector<DecodeIssue>* issues = nullptr);

} // namespace hotline::model
