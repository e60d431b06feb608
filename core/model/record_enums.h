#pragma once
// The enumerations of the secondary records (DESIGN.md §3.4).

#include "core/model/enum_table.h"

namespace hotline::model {

// Direction of a call record, seen from the hotline.
enum class CallDirection { Inbound, Outbound };

template <>
struct EnumTraits<CallDirection> {
  static constexpr std::string_view kTypeName = "call_direction";
  static constexpr std::array<EnumEntry<CallDirection>, 2> kEntries{{
      {CallDirection::Inbound, "inbound", "呼入"},
      {CallDirection::Outbound, "outbound", "呼出"},
  }};
};

// Which list a ListEntry belongs to.
enum class ListKind { Black, White };

template <>
struct EnumTraits<ListKind> {
  static constexpr std::string_view kTypeName = "list_kind";
  static constexpr std::array<EnumEntry<ListKind>, 2> kEntries{{
      {ListKind::Black, "black", "黑名单"},
      {ListKind::White, "white", "白名单"},
  }};
};

// Publication state of a knowledge article.
enum class ArticleStatus { Draft, Published, Archived };

template <>
struct EnumTraits<ArticleStatus> {
  static constexpr std::string_view kTypeName = "article_status";
  static constexpr std::array<EnumEntry<ArticleStatus>, 3> kEntries{{
      {ArticleStatus::Draft, "draft", "草稿"},
      {ArticleStatus::Published, "published", "已发布"},
      {ArticleStatus::Archived, "archived", "已下架"},
  }};
};

} // namespace hotline::model
