#pragma once
// The secondary records (DESIGN.md §3.4) that migration and sharing carry besides tickets.
// Same conventions as the ticket: empty strings and lists mean absent.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/record_enums.h"
#include "core/model/ticket_enums.h"
#include "core/model/ticket_ref.h"
#include "core/model/timestamp.h"

namespace hotline::model {

// 历史通话. Required: id, direction, started_at. `caller` is personal data.
struct CallRecord {
  std::string id;
  std::string caller; // the calling number
  std::string callee; // the called number or hotline line
  CallDirection direction = CallDirection::Inbound;
  Timestamp started_at;
  std::optional<Timestamp> ended_at;
  std::optional<int64_t> duration_s;
  std::string agent; // the call-desk agent's id or name
  std::string recording_uri;
  TicketRef ticket; // the ticket the call produced or concerned; empty = none

  bool operator==(const CallRecord&) const = default;
};

// 知识库 article. Required: id, title, content.
struct KnowledgeArticle {
  std::string id;
  std::string title;
  std::string content;
  std::string category;
  std::vector<std::string> tags;
  std::string region_code; // 6-digit code of the region it applies to
  std::optional<ArticleStatus> status;
  std::optional<Timestamp> published_at;
  std::optional<Timestamp> updated_at;
  std::string source; // where it came from, e.g. the city's shared knowledge base

  bool operator==(const KnowledgeArticle&) const = default;
};

// 通讯录 entry: a unit's or an official's contact. Required: name.
struct Contact {
  std::string name;
  std::string unit;
  std::string address;
  std::string phone;
  std::string website;

  bool operator==(const Contact&) const = default;
};

// 黑名单 / 白名单 entry. Required: list, phone (personal data).
struct ListEntry {
  ListKind list = ListKind::Black;
  std::string phone;
  std::string reason;
  std::optional<Timestamp> added_at;
  std::optional<Timestamp> expires_at;
  std::string operator_info; // 操作信息 (JSON member "operator")

  bool operator==(const ListEntry&) const = default;
};

// 公告. Required: id, title, content.
struct Announcement {
  std::string id;
  std::string title;
  std::string content;
  std::optional<Timestamp> published_at;
  std::optional<Timestamp> expires_at;

  bool operator==(const Announcement&) const = default;
};

// One message of a chat. Required: from, text.
struct ChatMessage {
  std::optional<Timestamp> at;
  std::string from; // "user", "agent", "bot" or the party's name as the source gives it
  std::string text;

  bool operator==(const ChatMessage&) const = default;
};

// 聊天记录 (WeChat, app or web chat). Required: id, channel, messages. `user` is personal data.
struct ChatTranscript {
  std::string id;
  Channel channel = Channel::Wechat;
  std::string user;
  std::optional<Timestamp> started_at;
  std::vector<ChatMessage> messages;

  bool operator==(const ChatTranscript&) const = default;
};

} // namespace hotline::model
