#pragma once
// The canonical Ticket (工单): a snapshot of one citizen request with its whole history, the
// shape every connector maps to and from (DESIGN.md §3.1; fields follow the seed's
// 历史工单数据 list). Plain data: no invariants beyond what the codec checks, so mappings and
// tests can build one field by field. Required members: channel, content, status.

#include <optional>
#include <string>
#include <vector>

#include "core/model/ticket_enums.h"
#include "core/model/ticket_history.h"
#include "core/model/ticket_parts.h"
#include "core/model/ticket_ref.h"
#include "core/model/timestamp.h"

namespace hotline::model {

struct Ticket {
  // identity
  std::string id;                // gateway-issued (ticket_id.h); empty until issued
  std::vector<ExternalRef> refs; // 诉求单号 of every system that knows the ticket
  Region region;

  // 工单信息
  Requester requester;
  Channel channel = Channel::Other;               // 诉求来源 (required)
  std::string title;                              // 诉求标题
  std::string content;                            // 诉求内容 (required)
  std::vector<Attachment> attachments;            // 诉求附件
  Address address;                                // 事件地址
  Category category;                              // 诉求类型
  std::optional<Urgency> urgency;                 // 紧急程度
  std::optional<Confidentiality> confidentiality; // 保密级别
  TicketStatus status = TicketStatus::Submitted;  // 诉求状态 (required)
  std::optional<HandlingMode> handling_mode;      // 处理方式
  std::string accepted_by;                        // 诉求受理人
  std::string result;                             // 处理结果
  std::string closing_opinion;                    // 结案意见
  std::optional<Satisfaction> satisfaction;
  std::string merged_into; // id of the surviving ticket once status is merged (§3.3)

  // times
  std::optional<Timestamp> created_at;   // 录入时间
  std::optional<Timestamp> submitted_at; // 提交时间
  std::optional<Timestamp> accepted_at;
  std::optional<Timestamp> deadline;   // 办理时限 of the current assignment
  std::optional<Timestamp> handled_at; // 办理时间
  std::optional<Timestamp> closed_at;  // 结案时间

  // history sections
  std::vector<Assignment> assignments;                // 交办信息
  std::vector<Inspection> inspections;                // 监察意见
  std::vector<LeaderInstruction> leader_instructions; // 领导批示
  std::vector<ReturnRecord> returns;                  // 回退信息
  std::vector<Handling> handlings;                    // 办理情况
  std::vector<Review> extension_reviews;              // 延时审核
  std::vector<Review> return_reviews;                 // 退回审核
  std::vector<Revisit> revisits;                      // 回访信息
  std::vector<Supervision> supervisions;              // 督办信息
  std::vector<Urge> urges;                            // 市民催办
  std::vector<FlowStep> flow;                         // 办理流程信息

  bool operator==(const Ticket&) const = default;
};

} // namespace hotline::model
