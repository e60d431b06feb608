#pragma once
// The kinds of lifecycle action a TicketEvent carries (DESIGN.md §3.2). Which of them are legal
// in which ticket status is the lifecycle table's business (lifecycle.h).

#include "core/model/enum_table.h"

namespace hotline::model {

enum class EventType {
  Created,
  Accepted,
  Assigned,
  Escalated,
  DispatchedDown,
  Signed,
  Progress,
  ExtensionRequested,
  ExtensionDecided,
  ReturnRequested,
  ReturnDecided,
  Reassigned,
  ResultSubmitted,
  ResultReviewed,
  Revisited,
  Urged,
  Supervised,
  Inspected,
  LeaderInstructed,
  Reopened,
  Merged,
  Closed,
  Comment,
};

template <>
struct EnumTraits<EventType> {
  static constexpr std::string_view kTypeName = "event_type";
  static constexpr std::array<EnumEntry<EventType>, 23> kEntries{{
      {EventType::Created, "created", "创建"},
      {EventType::Accepted, "accepted", "受理"},
      {EventType::Assigned, "assigned", "交办"},
      {EventType::Escalated, "escalated", "上报"},
      {EventType::DispatchedDown, "dispatched_down", "下派"},
      {EventType::Signed, "signed", "签收"},
      {EventType::Progress, "progress", "阶段反馈"},
      {EventType::ExtensionRequested, "extension_requested", "延期申请"},
      {EventType::ExtensionDecided, "extension_decided", "延期审核"},
      {EventType::ReturnRequested, "return_requested", "退回申请"},
      {EventType::ReturnDecided, "return_decided", "退回审核"},
      {EventType::Reassigned, "reassigned", "改派"},
      {EventType::ResultSubmitted, "result_submitted", "办结反馈"},
      {EventType::ResultReviewed, "result_reviewed", "办结审核"},
      {EventType::Revisited, "revisited", "回访"},
      {EventType::Urged, "urged", "催办"},
      {EventType::Supervised, "supervised", "督办"},
      {EventType::Inspected, "inspected", "监察"},
      {EventType::LeaderInstructed, "leader_instructed", "领导批示"},
      {EventType::Reopened, "reopened", "重办"},
      {EventType::Merged, "merged", "并单"},
      {EventType::Closed, "closed", "结案"},
      {EventType::Comment, "comment", "备注"},
  }};
};

} // namespace hotline::model
