#pragma once
// The history sections of a Ticket, one struct per section of the seed's 历史工单数据 list.
// `operator_info` is the source's free-text 操作信息 (JSON member "operator"). `seq` is the
// seed's 次数 / 序号 and is required where the seed numbers entries, because it orders them;
// every other member is optional, since historical exports are patchy.

#include <optional>
#include <string>
#include <vector>

#include "core/model/ticket_parts.h"
#include "core/model/timestamp.h"

namespace hotline::model {

// 交办信息: 交办次数, 交办时间, 办理时限, 主办单位, 协办单位, 交办意见, 操作信息.
struct Assignment {
  int seq = 0;
  std::optional<Timestamp> at;
  std::optional<Timestamp> deadline;
  UnitRef lead_unit;
  std::vector<UnitRef> co_units;
  std::string instructions;
  std::string operator_info;

  bool operator==(const Assignment&) const = default;
};

// 监察意见: 次数, 监察人, 监察意见, 监察时间, 附件.
struct Inspection {
  int seq = 0;
  std::string inspector;
  std::string opinion;
  std::optional<Timestamp> at;
  std::vector<Attachment> attachments;

  bool operator==(const Inspection&) const = default;
};

// 领导批示: 类型, 批示人, 批示内容, 批示时间, 附件, 操作信息.
struct LeaderInstruction {
  std::string type;
  std::string leader;
  std::string content;
  std::optional<Timestamp> at;
  std::vector<Attachment> attachments;
  std::string operator_info;

  bool operator==(const LeaderInstruction&) const = default;
};

// 回退信息: 退回人, 退回内容, 退回时间, 操作信息.
struct ReturnRecord {
  std::string by;
  std::string content;
  std::optional<Timestamp> at;
  std::string operator_info;

  bool operator==(const ReturnRecord&) const = default;
};

// 办理情况: 办理人, 单位, 类型, 办理内容, 办理时间, 附件, 操作信息.
struct Handling {
  std::string handler;
  UnitRef unit;
  std::string type;
  std::string content;
  std::optional<Timestamp> at;
  std::vector<Attachment> attachments;
  std::string operator_info;

  bool operator==(const Handling&) const = default;
};

// 延时审核 and 退回审核: 次数, 状态, 申请时间, 申请原因, 审核时间, 审核意见, 操作信息.
struct Review {
  int seq = 0;
  std::optional<ReviewStatus> status;
  std::optional<Timestamp> requested_at;
  std::string reason;
  std::optional<Timestamp> reviewed_at;
  std::string opinion;
  std::string operator_info;

  bool operator==(const Review&) const = default;
};

// 回访信息: 次数, 回访人, 回访方式, 回访信息, 回访结果, 操作时间, 操作信息; plus the
// satisfaction the citizen gave, which DESIGN.md §3.1 lists with the revisit.
struct Revisit {
  int seq = 0;
  std::string visitor;
  std::optional<RevisitMethod> method;
  std::string info;
  std::string result;
  std::optional<Satisfaction> satisfaction;
  std::optional<Timestamp> at;
  std::string operator_info;

  bool operator==(const Revisit&) const = default;
};

// 督办信息: 次数, 督办人, 督办意见, 督办时间, 附件.
struct Supervision {
  int seq = 0;
  std::string supervisor;
  std::string opinion;
  std::optional<Timestamp> at;
  std::vector<Attachment> attachments;

  bool operator==(const Supervision&) const = default;
};

// 市民催办: 序号, 催办内容, 催办时间.
struct Urge {
  int seq = 0;
  std::string content;
  std::optional<Timestamp> at;

  bool operator==(const Urge&) const = default;
};

// 办理流程信息: 序号, 事项, 操作时间.
struct FlowStep {
  int seq = 0;
  std::string item;
  std::optional<Timestamp> at;

  bool operator==(const FlowStep&) const = default;
};

} // namespace hotline::model
